import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assessConveningPetition,
  assessRepresentativeCadence,
  authorizationProblem,
  checkAuthorization,
  checkWorkflowPolicy,
  chinaDay,
  DECISION_BODY_LABELS,
  mergeMatterTypes,
  obligationStatus,
  type AssemblyAuthorizationView,
  type AuthorizingMeetingView,
  type ConveningObligationView,
  type RepresentativeCadenceView,
  type TownshipConveningObligationView,
  type TownshipRepresentativeCadenceView,
  type MatterTypeInput,
  type WorkflowPolicy,
} from '@village/shared';
import { DataSource, In, IsNull, LessThanOrEqual } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { Resident, Village } from '../villages/entities';
import type { AssemblyAuthorizationDto, ConveningPetitionDto, MatterTypeConfigDto, ObligationQueryDto, RevokeAuthorizationDto, WorkflowPolicyDto } from './dto/matter-config.dto';
import { AssemblyAuthorizationRow, ConveningPetition, Matter, MatterMeeting, MatterPolicyRow, MatterTypeConfig } from './entities';
import { authorizationOf, MatterStore } from './matter.store';
import { MatterErrorCode, MatterException } from './matters.exception';

/** Village settings of the workflow: matter types, 村民会议 authorizations, and convening petitions (召集义务). */
@Injectable()
export class MatterConfigService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  private read<T>(task: (store: MatterStore) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(new MatterStore(this.dataSource.manager)));
  }

  // ------------------------------------------------------------ types

  async configureTypes(actor: VillageActor, dto: MatterTypeConfigDto): Promise<void> {
    const extras: MatterTypeInput[] = dto.extras.map((e) => ({ code: e.code, label: e.label, description: e.description, decisionMode: e.decisionMode, override: e.override ?? null }));
    const merged = mergeMatterTypes({ extras, disabled: dto.disabled });
    if (!merged.ok) throw new MatterException(MatterErrorCode.TypesInvalid, merged.problems.map((p) => p.message).join('；'), { problems: merged.problems });
    await this.uow.run(auditActor(actor), async (work) => {
      const repo = work.manager.getRepository(MatterTypeConfig);
      const before = await repo.findOne({ where: { villageId: actor.villageId } });
      const row: MatterTypeConfig = {
        villageId: actor.villageId,
        extrasJson: JSON.stringify(extras),
        disabledJson: JSON.stringify(dto.disabled),
        updatedByResidentId: actor.residentId,
        updatedAt: this.clock.now(),
        version: (before?.version ?? 0) + 1,
      };
      if (before) await repo.update({ villageId: actor.villageId }, row);
      else await repo.insert(row);
      await work.record({
        action: 'matter.types.configured',
        entityType: 'matter_type_config',
        entityId: actor.villageId,
        before: before ? { extras: before.extrasJson, disabled: before.disabledJson } : null,
        after: { extras: row.extrasJson, disabled: row.disabledJson },
      });
    });
  }

  // ------------------------------------------------------------ policy

  policy(actor: VillageActor): Promise<WorkflowPolicy> {
    return this.read((store) => store.policy(actor.villageId));
  }

  async configurePolicy(actor: VillageActor, dto: WorkflowPolicyDto): Promise<void> {
    const policy: WorkflowPolicy = { disclosureDays: dto.disclosureDays, noticeLeadDays: { ...dto.noticeLeadDays }, partyReviewPassBasis: dto.partyReviewPassBasis };
    const problems = checkWorkflowPolicy(policy);
    if (problems.length > 0) throw new MatterException(MatterErrorCode.PolicyInvalid, problems.join('；'), { problems });
    await this.uow.run(auditActor(actor), async (work) => {
      const repo = work.manager.getRepository(MatterPolicyRow);
      const before = await repo.findOne({ where: { villageId: actor.villageId } });
      const row: MatterPolicyRow = { villageId: actor.villageId, policyJson: JSON.stringify(policy), updatedByResidentId: actor.residentId, updatedAt: this.clock.now() };
      if (before) await repo.update({ villageId: actor.villageId }, row);
      else await repo.insert(row);
      await work.record({ action: 'matter.policy.configured', entityType: 'matter_policy', entityId: actor.villageId, before: before ? { policy: before.policyJson } : null, after: { policy: row.policyJson } });
    });
  }

  // ------------------------------------------------------------ authorizations

  async authorizations(actor: VillageActor): Promise<AssemblyAuthorizationView[]> {
    return this.read(async (store) => {
      const rows = await store.authorizationRows(actor.villageId);
      const types = await store.matterTypes(actor.villageId);
      const meetings = rows.length ? await store.manager.getRepository(MatterMeeting).find({ where: { id: In(rows.map((r) => r.grantedByMeetingId)) } }) : [];
      const matters = meetings.length ? await store.manager.getRepository(Matter).find({ where: { id: In(meetings.map((m) => m.matterId)) } }) : [];
      const today = chinaDay(this.clock.now());
      return rows.map((row) => {
        const a = authorizationOf(row);
        const meeting = meetings.find((m) => m.id === row.grantedByMeetingId);
        const matter = matters.find((m) => m.id === meeting?.matterId);
        return {
          id: row.id,
          grantedBy: { meetingId: row.grantedByMeetingId, matterId: matter?.id ?? '', matterTitle: matter?.title ?? '' },
          grantedOn: row.grantedOn,
          types: a.typeCodes.map((code) => ({ code, label: types.find((t) => t.code === code)?.label ?? code })),
          expiresOn: row.expiresOn,
          revokedOn: row.revokedOn,
          inForce: a.typeCodes.some((code) => authorizationProblem(a, code, today) === null),
        };
      });
    });
  }

  /** The village's 村民会议 that passed and were applied to the workflow: the only ones that may grant or withdraw an authorization. Newest first. */
  async authorizingMeetings(actor: VillageActor): Promise<AuthorizingMeetingView[]> {
    return this.read(async (store) => {
      const meetings = await store.manager.getRepository(MatterMeeting).find({
        where: { villageId: actor.villageId, body: 'villager_assembly', status: 'applied', outcome: 'passed' },
        order: { heldOn: 'DESC', id: 'ASC' },
      });
      const matters = meetings.length ? await store.manager.getRepository(Matter).find({ where: { id: In(meetings.map((m) => m.matterId)) } }) : [];
      return meetings.flatMap((m) => (m.heldOn ? [{ meetingId: m.id, matterId: m.matterId, matterTitle: matters.find((x) => x.id === m.matterId)?.title ?? '', heldOn: m.heldOn }] : []));
    });
  }

  /** A held 村民会议 of this village whose vote passed (the only body that may grant or withdraw an authorization). */
  private async assemblyMeeting(store: MatterStore, villageId: string, meetingId: string): Promise<MatterMeeting> {
    const meeting = await store.manager.getRepository(MatterMeeting).findOne({ where: { id: meetingId, villageId } });
    if (!meeting) throw MatterException.meetingNotFound();
    if (meeting.body !== 'villager_assembly' || meeting.status !== 'applied' || meeting.outcome !== 'passed' || !meeting.heldOn) {
      throw new MatterException(MatterErrorCode.AuthorizationInvalid, '授权须由村民会议表决通过（已计入流程的村民会议），这次会议不符合（《村民委员会组织法》第二十四条）');
    }
    return meeting;
  }

  async grant(actor: VillageActor, dto: AssemblyAuthorizationDto): Promise<string> {
    return this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      const meeting = await this.assemblyMeeting(store, actor.villageId, dto.meetingId);
      const problems = checkAuthorization({ grantedOn: meeting.heldOn as string, typeCodes: dto.typeCodes, expiresOn: dto.expiresOn }, await store.matterTypes(actor.villageId));
      if (problems.length > 0) throw new MatterException(MatterErrorCode.AuthorizationInvalid, problems.join('；'), { problems });
      const row: AssemblyAuthorizationRow = {
        id: store.newId(),
        villageId: actor.villageId,
        grantedByMeetingId: meeting.id,
        grantedOn: meeting.heldOn as string,
        typeCodesJson: JSON.stringify(dto.typeCodes),
        expiresOn: dto.expiresOn,
        revokedOn: null,
        revokedByMeetingId: null,
        createdByResidentId: actor.residentId,
        createdAt: this.clock.now(),
      };
      await work.manager.insert(AssemblyAuthorizationRow, row);
      await work.record({ action: 'matter.authorization.granted', entityType: 'assembly_authorization', entityId: row.id, after: { meetingId: meeting.id, grantedOn: row.grantedOn, typeCodes: row.typeCodesJson, expiresOn: row.expiresOn } });
      return row.id;
    });
  }

  async revoke(actor: VillageActor, authorizationId: string, dto: RevokeAuthorizationDto): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      const row = await work.manager.getRepository(AssemblyAuthorizationRow).findOne({ where: { id: authorizationId, villageId: actor.villageId } });
      if (!row) throw new MatterException(MatterErrorCode.AuthorizationNotFound, '本村没有这项授权，请刷新后再试');
      if (row.revokedOn !== null) throw new MatterException(MatterErrorCode.AuthorizationInvalid, `这项授权已于 ${row.revokedOn} 撤销`);
      const meeting = await this.assemblyMeeting(store, actor.villageId, dto.meetingId);
      if (dto.revokedOn < row.grantedOn || dto.revokedOn < (meeting.heldOn as string)) {
        throw new MatterException(MatterErrorCode.AuthorizationInvalid, '撤销日期不能早于作出授权的日期，也不能早于作出撤销决定的村民会议');
      }
      await work.manager.update(AssemblyAuthorizationRow, { id: row.id }, { revokedOn: dto.revokedOn, revokedByMeetingId: meeting.id });
      await work.record({ action: 'matter.authorization.revoked', entityType: 'assembly_authorization', entityId: row.id, before: { revokedOn: null }, after: { revokedOn: dto.revokedOn, meetingId: meeting.id } });
    });
  }

  // ------------------------------------------------------------ convening

  async petition(actor: VillageActor, dto: ConveningPetitionDto): Promise<string> {
    if (dto.body === 'representative_assembly' && dto.adultSignerIds.length > 0) {
      throw new MatterException(MatterErrorCode.PetitionInvalid, '提议召开村民代表会议只计村民代表的签名（《村民委员会组织法》第二十六条）');
    }
    return this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      await store.assertResidents(actor.villageId, [...dto.adultSignerIds, ...dto.representativeSignerIds]);
      await store.files(actor.villageId, dto.photoIds);
      const today = chinaDay(this.clock.now());
      const adultCutoff = `${Number(dto.petitionedOn.slice(0, 4)) - 18}${dto.petitionedOn.slice(4)}`;
      const residents = work.manager.getRepository(Resident);
      const [adultResidents, representatives, repSigners] = await Promise.all([
        residents.count({ where: { villageId: actor.villageId, departedOn: IsNull(), birthDate: LessThanOrEqual(adultCutoff) } }),
        residents.count({ where: { villageId: actor.villageId, departedOn: IsNull(), isVillagerRep: true } }),
        dto.representativeSignerIds.length
          ? residents.count({ where: { villageId: actor.villageId, id: In(dto.representativeSignerIds), isVillagerRep: true } })
          : Promise.resolve(0),
      ]);
      if (repSigners !== new Set(dto.representativeSignerIds).size) throw new MatterException(MatterErrorCode.PetitionInvalid, '有签名人不是现任村民代表，请从村民代表名单中选择');
      if (dto.petitionedOn > today) throw new MatterException(MatterErrorCode.PetitionInvalid, '提议日期不能晚于今天');
      const assessment = assessConveningPetition({
        body: dto.body,
        petitionedOn: dto.petitionedOn,
        adultSigners: new Set(dto.adultSignerIds).size,
        representativeSigners: repSigners,
        adultResidents,
        representatives,
      });
      const row: ConveningPetition = {
        id: store.newId(),
        villageId: actor.villageId,
        body: dto.body,
        petitionedOn: dto.petitionedOn,
        subject: dto.subject,
        source: 'petition',
        proposalId: null,
        adultSignerIdsJson: JSON.stringify([...new Set(dto.adultSignerIds)]),
        representativeSignerIdsJson: JSON.stringify([...new Set(dto.representativeSignerIds)]),
        photoIdsJson: JSON.stringify(dto.photoIds),
        adultResidents,
        representatives,
        dueBy: assessment.dueBy,
        createdByResidentId: actor.residentId,
        createdAt: this.clock.now(),
      };
      await work.manager.insert(ConveningPetition, row);
      await work.record({
        action: 'matter.convening_petition.recorded',
        entityType: 'convening_petition',
        entityId: row.id,
        after: { body: row.body, petitionedOn: row.petitionedOn, adultSigners: assessment.checks.find((c) => c.basis === 'adults')?.signers ?? 0, representativeSigners: repSigners, obliged: assessment.obliged, dueBy: row.dueBy },
      });
      return row.id;
    });
  }

  /** Petitions that oblige a meeting; met by the first meeting of that body held after the petition day. */
  obligations(actor: VillageActor, q: ObligationQueryDto): Promise<ConveningObligationView[]> {
    return this.obligationsIn([actor.villageId], q);
  }

  /** 乡镇干部: the obligations of every village of their township, each with its village. */
  async townshipObligations(townshipId: string, q: ObligationQueryDto): Promise<TownshipConveningObligationView[]> {
    const villages = await this.dataSource.getRepository(Village).find({ where: { townshipId }, order: { name: 'ASC' } });
    if (villages.length === 0) return [];
    const views = await this.obligationsIn(villages.map((v) => v.id), q);
    return views.map((v) => {
      const village = villages.find((x) => x.id === v.villageId) as Village;
      const { villageId: _, ...view } = v;
      return { ...view, village: { id: village.id, name: village.name } };
    });
  }

  /** OL art. 26: the 村民代表会议 meets once a quarter; a held one of any matter counts. */
  async representativeCadence(actor: VillageActor): Promise<RepresentativeCadenceView> {
    const [view] = await this.cadencesOf(await this.dataSource.getRepository(Village).find({ where: { id: actor.villageId } }));
    return view;
  }

  /** 乡镇干部: the quarterly cadence of every village of their township. */
  async townshipCadences(townshipId: string): Promise<TownshipRepresentativeCadenceView[]> {
    const villages = await this.dataSource.getRepository(Village).find({ where: { townshipId }, order: { name: 'ASC' } });
    const views = await this.cadencesOf(villages);
    return villages.map((v, i) => ({ ...views[i], village: { id: v.id, name: v.name } }));
  }

  /** In the order of `villages`; a village's first day in the system is when its records start. */
  private cadencesOf(villages: Village[]): Promise<RepresentativeCadenceView[]> {
    if (villages.length === 0) return Promise.resolve([]);
    return this.read(async (store) => {
      const today = chinaDay(this.clock.now());
      const meetings = await store.manager.getRepository(MatterMeeting).find({
        select: { villageId: true, heldOn: true },
        where: { villageId: In(villages.map((v) => v.id)), body: 'representative_assembly', status: In(['held', 'applied']) },
      });
      return villages.map((v) =>
        assessRepresentativeCadence({
          heldOn: meetings.flatMap((m) => (m.villageId === v.id && m.heldOn !== null ? [m.heldOn] : [])),
          since: chinaDay(v.createdAt),
          today,
        }),
      );
    });
  }

  private async obligationsIn(villageIds: string[], q: ObligationQueryDto): Promise<(ConveningObligationView & { villageId: string })[]> {
    return this.read(async (store) => {
      const today = chinaDay(this.clock.now());
      const rows = await store.manager.getRepository(ConveningPetition).find({ where: { villageId: In(villageIds) }, order: { petitionedOn: 'DESC', createdAt: 'DESC' } });
      const meetings = await store.manager.getRepository(MatterMeeting).find({ where: { villageId: In(villageIds), body: In(['villager_assembly', 'representative_assembly']), status: In(['held', 'applied']) } });
      const views: (ConveningObligationView & { villageId: string })[] = [];
      for (const row of rows) {
        if (!row.dueBy) continue;
        const assessment = assessConveningPetition({
          body: row.body,
          petitionedOn: row.petitionedOn,
          adultSigners: (JSON.parse(row.adultSignerIdsJson) as string[]).length,
          representativeSigners: (JSON.parse(row.representativeSignerIdsJson) as string[]).length,
          adultResidents: row.adultResidents,
          representatives: row.representatives,
        });
        const met = meetings
          .filter((m) => m.villageId === row.villageId && m.body === row.body && m.heldOn !== null && m.heldOn > row.petitionedOn)
          .sort((a, b) => ((a.heldOn as string) < (b.heldOn as string) ? -1 : 1))[0];
        const status = obligationStatus(row.dueBy, met?.heldOn ?? null, today);
        if (q.status && q.status !== status.status) continue;
        views.push({
          villageId: row.villageId,
          id: row.id,
          body: row.body,
          bodyLabel: DECISION_BODY_LABELS[row.body],
          subject: row.subject,
          source: row.source,
          petitionedOn: row.petitionedOn,
          checks: assessment.checks,
          explanation: assessment.explanation,
          dueBy: row.dueBy,
          status: status.status,
          statusText: status.text,
          metByMeetingId: met?.id ?? null,
          legalBasis: assessment.basis,
        });
      }
      return views;
    });
  }
}
