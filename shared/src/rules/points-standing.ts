import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import type { BoardList, LedgerEntryKind, PointsSettings, QuarterTotal } from '../types/points';
import { formatPoints } from './points';
import { shiftQuarter } from './quarter';

/*
 * Where a household stands (DOMAIN.md §6): quarter totals and stars (每季按分授星), the annual ranking
 * (年终拉通排名) and the quarter's 红黑榜. Everything here reads earned points only — published records
 * and appeal adjustments — so spending points in the 积分超市 never lowers a household's standing.
 */

/** Ledger kinds that count as earned points; redemptions and refunds only move the balance. */
export const EARNED_LEDGER_KINDS = ['record', 'adjustment'] as const satisfies readonly LedgerEntryKind[];

/** Who may look up any household's points: the 两委, the 监委会 and the 评议小组 (a grid leader: their grid only). */
export const HOUSEHOLD_POINTS_READERS = [...COMMITTEE_ROLES, 'supervisor', 'points_reviewer'] as const satisfies readonly Role[];

/** The reason column of a board entry holds at most this many characters. */
export const BOARD_REASON_MAX = 120;

/** Ledger amounts summed per household, kind and quarter (what the server reads). */
export interface LedgerSum {
  householdId: string;
  kind: LedgerEntryKind;
  quarter: string | null;
  amountTenths: number;
}

export interface HouseholdTotal {
  householdId: string;
  /** 户号, the stable order among equal totals. */
  number: string;
  totalTenths: number;
}

/** A quarter's total earns one star per threshold it reaches (thresholds in tenths). */
export function starsFor(totalTenths: number, thresholdsTenths: readonly number[]): number {
  return thresholdsTenths.filter((threshold) => totalTenths >= threshold).length;
}

/**
 * Earned points per household over the given quarters. A household with any earned entry in them is
 * present (even when its entries add up to 0); one with none is absent: nothing was published for it.
 */
export function earnedTotals(sums: readonly LedgerSum[], quarters: readonly string[]): Map<string, number> {
  const wanted = new Set(quarters);
  const totals = new Map<string, number>();
  for (const sum of sums) {
    if (!isEarned(sum.kind) || sum.quarter === null || !wanted.has(sum.quarter)) continue;
    totals.set(sum.householdId, (totals.get(sum.householdId) ?? 0) + sum.amountTenths);
  }
  return totals;
}

export function quartersOfYear(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** The `count` quarters up to and including `current`, oldest first (the trend chart's axis). */
export function recentQuarters(current: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, i - count + 1));
}

/** One household's totals and stars for the given quarters, 0 where nothing was published. */
export function quarterTotals(sums: readonly LedgerSum[], householdId: string, quarters: readonly string[], thresholdsTenths: readonly number[]): QuarterTotal[] {
  const own = sums.filter((s) => s.householdId === householdId);
  return quarters.map((quarter) => {
    const totalTenths = earnedTotals(own, [quarter]).get(householdId) ?? 0;
    return { quarter, totalTenths, stars: starsFor(totalTenths, thresholdsTenths) };
  });
}

/**
 * Competition ranking (1, 1, 3): equal totals share a rank and the next rank skips. Within a rank the
 * order is by 户号 (numerically: "9" before "10"), then id, so the same totals always list the same way.
 */
export function rankHouseholds<T extends HouseholdTotal>(totals: readonly T[]): (T & { rank: number })[] {
  const sorted = [...totals].sort((a, b) => b.totalTenths - a.totalTenths || compareNumbers(a, b));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.totalTenths !== sorted[i - 1].totalTenths) rank = i + 1;
    return { ...row, rank };
  });
}

// ------------------------------------------------------------------ 红黑榜

export type BoardRules = Pick<PointsSettings, 'redSharePercent' | 'blackSharePercent' | 'blackBelowTenths' | 'blackOnNegativeItem'>;

/** A published negative-list (负面清单) record of the quarter that still counts after any appeal. */
export interface NegativeItem {
  householdId: string;
  itemCode: string;
  itemDescription: string;
}

export interface BoardPick {
  householdId: string;
  list: BoardList;
  totalTenths: number;
  reason: string;
}

export interface BoardSelection {
  /** Highest first. */
  red: BoardPick[];
  /** By 户号: the list is for help, not a ranking of the worst. */
  black: BoardPick[];
}

