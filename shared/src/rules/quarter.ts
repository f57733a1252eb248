import { addDays } from './date';

/*
 * Calendar quarters in Beijing days, written "2026-Q4": the 村民代表会议's quarterly cadence and the
 * points' quarterly 公示 both count in them.
 */

const QUARTER_NUMERALS = ['一', '二', '三', '四'];

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** "2026-Q3" for a YYYY-MM-DD day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** "2026-Q3" → "2026年第三季度" */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${QUARTER_NUMERALS[Number(quarter.slice(6)) - 1]}季度`;
}

/** The quarter `n` quarters after (negative: before) `quarter`. */
export function shiftQuarter(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** First and last day: "2026-Q4" → ["2026-10-01", "2026-12-31"]. */
export function quarterDays(quarter: string): [string, string] {
  if (!QUARTER_PATTERN.test(quarter)) throw new RangeError(`不是季度：${quarter}`);
  const first = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = shiftQuarter(quarter, 1);
  const nextFirst = `${next.slice(0, 4)}-${String((Number(next.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return [first, addDays(nextFirst, -1)];
}
