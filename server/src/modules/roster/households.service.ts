import { Injectable } from '@nestjs/common';
import { ROSTER_PAGE_SIZE_DEFAULT, type HouseholdDetail, type HouseholdListItem, type Page } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork, type Work } from '../audit/unit-of-work';
import { Household, Resident } from '../villages/entities';
import { assertAdultRepresentative, assertIdentityMatches, assertVersion } from './domain/roster-rules';
import type {
  ChangeRepresentativeDto,
  CreateHouseholdDto,
  DissolveHouseholdDto,
  HouseholdListQueryDto,
  MoveHouseholdDto,
  UpdateHouseholdDto,
} from './dto/household.dto';
import { ResidentSecrets } from './resident-secrets';
import { RosterAccess } from './roster-access';
import { inScope } from './roster-scope';
import { RosterErrorCode, RosterException } from './roster.exception';
import { RosterQuery } from './roster.query';
import { RosterStore } from './roster.store';
import { RosterViews, withFields } from './roster.views';

const HOUSEHOLD = '这一户';

/** Households: list and read (scoped), create, edit, move, change representative, dissolve. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly query: RosterQuery,
    private readonly access: RosterAccess,
    private readonly views: RosterViews,
    private readonly secrets: ResidentSecrets,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: VillageActor, q: HouseholdListQueryDto): Promise<Page<HouseholdListItem>> {
    const scope = await this.access.scope(actor);
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? ROSTER_PAGE_SIZE_DEFAULT };
    const { items, total } = await this.query.households(scope, q, page);
    const [refs, reps, counts] = await Promise.all([
      this.query.refs(actor.villageId),
      this.query.store().residentsByIds(actor.villageId, items.flatMap((h) => (h.representativeResidentId ? [h.representativeResidentId] : []))),
      this.query.activeMemberCounts(items.map((h) => h.id)),
    ]);
    const repById = new Map(reps.map((r) => [r.id, r]));
    return {
      items: items.map((h) => this.views.household(h, refs, repById.get(h.representativeResidentId ?? '') ?? null, counts.get(h.id) ?? 0)),
      total,
      ...page,
    };
  }

  async detail(actor: VillageActor, householdId: string): Promise<HouseholdDetail> {
    const scope = await this.access.scope(actor);
    const store = this.query.store();
    const household = await store.household(actor.villageId, householdId);
    if (!household || !inScope(scope, household.gridId)) throw RosterException.householdNotFound();
    const [refs, members] = await Promise.all([this.query.refs(actor.villageId), store.members(household.id)]);
    return this.views.householdDetail(household, refs, members);
  }

  async create(actor: VillageActor, dto: CreateHouseholdDto): Promise<HouseholdDetail> {
    const first = dto.firstMember;
    assertIdentityMatches(first.idNumber, first.birthDate, first.gender);
    assertAdultRepresentative(first.name, first.birthDate, this.clock.now());

    const householdId = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const villageId = actor.villageId;
      if (!(await store.grid(villageId, dto.gridId))) throw RosterException.gridNotFound();
      if (!(await store.villageGroup(villageId, dto.villageGroupId))) throw RosterException.villageGroupNotFound();
      await this.assertNumberFree(store, villageId, dto.number, null);
      await this.secrets.assertIdNumberFree(store, villageId, first.idNumber, null);

      const id = store.newId();
      await store.insert(Household, {
        id,
        villageId,
        number: dto.number,
        address: dto.address,
        gridId: dto.gridId,
        villageGroupId: dto.villageGroupId,
        representativeResidentId: null,
        status: 'active',
      } as Household);
      const residentId = store.newId();
      await store.insert(Resident, this.newResident(residentId, villageId, id, first));
      await store.update(Household, { id, villageId }, { representativeResidentId: residentId });

      const refs = await this.query.refs(villageId, store);
      const household = (await store.household(villageId, id)) as Household;
      const resident = (await store.resident(villageId, residentId)) as Resident;
      await record({
        action: 'household.created',
        entityType: 'household',
        entityId: id,
        after: this.views.householdSnapshot(household, refs, resident.name),
      });
      await record({ action: 'resident.created', entityType: 'resident', entityId: residentId, after: this.views.residentSnapshot(resident) });
      return id;
    });
    return this.detail(actor, householdId);
  }

  async update(actor: VillageActor, householdId: string, dto: UpdateHouseholdDto): Promise<HouseholdDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const before = await this.loadWritable(store, actor.villageId, householdId, dto.version);
      const changes: Partial<Household> = {};
      if (dto.number !== undefined && dto.number !== before.number) {
        await this.assertNumberFree(store, actor.villageId, dto.number, before.id);
        changes.number = dto.number;
      }
      if (dto.address !== undefined && dto.address !== before.address) changes.address = dto.address;
      if (Object.keys(changes).length === 0) return;
      await this.write(store, before, dto.version, changes);
      await this.recordChange(store, record, 'household.updated', before);
    });
    return this.detail(actor, householdId);
  }

  async move(actor: VillageActor, householdId: string, dto: MoveHouseholdDto): Promise<HouseholdDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const before = await this.loadWritable(store, actor.villageId, householdId, dto.version);
      if (!(await store.grid(actor.villageId, dto.gridId))) throw RosterException.gridNotFound();
      if (dto.villageGroupId && !(await store.villageGroup(actor.villageId, dto.villageGroupId))) throw RosterException.villageGroupNotFound();
      const changes: Partial<Household> = {};
      if (dto.gridId !== before.gridId) changes.gridId = dto.gridId;
      if (dto.villageGroupId && dto.villageGroupId !== before.villageGroupId) changes.villageGroupId = dto.villageGroupId;
      if (Object.keys(changes).length === 0) return;
      await this.write(store, before, dto.version, changes);
      await this.recordChange(store, record, 'household.moved', before);
    });
    return this.detail(actor, householdId);
  }

  /** 一户一人: exactly one representative, an active adult member of the household. */
  async changeRepresentative(actor: VillageActor, householdId: string, dto: ChangeRepresentativeDto): Promise<HouseholdDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const before = await this.loadWritable(store, actor.villageId, householdId, dto.version);
      const candidate = await store.resident(actor.villageId, dto.residentId);
      if (!candidate) throw RosterException.residentNotFound();
      if (candidate.householdId !== before.id) {
        throw new RosterException(RosterErrorCode.RepresentativeNotEligible, `${candidate.name}不是户号 ${before.number} 的成员，户代表须是本户成员`);
      }
      if (candidate.status !== 'active') {
        throw new RosterException(RosterErrorCode.RepresentativeNotEligible, `${candidate.name}已不在册（已故或迁出），不能当户代表`);
      }
      assertAdultRepresentative(candidate.name, candidate.birthDate, this.clock.now());
      if (before.representativeResidentId === candidate.id) return;

      const previous = before.representativeResidentId ? await store.resident(actor.villageId, before.representativeResidentId) : null;
      await this.write(store, before, dto.version, { representativeResidentId: candidate.id });
      await record({
        action: 'household.representative.changed',
        entityType: 'household',
        entityId: before.id,
        before: { householdNumber: before.number, representativeResidentId: previous?.id ?? null, representativeName: previous?.name ?? null },
        after: { householdNumber: before.number, representativeResidentId: candidate.id, representativeName: candidate.name },
      });
    });
    return this.detail(actor, householdId);
  }

  /** Only an empty household (no active member) can be dissolved; its history stays. */
  async dissolve(actor: VillageActor, householdId: string, dto: DissolveHouseholdDto): Promise<HouseholdDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const before = await this.loadWritable(store, actor.villageId, householdId, dto.version);
      const active = (await store.members(before.id)).filter((m) => m.status === 'active');
      if (active.length > 0) {
        const names = active.slice(0, 5).map((m) => m.name).join('、');
        throw new RosterException(
          RosterErrorCode.HouseholdNotEmpty,
          `户号 ${before.number} 还有 ${active.length} 位在册成员（${names}${active.length > 5 ? '等' : ''}），不能注销。请先把他们登记为已故或迁出。`,
          { activeMembers: active.map((m) => ({ id: m.id, name: m.name })) },
        );
      }
      await this.write(store, before, dto.version, { status: 'dissolved', representativeResidentId: null });
      await this.recordChange(store, record, 'household.dissolved', before, { reason: dto.reason });
    });
    return this.detail(actor, householdId);
  }

  newResident(id: string, villageId: string, householdId: string, input: CreateHouseholdDto['firstMember']): Resident {
    return {
      id,
      villageId,
      householdId,
      name: input.name,
      gender: input.gender,
      birthDate: input.birthDate,
      relationToHead: input.relationToHead,
      isPartyMember: input.isPartyMember ?? false,
      isVillagerRep: input.isVillagerRep ?? false,
      status: 'active',
      departedOn: null,
      phoneEnc: this.secrets.encrypt(input.phone),
      idNumberEnc: this.secrets.encrypt(input.idNumber),
    } as Resident;
  }

  private async assertNumberFree(store: RosterStore, villageId: string, number: string, exceptId: string | null): Promise<void> {
    const holder = await store.householdByNumber(villageId, number);
    if (holder && holder.id !== exceptId) {
      throw new RosterException(
        RosterErrorCode.HouseholdNumberTaken,
        `户号 ${number} 已经有了${holder.status === 'dissolved' ? '（已注销的户）' : ''}，请换一个户号`,
      );
    }
  }

  /** Loads for a change: 404 outside the village, 409 when dissolved or edited by someone else. */
  private async loadWritable(store: RosterStore, villageId: string, householdId: string, version: number): Promise<Household> {
    const household = await store.household(villageId, householdId);
    if (!household) throw RosterException.householdNotFound();
    if (household.status === 'dissolved') throw RosterException.householdDissolved(household.number);
    assertVersion(household.version, version, HOUSEHOLD);
    return household;
  }

  private async write(store: RosterStore, before: Household, version: number, changes: Partial<Household>): Promise<void> {
    const written = await store.update(Household, { id: before.id, villageId: before.villageId, version }, changes);
    if (!written) throw RosterException.versionConflict(HOUSEHOLD);
  }

  private async recordChange(
    store: RosterStore,
    record: Work['record'],
    action: string,
    before: Household,
    extra: Record<string, string> = {},
  ): Promise<void> {
    const refs = await this.query.refs(before.villageId, store);
    const after = (await store.household(before.villageId, before.id)) as Household;
    const names = await store.residentsByIds(
      before.villageId,
      [before.representativeResidentId, after.representativeResidentId].filter((id): id is string => Boolean(id)),
    );
    const nameOf = (id: string | null): string | null => names.find((r) => r.id === id)?.name ?? null;
    await record({
      action,
      entityType: 'household',
      entityId: before.id,
      before: this.views.householdSnapshot(before, refs, nameOf(before.representativeResidentId)),
      after: withFields(this.views.householdSnapshot(after, refs, nameOf(after.representativeResidentId)), extra),
    });
  }
}
