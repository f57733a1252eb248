import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chinaDay,
  earnedTotals,
  HOUSEHOLD_POINTS_READERS,
  quarterOf,
  quarterTotals,
  quartersOfYear,
  rankHouseholds,
  recentQuarters,
  type HouseholdPoints,
  type HouseholdTotal,
  type LedgerSum,
  type LedgerEntryView,
  type NamedRef,
  type PointsRanking,
  type PointsRankingRow,
  type Role,
} from '@village/shared';
import { DataSource } from 'typeorm';
import type { VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../audit/unit-of-work';
import type { Resident } from '../../villages/entities';
import type { PointsLedgerEntry } from '../entities';
import { PointsPhotos } from '../files';
import { gridNames, pointsHouseholds, type PointsHousehold } from '../points-households';
import { PointsException } from '../points.exception';
import { pointsSettings } from '../points-settings';
import { recordViews } from '../records/record-views';
import { redeemerOf } from '../shop';
import type { RankingQueryDto } from './dto/standing.dto';
import { StandingStore } from './standing.store';

/** Ledger rows on the household page; older ones are in the history page's records. */
export const HOUSEHOLD_LEDGER_LIMIT = 50;
/** Quarters on the trend chart. */
export const TREND_QUARTERS = 4;
/** Rows of a ranking; the viewer's own household is added when it is further down. */
export const RANKING_LIMIT = 100;

/**
 * Ledger lookups (DOMAIN.md §6): a household's balance, quarters with stars, ranks and recent entries,
 * and the annual ranking of the village or a grid. Ranks and stars count earned points only (shared
 * `earnedTotals`), so redeeming in the 积分超市 never costs a household its place.
 */
@Injectable()
export class StandingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly photos: PointsPhotos,
  ) {}

  private read<T>(task: (store: StandingStore) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(new StandingStore(this.dataSource.manager)));
  }

  /** The actor's own household. */
  me(actor: VillageActor): Promise<HouseholdPoints> {
    return this.read(async (store) => {
      const viewer = await store.resident(actor.villageId, actor.residentId);
      if (!viewer) throw PointsException.notFound('户');
      return this.householdPoints(store, actor, viewer, viewer.householdId);
    });
  }

  /**
   * Any household for the 两委, the 监委会 and the 评议小组; a 网格员's own grid; a villager's own
   * household. Everything else is "not found", so nobody learns which households exist.
   */
  household(actor: VillageActor, householdId: string): Promise<HouseholdPoints> {
    return this.read(async (store) => {
      const viewer = await store.resident(actor.villageId, actor.residentId);
      const household = (await pointsHouseholds(store.manager, actor.villageId, [householdId])).get(householdId);
      if (!household || !(await this.mayLookUp(store, actor, viewer, household))) throw PointsException.notFound('户');
      return this.householdPoints(store, actor, viewer, householdId);
    });
  }

  ranking(actor: VillageActor, query: RankingQueryDto): Promise<PointsRanking> {
    return this.read(async (store) => {
      const year = query.year ?? this.year();
      const scope = query.scope ?? 'village';
      const viewer = await store.resident(actor.villageId, actor.residentId);
      const own = viewer ? (await pointsHouseholds(store.manager, actor.villageId, [viewer.householdId])).get(viewer.householdId) : undefined;
      const grids = await gridNames(store.manager, actor.villageId);
      let grid: NamedRef | null = null;
      if (scope === 'grid') {
        const gridId = query.gridId ?? own?.gridId;
        if (!gridId || !grids.has(gridId)) throw PointsException.notFound('网格');
        grid = { id: gridId, name: grids.get(gridId) as string };
      }
      const { ranked, households } = await yearStanding(store, actor.villageId, await store.earnedSums(actor.villageId, quartersOfYear(year)), year, grid?.id ?? null);
      const row = (r: HouseholdTotal & { rank: number }): PointsRankingRow => {
        const household = households.get(r.householdId) as PointsHousehold;
        return {
          rank: r.rank,
          household: { id: household.id, number: household.number, label: household.label },
          grid: gridRef(grids, household.gridId),
          totalTenths: r.totalTenths,
          mine: r.householdId === viewer?.householdId,
        };
      };
      const rows = ranked.slice(0, RANKING_LIMIT).map(row);
      const mine = ranked.slice(RANKING_LIMIT).find((r) => r.householdId === viewer?.householdId);
      if (mine) rows.push(row(mine));
      return { year, scope, grid, rows };
    });
  }

  private async mayLookUp(store: StandingStore, actor: VillageActor, viewer: Resident | null, household: PointsHousehold): Promise<boolean> {
    if (actor.roles.some((role) => (HOUSEHOLD_POINTS_READERS as readonly Role[]).includes(role))) return true;
    if (viewer?.householdId === household.id) return true;
    return actor.roles.includes('grid_leader') && (await store.gridsLedBy(actor.villageId, actor.residentId)).includes(household.gridId);
  }

  private async householdPoints(store: StandingStore, actor: VillageActor, viewer: Resident | null, householdId: string): Promise<HouseholdPoints> {
    const { manager } = store;
    const today = chinaDay(this.clock.now());
    const year = Number(today.slice(0, 4));
    const trend = recentQuarters(quarterOf(today), TREND_QUARTERS);
    const settings = await pointsSettings(manager, actor.villageId);
    const [sums, grids, balanceTenths, ledger, unpublishedRows] = await Promise.all([
      store.earnedSums(actor.villageId, [...new Set([...trend, ...quartersOfYear(year)])]),
      gridNames(manager, actor.villageId),
      store.balance(actor.villageId, householdId),
      store.ledger(actor.villageId, householdId, HOUSEHOLD_LEDGER_LIMIT),
      store.unpublishedRecords(actor.villageId, householdId),
    ]);
    const { ranked, households } = await yearStanding(store, actor.villageId, sums, year, null);
    const household = households.get(householdId) ?? ((await pointsHouseholds(manager, actor.villageId, [householdId])).get(householdId) as PointsHousehold);
    const gridRanked = rankHouseholds(ranked.filter((r) => households.get(r.householdId)?.gridId === household.gridId));
    const unpublished = await recordViews(manager, actor.villageId, unpublishedRows, { residentId: actor.residentId, today }, this.photos);
    const redeemer = viewer !== null && viewer.householdId === householdId ? await redeemerOf(manager, actor.villageId, viewer, this.clock.now()) : null;
    return {
      household: { id: household.id, number: household.number, label: household.label },
      grid: gridRef(grids, household.gridId),
      balanceTenths,
      yearTotalTenths: ranked.find((r) => r.householdId === householdId)?.totalTenths ?? 0,
      quarters: quarterTotals(sums, householdId, trend, settings.starThresholdsTenths),
      villageRank: rankOf(ranked, householdId),
      gridRank: rankOf(gridRanked, householdId),
      ledger: ledger.map(ledgerView),
      unpublished,
      canRedeem: redeemer?.ok ?? false,
      redeemRefusal: redeemer && !redeemer.ok ? redeemer.reason : null,
    };
  }

  private year(): number {
    return Number(chinaDay(this.clock.now()).slice(0, 4));
  }
}

