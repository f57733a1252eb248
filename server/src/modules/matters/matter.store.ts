import { randomUUID } from 'node:crypto';
import { DEFAULT_MATTER_TYPES, ELECTORATE_LABELS, mergeMatterTypes, resolvePolicy, type WorkflowPolicy, type AssemblyAuthorization, type Electorate, type MatterTypeDefinition, type MatterTypeInput } from '@village/shared';
import { EntityManager, In, IsNull } from 'typeorm';
import { BallotStore } from '../voting/ballot.store';
import { buildElectorate } from '../voting/domain/electorate';
import { Resident, RoleAssignment } from '../villages/entities';
import { AssemblyAuthorizationRow, Matter, MatterFile, MatterPolicyRow, MatterMeeting, MatterObjection, MatterOpinion, MatterProgress, MatterRevision, MatterTypeConfig } from './entities';
import { MatterException, MatterErrorCode } from './matters.exception';

/** Queries over the matter tables, always within one village; a row of another village is "not found". */
export class MatterStore {
  constructor(readonly manager: EntityManager) {}

  newId(): string {
    return randomUUID();
  }

  async matter(villageId: string, id: string, lock = false): Promise<Matter> {
    const query = this.manager.getRepository(Matter).createQueryBuilder('m').where('m.id = :id AND m.village_id = :villageId', { id, villageId });
    if (lock && this.manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
    const row = await query.getOne();
    if (!row) throw MatterException.matterNotFound();
    return row;
  }

  objections(matterIds: string[]): Promise<MatterObjection[]> {
    if (matterIds.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(MatterObjection).find({ where: { matterId: In(matterIds) }, order: { filedAt: 'ASC' } });
  }

  opinions(matterIds: string[]): Promise<MatterOpinion[]> {
    if (matterIds.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(MatterOpinion).find({ where: { matterId: In(matterIds) }, order: { givenAt: 'ASC' } });
  }

  revisions(matterId: string): Promise<MatterRevision[]> {
    return this.manager.getRepository(MatterRevision).find({ where: { matterId }, order: { number: 'ASC' } });
  }

  meetings(matterId: string): Promise<MatterMeeting[]> {
    return this.manager.getRepository(MatterMeeting).find({ where: { matterId }, order: { createdAt: 'ASC', scheduledAt: 'ASC' } });
  }

  progress(matterId: string): Promise<MatterProgress[]> {
    return this.manager.getRepository(MatterProgress).find({ where: { matterId }, order: { createdAt: 'ASC' } });
  }

  async meeting(villageId: string, matterId: string, meetingId: string): Promise<MatterMeeting> {
    const row = await this.manager.getRepository(MatterMeeting).findOne({ where: { id: meetingId, matterId, villageId } });
    if (!row) throw MatterException.meetingNotFound();
    return row;
  }

  async objection(villageId: string, id: string, lock = false): Promise<MatterObjection> {
    const query = this.manager.getRepository(MatterObjection).createQueryBuilder('o').where('o.id = :id AND o.village_id = :villageId', { id, villageId });
    if (lock && this.manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
    const row = await query.getOne();
    if (!row) throw new MatterException(MatterErrorCode.ObjectionNotFound, '本村没有这条异议，请刷新后再试');
    return row;
  }

  async opinion(villageId: string, id: string): Promise<MatterOpinion> {
    const row = await this.manager.getRepository(MatterOpinion).findOne({ where: { id, villageId } });
    if (!row) throw new MatterException(MatterErrorCode.OpinionNotFound, '本村没有这条监督意见，请刷新后再试');
    return row;
  }

  /** The files, all of this village, in the order given; 404 naming none when one is missing. */
  async files(villageId: string, ids: readonly string[]): Promise<MatterFile[]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];
    const rows = await this.manager.getRepository(MatterFile).find({ where: { villageId, id: In(wanted) } });
    if (rows.length !== wanted.length) throw new MatterException(MatterErrorCode.FileNotFound, '有照片或文件找不到了，请重新上传');
    return wanted.map((id) => rows.find((r) => r.id === id) as MatterFile);
  }

  /** Residents of the village (departed ones too: a past meeting names who was there then). */
  async assertResidents(villageId: string, ids: readonly (string | null | undefined)[]): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return;
    const found = await this.manager.getRepository(Resident).count({ where: { villageId, id: In(wanted) } });
    if (found !== wanted.length) throw new MatterException(MatterErrorCode.ResidentNotFound, '有人不在本村名册上，请从名册中选择');
  }

  /**
   * Attendees must be on the meeting body's roster, as the voting module reads it for a ballot
   * (buildElectorate): party members, the 村民代表会议, the 两委; for 村民会议 any resident of the village.
   */
  async assertOnRoster(villageId: string, electorate: Electorate, ids: readonly string[], today: string): Promise<void> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    if (electorate === 'households' || electorate === 'adult_residents') {
      await this.assertResidents(villageId, wanted);
      return;
    }
    const roster = new Set(buildElectorate(electorate, await new BallotStore(this.manager).electorateSource(villageId), today).map((r) => r.residentId));
    const outside = wanted.filter((id) => !roster.has(id)).length;
    if (outside > 0) throw new MatterException(MatterErrorCode.ResidentNotFound, `到会人员中有 ${outside} 人不在${ELECTORATE_LABELS[electorate]}的名单上，请从名单中选择`);
  }