/**
 * A quarter's 红黑榜 from the quarter's totals (every household with something published in it; a
 * household with nothing recorded is not judged at all).
 *
 * - 黑榜 (需要帮助改进): the bottom `blackSharePercent` share, totals below `blackBelowTenths`, and —
 *   when `blackOnNegativeItem` — any household with a negative-list record; every reason that applies
 *   is given.
 * - 红榜: the top `redSharePercent` share of households with a positive total, at least one when any
 *   qualifies; ties at the cut-off are all included.
 *
 * A household is never on both, and the black list wins: it is what starts the committee's 1对1帮扶,
 * which a household that broke the negative list (or fell below the line) must not miss because its
 * other good deeds outweighed it; and thanking a household on the 红榜 for the very quarter it was on
 * the 负面清单 would make the board meaningless to neighbours. Those households leave the red
 * candidates before the cut-off is applied, so the red list still holds its share.
 */
export function selectBoard(totals: readonly HouseholdTotal[], negatives: readonly NegativeItem[], rules: BoardRules): BoardSelection {
  const ranked = rankHouseholds(totals);
  const black = ranked.flatMap((row): BoardPick[] => {
    const reasons = blackReasons(row, ranked, negatives, rules);
    return reasons.length === 0 ? [] : [{ householdId: row.householdId, list: 'black', totalTenths: row.totalTenths, reason: clip(reasons.join('；')) }];
  });
  const blackIds = new Set(black.map((b) => b.householdId));
  const redCount = shareCount(ranked.length, rules.redSharePercent);
  const red = rankHouseholds(ranked.filter((row) => row.totalTenths > 0 && !blackIds.has(row.householdId)))
    .filter((candidate) => candidate.rank <= redCount)
    .map((candidate): BoardPick => {
      const villageRank = ranked.find((row) => row.householdId === candidate.householdId)?.rank ?? candidate.rank;
      return {
        householdId: candidate.householdId,
        list: 'red',
        totalTenths: candidate.totalTenths,
        reason: clip(`本季 ${formatPoints(candidate.totalTenths)} 分，全村第 ${villageRank} 名（红榜取前 ${rules.redSharePercent}%）`),
      };
    });
  const number = new Map(ranked.map((row) => [row.householdId, row]));
  black.sort((a, b) => compareNumbers(number.get(a.householdId) as HouseholdTotal, number.get(b.householdId) as HouseholdTotal));
  return { red, black };
}

function blackReasons(row: HouseholdTotal, ranked: readonly HouseholdTotal[], negatives: readonly NegativeItem[], rules: BoardRules): string[] {
  const reasons: string[] = [];
  const points = formatPoints(row.totalTenths);
  const items = rules.blackOnNegativeItem ? negatives.filter((n) => n.householdId === row.householdId) : [];
  if (items.length > 0) reasons.push(`本季有负面清单记录：${items.map((i) => `${i.itemCode} ${i.itemDescription}`).join('、')}`);
  if (rules.blackBelowTenths !== null && row.totalTenths < rules.blackBelowTenths) reasons.push(`本季 ${points} 分，低于 ${formatPoints(rules.blackBelowTenths)} 分`);
  const blackCount = shareCount(ranked.length, rules.blackSharePercent);
  const fromBottom = 1 + ranked.filter((other) => other.totalTenths < row.totalTenths).length;
  if (fromBottom <= blackCount) reasons.push(`本季 ${points} 分，在全村积分最少的 ${rules.blackSharePercent}% 之内`);
  return reasons;
}

/** How many households a share of `n` names: at least one when the share is set and anyone is ranked. */
export function shareCount(n: number, percent: number): number {
  if (n === 0 || percent <= 0) return 0;
  return Math.max(1, Math.floor((n * Math.min(percent, 100)) / 100));
}

/** Whether a viewer sees a 帮扶 note: the 两委, the 监委会 and the household itself. */
export function seesBoardFollowUp(roles: readonly Role[], viewerHouseholdId: string | null, entryHouseholdId: string): boolean {
  return roles.some((role) => (COMMITTEE_ROLES as readonly Role[]).includes(role) || role === 'supervisor') || viewerHouseholdId === entryHouseholdId;
}

function isEarned(kind: LedgerEntryKind): boolean {
  return (EARNED_LEDGER_KINDS as readonly LedgerEntryKind[]).includes(kind);
}

function compareNumbers(a: HouseholdTotal, b: HouseholdTotal): number {
  return a.number.localeCompare(b.number, 'en', { numeric: true }) || (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0);
}

function clip(text: string): string {
  return [...text].length <= BOARD_REASON_MAX ? text : `${[...text].slice(0, BOARD_REASON_MAX - 1).join('')}…`;
}