/** The year's earned totals (from `sums`) ranked in the village or one grid, with the ranked households. */
async function yearStanding(
  store: StandingStore,
  villageId: string,
  sums: readonly LedgerSum[],
  year: number,
  gridId: string | null,
): Promise<{ ranked: (HouseholdTotal & { rank: number })[]; households: Map<string, PointsHousehold> }> {
  const totals = earnedTotals(sums, quartersOfYear(year));
  const households = await pointsHouseholds(store.manager, villageId, [...totals.keys()]);
  const rows = [...totals.entries()]
    .map(([householdId, totalTenths]) => ({ householdId, totalTenths, household: households.get(householdId) }))
    .filter((r): r is { householdId: string; totalTenths: number; household: PointsHousehold } => r.household !== undefined && (gridId === null || r.household.gridId === gridId))
    .map((r) => ({ householdId: r.householdId, number: r.household.number, totalTenths: r.totalTenths }));
  return { ranked: rankHouseholds(rows), households };
}

function rankOf(ranked: readonly (HouseholdTotal & { rank: number })[], householdId: string): { rank: number; of: number } | null {
  const row = ranked.find((r) => r.householdId === householdId);
  return row ? { rank: row.rank, of: ranked.length } : null;
}

/** 户代表 by default; any adult member when the village allows it. */
function gridRef(grids: Map<string, string>, gridId: string): NamedRef | null {
  const name = grids.get(gridId);
  return name === undefined ? null : { id: gridId, name };
}

function ledgerView(entry: PointsLedgerEntry): LedgerEntryView {
  return {
    id: entry.id,
    kind: entry.kind,
    amountTenths: entry.amountTenths,
    balanceTenths: entry.balanceTenths,
    description: entry.description,
    recordId: entry.recordId,
    redemptionId: entry.redemptionId,
    createdAt: new Date(entry.createdAt).toISOString(),
  };
}
