import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TownshipVillageRow } from '@village/shared';
import { DataSource, In } from 'typeorm';
import { AccountBinding } from '../identity/entities';
import { MatterOpinion } from '../matters/entities';
import { Notice, NoticeInPerson, NoticeRead } from '../notices/entities';
import { CouncilChannel, Household, Resident, Village } from '../villages/entities';

/** What the awareness figures of a township's recent notices are computed from. */
export interface AwarenessRows {
  notices: { id: string; villageId: string; audience: string }[];
  households: { id: string; villageId: string; gridId: string }[];
  partyMembers: { id: string; villageId: string; householdId: string }[];
  reads: { noticeId: string; householdId: string; residentId: string }[];
  inPerson: { noticeId: string; subjectKey: string }[];
}

/** Read-only figures across a township's villages. */
@Injectable()
export class TownshipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async villageRows(townshipId: string): Promise<TownshipVillageRow[]> {
    const rows = await this.dataSource
      .getRepository(Village)
      .createQueryBuilder('v')
      .leftJoin(CouncilChannel, 'c', 'c.village_id = v.id')
      .select(['v.id AS id', 'v.code AS code', 'v.name AS name', 'c.bound_at AS boundAt'])
      .addSelect((q) => q.select('COUNT(*)').from(Household, 'h').where("h.village_id = v.id AND h.status = 'active'"), 'households')
      .addSelect((q) => q.select('COUNT(*)').from(Resident, 'r').where("r.village_id = v.id AND r.status = 'active'"), 'residents')
      .addSelect(
        (q) =>
          q
            .select('COUNT(*)')
            .from(Household, 'h2')
            .innerJoin(AccountBinding, 'b', 'b.resident_id = h2.representative_resident_id AND b.unbound_at IS NULL')
            .where("h2.village_id = v.id AND h2.status = 'active'"),
        'householdsOnline',
      )
      .where('v.township_id = :townshipId', { townshipId })
      .orderBy('v.code', 'ASC')
      .getRawMany<{ id: string; code: string; name: string; boundAt: unknown; households: unknown; residents: unknown; householdsOnline: unknown }>();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      households: Number(r.households),
      residents: Number(r.residents),
      householdsOnline: Number(r.householdsOnline),
      councilChannelBound: r.boundAt !== null && r.boundAt !== undefined,
    }));
  }

  findVillageInTownship(villageId: string, townshipId: string): Promise<Village | null> {
    return this.dataSource.getRepository(Village).findOneBy({ id: villageId, townshipId });
  }

  villagesOfTownship(townshipId: string): Promise<Village[]> {
    return this.dataSource.getRepository(Village).find({ where: { townshipId }, order: { code: 'ASC' } });
  }

  /** 监督意见 marked 要求纠正 (blocking) that the supervisor has not lifted, per village. */
  async openBlockingOpinions(villageIds: string[]): Promise<Map<string, number>> {
    if (villageIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(MatterOpinion)
      .createQueryBuilder('o')
      .select('o.village_id', 'villageId')
      .addSelect('COUNT(*)', 'n')
      .where('o.village_id IN (:...villageIds)', { villageIds })
      .andWhere('o.blocking = :yes', { yes: true })
      .andWhere('o.lifted_at IS NULL')
      .groupBy('o.village_id')
      .getRawMany<{ villageId: string; n: unknown }>();
    return new Map(rows.map((r) => [r.villageId, Number(r.n)]));
  }

  /**
   * Notices published since `since` (still published or archived; audit-checkpoint records left out)
   * and who they reached: active households and party members now, read receipts and 上门告知.
   */
  async awarenessRows(villageIds: string[], since: Date): Promise<AwarenessRows> {
    if (villageIds.length === 0) return { notices: [], households: [], partyMembers: [], reads: [], inPerson: [] };
    const notices = await this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .select(['n.id AS id', 'n.village_id AS villageId', 'n.audience AS audience'])
      .where('n.village_id IN (:...villageIds)', { villageIds })
      .andWhere('n.status IN (:...statuses)', { statuses: ['published', 'archived'] })
      .andWhere('n.kind <> :record', { record: 'audit_checkpoint' })
      .andWhere('n.published_at >= :since', { since })
      .getRawMany<{ id: string; villageId: string; audience: string }>();
    if (notices.length === 0) return { notices: [], households: [], partyMembers: [], reads: [], inPerson: [] };
    const noticeIds = notices.map((n) => n.id);
    const [households, partyMembers, reads, inPerson] = await Promise.all([
      this.dataSource.getRepository(Household).find({ select: { id: true, villageId: true, gridId: true }, where: { villageId: In(villageIds), status: 'active' } }),
      this.dataSource
        .getRepository(Resident)
        .createQueryBuilder('r')
        .innerJoin(Household, 'h', "h.id = r.household_id AND h.status = 'active'")
        .select(['r.id AS id', 'r.village_id AS villageId', 'r.household_id AS householdId'])
        .where("r.village_id IN (:...villageIds) AND r.status = 'active' AND r.is_party_member = :yes", { villageIds, yes: true })
        .getRawMany<{ id: string; villageId: string; householdId: string }>(),
      this.dataSource.getRepository(NoticeRead).find({ select: { noticeId: true, householdId: true, residentId: true }, where: { noticeId: In(noticeIds) } }),
      this.dataSource.getRepository(NoticeInPerson).find({ select: { noticeId: true, subjectKey: true }, where: { noticeId: In(noticeIds) } }),
    ]);
    return {
      notices,
      households: households.map((h) => ({ id: h.id, villageId: h.villageId, gridId: h.gridId })),
      partyMembers,
      reads: reads.map((r) => ({ noticeId: r.noticeId, householdId: r.householdId, residentId: r.residentId })),
      inPerson: inPerson.map((r) => ({ noticeId: r.noticeId, subjectKey: r.subjectKey })),
    };
  }
}