  async names(villageId: string, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await this.manager.getRepository(Resident).find({ select: { id: true, name: true }, where: { villageId, id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** 一肩挑: the serving 书记 is also 村委会主任. */
  async secretaryOneShoulder(villageId: string): Promise<boolean> {
    const row = await this.manager.getRepository(RoleAssignment).findOne({ where: { villageId, role: 'secretary', oneShoulder: true, endedOn: IsNull() } });
    return row !== null;
  }

  /** The village's types: the defaults (less disabled non-statutory ones) and its own (mergeMatterTypes). */
  async matterTypes(villageId: string): Promise<readonly MatterTypeDefinition[]> {
    const config = await this.manager.getRepository(MatterTypeConfig).findOne({ where: { villageId } });
    if (!config) return DEFAULT_MATTER_TYPES;
    const merged = mergeMatterTypes({ extras: JSON.parse(config.extrasJson) as MatterTypeInput[], disabled: JSON.parse(config.disabledJson) as string[] });
    // A stored configuration was checked when saved; should the defaults change under it, fall back to them.
    return merged.ok ? merged.types : DEFAULT_MATTER_TYPES;
  }

  async matterType(villageId: string, code: string): Promise<MatterTypeDefinition> {
    const type = (await this.matterTypes(villageId)).find((t) => t.code === code) ?? DEFAULT_MATTER_TYPES.find((t) => t.code === code && t.statutory);
    if (!type) throw new MatterException(MatterErrorCode.TypeNotFound, `本村没有“${code}”这类事项，请从列表中选择`);
    return type;
  }

  /** The village's workflow policy with the defaults and the statutory floor applied (resolvePolicy). */
  async policy(villageId: string): Promise<WorkflowPolicy> {
    const row = await this.manager.getRepository(MatterPolicyRow).findOne({ where: { villageId } });
    return resolvePolicy(row ? (JSON.parse(row.policyJson) as Partial<WorkflowPolicy>) : undefined);
  }

  authorizationRows(villageId: string): Promise<AssemblyAuthorizationRow[]> {
    return this.manager.getRepository(AssemblyAuthorizationRow).find({ where: { villageId }, order: { grantedOn: 'ASC', createdAt: 'ASC' } });
  }

  /** 村民会议's authorizations for the 村民代表会议, expired and revoked ones too. */
  async authorizations(villageId: string): Promise<AssemblyAuthorization[]> {
    return (await this.authorizationRows(villageId)).map(authorizationOf);
  }
}

export function authorizationOf(row: AssemblyAuthorizationRow): AssemblyAuthorization {
  return {
    id: row.id,
    grantedByMeetingId: row.grantedByMeetingId,
    grantedOn: row.grantedOn,
    typeCodes: JSON.parse(row.typeCodesJson) as string[],
    expiresOn: row.expiresOn,
    revokedOn: row.revokedOn,
  };
}
