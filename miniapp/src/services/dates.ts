/**
 * Calendar days as the village reads them: Beijing days (shared `chinaDay`), YYYY-MM-DD for the
 * server and "11月25日" on screen (with the year when it is not this year).
 */
import { chinaDay, formatChineseDate } from '@village/shared';

/** Today in Beijing as YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return chinaDay(now);
}

/** The Beijing calendar day of an instant (an ISO timestamp from the server). */
export function beijingDayOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : chinaDay(new Date(t));
}

/** "2026-11-25" → 11月25日 (with the year when it is not this year, in Beijing). */
export function dayText(day: string, now: Date = new Date()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const thisYear = new Date(Number(beijingToday(now).slice(0, 4)), 0, 1);
  return formatChineseDate(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])), thisYear);
}

/** An ISO instant as its Beijing day in words. */
export function instantDayText(iso: string, now: Date = new Date()): string {
  return dayText(beijingDayOf(iso), now);
}
