import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ageBandBirthDates, type AgeBand, type Gender, type HouseholdStatus, type ResidentStatus } from '@village/shared';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { Household, Resident, Village } from '../villages/entities';
import { CorrectionRequest } from './entities/correction-request.entity';
import type { RosterScope } from './roster-scope';
import type { HouseholdRefs } from './roster.views';
import { RosterStore } from './roster.store';

export interface HouseholdFilter {
  q?: string;
  gridId?: string;
  villageGroupId?: string;
  status?: HouseholdStatus;
}

export interface ResidentFilter {
  q?: string;
  householdId?: string;
  gridId?: string;
  villageGroupId?: string;
  gender?: Gender;
  isPartyMember?: boolean;
  isVillagerRep?: boolean;
  isRepresentative?: boolean;
  status?: ResidentStatus;
  ageBand?: AgeBand;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** `LIKE` with the user's text taken literally ('!' escapes, portable to SQLite and MySQL). */
export function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/** Roster reads for lists, search and reports. Every query is bound to the caller's village. */
@Injectable()
export class RosterQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Plain lookups outside a unit of work. */
  store(): RosterStore {
    return new RosterStore(this.dataSource.manager);
  }

  private scoped<T extends object>(qb: SelectQueryBuilder<T>, scope: RosterScope, gridColumn: string): SelectQueryBuilder<T> {
    if (scope.gridIds) qb.andWhere(`${gridColumn} IN (:...scopeGridIds)`, { scopeGridIds: scope.gridIds });
    return qb;
  }

