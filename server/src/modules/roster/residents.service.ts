import { Injectable } from '@nestjs/common';
import {
  ROSTER_PAGE_SIZE_DEFAULT,
  RESIDENT_STATUS_LABELS,
  ROLE_LABELS,
  type Page,
  type ResidentListItem,
  type RosterResident,
} from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';
import { UnitOfWork } from '../audit/unit-of-work';
import { Grid, Household, Resident } from '../villages/entities';
import { assertAdultRepresentative, assertIdentityMatches, assertVersion, isAdultOn, isoDay } from './domain/roster-rules';
import type { ResidentDepartureDto, ResidentInputDto, ResidentListQueryDto, UpdateResidentDto } from './dto/resident.dto';
import { HouseholdsService } from './households.service';
import { ResidentSecrets } from './resident-secrets';
import { RosterAccess } from './roster-access';
import { inScope } from './roster-scope';
import { RosterErrorCode, RosterException } from './roster.exception';
import { RosterQuery } from './roster.query';
import { RosterStore } from './roster.store';
import { RosterViews, withFields } from './roster.views';

const RESIDENT = '这位村民的信息';

/** Residents: list and read (scoped), add to a household, edit, mark deceased or moved out. */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly query: RosterQuery,
    private readonly access: RosterAccess,
    private readonly views: RosterViews,
    private readonly secrets: ResidentSecrets,
    private readonly households: HouseholdsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: VillageActor, q: ResidentListQueryDto): Promise<Page<ResidentListItem>> {
    const scope = await this.access.scope(actor);
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? ROSTER_PAGE_SIZE_DEFAULT };
    const { items, total } = await this.query.residents(scope, q, page, this.clock.now());
    const [refs, households] = await Promise.all([
      this.query.refs(actor.villageId),
      this.query.householdsByIds(actor.villageId, items.map((r) => r.householdId)),
    ]);
    const byId = new Map(households.map((h) => [h.id, h]));
    return {
      items: items.map((r) => {
        const household = byId.get(r.householdId) as Household;
        return {
          ...this.views.resident(r, household),
          grid: this.views.ref(refs.grids, household.gridId),
          villageGroup: this.views.ref(refs.groups, household.villageGroupId),
        };
      }),
      total,
      ...page,
    };
  }

  async detail(actor: VillageActor, residentId: string): Promise<ResidentListItem> {
    const scope = await this.access.scope(actor);
    const store = this.query.store();
    const resident = await store.resident(actor.villageId, residentId);
    const household = resident ? await store.household(actor.villageId, resident.householdId) : null;
    if (!resident || !household || !inScope(scope, household.gridId)) throw RosterException.residentNotFound();
    const refs = await this.query.refs(actor.villageId);
    return {
      ...this.views.resident(resident, household),
      grid: this.views.ref(refs.grids, household.gridId),
      villageGroup: this.views.ref(refs.groups, household.villageGroupId),
    };
  }

  async add(actor: VillageActor, householdId: string, dto: ResidentInputDto): Promise<RosterResident> {
    assertIdentityMatches(dto.idNumber, dto.birthDate, dto.gender);
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const household = await store.household(actor.villageId, householdId);
      if (!household) throw RosterException.householdNotFound();
      if (household.status === 'dissolved') throw RosterException.householdDissolved(household.number);
      await this.secrets.assertIdNumberFree(store, actor.villageId, dto.idNumber, null);
      const id = store.newId();
      await store.insert(Resident, this.households.newResident(id, actor.villageId, household.id, dto));
      const resident = (await store.resident(actor.villageId, id)) as Resident;
      await record({ action: 'resident.created', entityType: 'resident', entityId: id, after: this.views.residentSnapshot(resident) });
      return this.views.resident(resident, household);
    });
  }

  async update(actor: VillageActor, residentId: string, dto: UpdateResidentDto): Promise<RosterResident> {
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const before = await this.loadActive(store, actor.villageId, residentId);
      assertVersion(before.version, dto.version, RESIDENT);
      const household = (await store.household(actor.villageId, before.householdId)) as Household;
      if (household.status === 'dissolved') throw RosterException.householdDissolved(household.number);

      const changes: Partial<Resident> = {};
      for (const key of ['name', 'gender', 'birthDate', 'relationToHead', 'isPartyMember', 'isVillagerRep'] as const) {
        const value = dto[key];
        if (value !== undefined && value !== before[key]) Object.assign(changes, { [key]: value });
      }
      const storedId = this.secrets.idNumber(before);
      const idNumber = dto.idNumber === undefined ? storedId : dto.idNumber;
      assertIdentityMatches(idNumber, changes.birthDate ?? before.birthDate, changes.gender ?? before.gender);
      if (dto.idNumber !== undefined && dto.idNumber !== storedId) {
        await this.secrets.assertIdNumberFree(store, actor.villageId, dto.idNumber, before.id);
        changes.idNumberEnc = this.secrets.encrypt(dto.idNumber);
      }
      if (dto.phone !== undefined && dto.phone !== this.secrets.phone(before)) changes.phoneEnc = this.secrets.encrypt(dto.phone);
      if (changes.birthDate && household.representativeResidentId === before.id) {
        assertAdultRepresentative(changes.name ?? before.name, changes.birthDate, this.clock.now());
      }
      if (Object.keys(changes).length === 0) return this.views.resident(before, household);

      const written = await store.update(Resident, { id: before.id, villageId: actor.villageId, version: dto.version }, changes);
      if (!written) throw RosterException.versionConflict(RESIDENT);
      const after = (await store.resident(actor.villageId, before.id)) as Resident;
      await record({
        action: 'resident.updated',
        entityType: 'resident',
        entityId: before.id,
        before: this.views.residentSnapshot(before),
        after: this.views.residentSnapshot(after),
      });
      return this.views.resident(after, household);
    });
  }

  /**
   * Marks a resident deceased or moved out (never deleted). A departing 户代表 hands over to the
   * member named in the request; their offices end and any grid they led falls vacant, all audited.
   */
  async depart(actor: VillageActor, residentId: string, dto: ResidentDepartureDto): Promise<RosterResident> {
    const today = this.clock.now();
    const date = dto.date ?? isoDay(today);
    if (date > isoDay(today)) {
      throw new CommonException(CommonErrorCode.ValidationFailed, '填写的内容有误：日期不能晚于今天', [{ field: 'date', messages: ['日期不能晚于今天'] }]);
    }
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const villageId = actor.villageId;
      const before = await this.loadActive(store, villageId, residentId);
      assertVersion(before.version, dto.version, RESIDENT);
      if (date < before.birthDate) {
        throw new CommonException(CommonErrorCode.ValidationFailed, '填写的内容有误：日期不能早于出生日期', [{ field: 'date', messages: ['日期不能早于出生日期'] }]);
      }
      const household = (await store.household(villageId, before.householdId)) as Household;
      const isRepresentative = household.representativeResidentId === before.id;
      let successor: Resident | null = null;
      if (isRepresentative) {
        const candidates = (await store.members(household.id)).filter((m) => m.id !== before.id && m.status === 'active' && isAdultOn(m.birthDate, today));
        if (candidates.length > 0) {
          if (!dto.newRepresentativeResidentId) {
            throw new RosterException(
              RosterErrorCode.RepresentativeSuccessorRequired,
              `${before.name}是户号 ${household.number} 的户代表，请同时指定新的户代表（可选：${candidates.map((c) => c.name).join('、')}）`,
              { candidates: candidates.map((c) => ({ id: c.id, name: c.name })) },
            );
          }
          successor = candidates.find((c) => c.id === dto.newRepresentativeResidentId) ?? null;
          if (!successor) {
            throw new RosterException(
              RosterErrorCode.RepresentativeNotEligible,
              `新户代表须是本户在册的成年成员，可选：${candidates.map((c) => c.name).join('、')}`,
              { candidates: candidates.map((c) => ({ id: c.id, name: c.name })) },
            );
          }
        } else if (dto.newRepresentativeResidentId) {
          throw new RosterException(RosterErrorCode.RepresentativeNotEligible, '这一户没有其他在册的成年成员，无法指定新户代表；户代表暂时空缺。');
        }
      }

      const written = await store.update(
        Resident,
        { id: before.id, villageId, version: dto.version },
        { status: dto.status, departedOn: date },
      );
      if (!written) throw RosterException.versionConflict(RESIDENT);
      const after = (await store.resident(villageId, before.id)) as Resident;
      await record({
        action: 'resident.departed',
        entityType: 'resident',
        entityId: before.id,
        before: this.views.residentSnapshot(before),
        after: withFields(this.views.residentSnapshot(after), { note: dto.note ?? null }),
      });

      if (isRepresentative) {
        await store.update(Household, { id: household.id, villageId }, { representativeResidentId: successor?.id ?? null });
        await record({
          action: 'household.representative.changed',
          entityType: 'household',
          entityId: household.id,
          before: { householdNumber: household.number, representativeResidentId: before.id, representativeName: before.name },
          after: {
            householdNumber: household.number,
            representativeResidentId: successor?.id ?? null,
            representativeName: successor?.name ?? null,
            reason: `${before.name}${RESIDENT_STATUS_LABELS[dto.status]}`,
          },
        });
      }

      // Offices end with the person's presence in the village; a grid they led falls vacant.
      for (const office of await store.currentAssignments(villageId, { residentId: before.id })) {
        await store.endAssignment(office.id, date);
        await record({
          action: 'role_assignment.ended',
          entityType: 'role_assignment',
          entityId: office.id,
          before: { residentId: before.id, residentName: before.name, role: office.role, title: office.title, endedOn: null },
          after: { residentId: before.id, residentName: before.name, role: office.role, title: office.title, endedOn: date, reason: `${ROLE_LABELS[office.role]}${before.name}${RESIDENT_STATUS_LABELS[dto.status]}` },
        });
      }
      for (const grid of await store.gridsLedBy(villageId, before.id)) {
        await store.update(Grid, { id: grid.id, villageId }, { leaderResidentId: null });
        await record({
          action: 'grid.leader.changed',
          entityType: 'grid',
          entityId: grid.id,
          before: { gridName: grid.name, leaderResidentId: before.id, leaderName: before.name },
          after: { gridName: grid.name, leaderResidentId: null, leaderName: null },
        });
      }
      return this.views.resident(after, { ...household, representativeResidentId: successor?.id ?? (isRepresentative ? null : household.representativeResidentId) });
    });
  }

  private async loadActive(store: RosterStore, villageId: string, residentId: string): Promise<Resident> {
    const resident = await store.resident(villageId, residentId);
    if (!resident) throw RosterException.residentNotFound();
    if (resident.status !== 'active') throw RosterException.residentInactive(resident.name, RESIDENT_STATUS_LABELS[resident.status]);
    return resident;
  }
}