  async households(scope: RosterScope, filter: HouseholdFilter, page: PageRequest): Promise<{ items: Household[]; total: number }> {
    if (scope.gridIds?.length === 0) return { items: [], total: 0 };
    const qb = this.dataSource
      .getRepository(Household)
      .createQueryBuilder('h')
      .where('h.village_id = :villageId', { villageId: scope.villageId })
      .andWhere('h.status = :status', { status: filter.status ?? 'active' });
    this.scoped(qb, scope, 'h.grid_id');
    if (filter.gridId) qb.andWhere('h.grid_id = :gridId', { gridId: filter.gridId });
    if (filter.villageGroupId) qb.andWhere('h.village_group_id = :villageGroupId', { villageGroupId: filter.villageGroupId });
    if (filter.q) {
      const text = likeEscape(filter.q);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("h.number LIKE :prefix ESCAPE '!'", { prefix: `${text}%` })
            .orWhere("h.address LIKE :contains ESCAPE '!'", { contains: `%${text}%` })
            .orWhere("EXISTS (SELECT 1 FROM resident m WHERE m.household_id = h.id AND m.name LIKE :contains ESCAPE '!')"),
        ),
      );
    }
    const total = await qb.getCount();
    const items = await qb
      .orderBy('h.number', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getMany();
    return { items, total };
  }

  async residents(scope: RosterScope, filter: ResidentFilter, page: PageRequest, today: Date): Promise<{ items: Resident[]; total: number }> {
    if (scope.gridIds?.length === 0) return { items: [], total: 0 };
    const qb = this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .innerJoin(Household, 'h', 'h.id = r.household_id')
      .where('r.village_id = :villageId', { villageId: scope.villageId })
      .andWhere('r.status = :status', { status: filter.status ?? 'active' });
    this.scoped(qb, scope, 'h.grid_id');
    if (filter.q) qb.andWhere("r.name LIKE :contains ESCAPE '!'", { contains: `%${likeEscape(filter.q)}%` });
    if (filter.householdId) qb.andWhere('r.household_id = :householdId', { householdId: filter.householdId });
    if (filter.gridId) qb.andWhere('h.grid_id = :gridId', { gridId: filter.gridId });
    if (filter.villageGroupId) qb.andWhere('h.village_group_id = :villageGroupId', { villageGroupId: filter.villageGroupId });
    if (filter.gender) qb.andWhere('r.gender = :gender', { gender: filter.gender });
    if (filter.isPartyMember !== undefined) qb.andWhere('r.is_party_member = :isPartyMember', { isPartyMember: filter.isPartyMember });
    if (filter.isVillagerRep !== undefined) qb.andWhere('r.is_villager_rep = :isVillagerRep', { isVillagerRep: filter.isVillagerRep });
    if (filter.isRepresentative === true) qb.andWhere('h.representative_resident_id = r.id');
    if (filter.isRepresentative === false) {
      qb.andWhere('(h.representative_resident_id IS NULL OR h.representative_resident_id <> r.id)');
    }
    if (filter.ageBand) {
      const { bornOnOrBefore, bornAfter } = ageBandBirthDates(filter.ageBand, today);
      if (bornOnOrBefore) qb.andWhere('r.birth_date <= :bornOnOrBefore', { bornOnOrBefore });
      if (bornAfter) qb.andWhere('r.birth_date > :bornAfter', { bornAfter });
    }
    const total = await qb.getCount();
    const items = await qb
      .orderBy('h.number', 'ASC')
      .addOrderBy('r.birth_date', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getMany();
    return { items, total };
  }

  householdsByIds(villageId: string, ids: string[]): Promise<Household[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Household).findBy({ villageId, id: In([...new Set(ids)]) });
  }

  async activeMemberCounts(householdIds: string[]): Promise<Map<string, number>> {
    if (householdIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select('r.household_id', 'householdId')
      .addSelect('COUNT(*)', 'n')
      .where('r.household_id IN (:...householdIds) AND r.status = :active', { householdIds, active: 'active' })
      .groupBy('r.household_id')
      .getRawMany<{ householdId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.householdId, Number(r.n)]));
  }

  /** Active households and residents per grid. */
  async gridCounts(villageId: string): Promise<Map<string, { households: number; residents: number }>> {
    const rows = await this.dataSource
      .getRepository(Household)
      .createQueryBuilder('h')
      .leftJoin(Resident, 'r', "r.household_id = h.id AND r.status = 'active'")
      .select('h.grid_id', 'gridId')
      .addSelect('COUNT(DISTINCT h.id)', 'households')
      .addSelect('COUNT(r.id)', 'residents')
      .where("h.village_id = :villageId AND h.status = 'active'", { villageId })
      .groupBy('h.grid_id')
      .getRawMany<{ gridId: string; households: string | number; residents: string | number }>();
    return new Map(rows.map((r) => [r.gridId, { households: Number(r.households), residents: Number(r.residents) }]));
  }

  /** Active households per 村民小组. */
  async villageGroupHouseholds(villageId: string): Promise<Map<string, number>> {
    const rows = await this.dataSource
      .getRepository(Household)
      .createQueryBuilder('h')
      .select('h.village_group_id', 'groupId')
      .addSelect('COUNT(*)', 'n')
      .where("h.village_id = :villageId AND h.status = 'active'", { villageId })
      .groupBy('h.village_group_id')
      .getRawMany<{ groupId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.groupId, Number(r.n)]));
  }

  /** Active 村民代表 with their household's 村民小组. */
  async villagerRepresentatives(villageId: string): Promise<{ resident: Resident; villageGroupId: string }[]> {
    const residents = await this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .innerJoin(Household, 'h', "h.id = r.household_id AND h.status = 'active'")
      .where("r.village_id = :villageId AND r.status = 'active' AND r.is_villager_rep = :yes", { villageId, yes: true })
      .getMany();
    const households = new Map((await this.householdsByIds(villageId, residents.map((r) => r.householdId))).map((h) => [h.id, h]));
    return residents.map((resident) => ({ resident, villageGroupId: households.get(resident.householdId)?.villageGroupId ?? '' }));
  }

  village(villageId: string): Promise<Village> {
    return this.dataSource.getRepository(Village).findOneByOrFail({ id: villageId });
  }

  countActiveHouseholds(villageId: string): Promise<number> {
    return this.dataSource.getRepository(Household).countBy({ villageId, status: 'active' });
  }

  /** Active residents and households for the roster export, household by household. */
  async exportRows(villageId: string): Promise<{ households: Household[]; residents: Resident[] }> {
    const households = await this.dataSource
      .getRepository(Household)
      .find({ where: { villageId, status: 'active' }, order: { number: 'ASC' } });
    const residents = await this.dataSource
      .getRepository(Resident)
      .find({ where: { villageId, status: 'active' }, order: { birthDate: 'ASC', id: 'ASC' } });
    return { households, residents };
  }

  /** The village's grids and 村民小组 by id, for names in responses. */
  async refs(villageId: string, store: RosterStore = this.store()): Promise<HouseholdRefs> {
    const [grids, groups] = await Promise.all([store.grids(villageId), store.villageGroups(villageId)]);
    return { grids: new Map(grids.map((g) => [g.id, g])), groups: new Map(groups.map((g) => [g.id, g])) };
  }

  async correctionRequests(
    villageId: string,
    filter: { status?: CorrectionRequest['status']; residentId?: string },
    page: PageRequest,
  ): Promise<{ items: CorrectionRequest[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(CorrectionRequest).findAndCount({
      where: { villageId, ...(filter.status ? { status: filter.status } : {}), ...(filter.residentId ? { residentId: filter.residentId } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items, total };
  }
}
