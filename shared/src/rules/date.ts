/** Dates as villagers read them: "11月25日", with the year only when it is not this year. */
export function formatChineseDate(date: Date, today: Date = new Date()): string {
  const md = `${date.getMonth() + 1}月${date.getDate()}日`;
  return date.getFullYear() === today.getFullYear() ? md : `${date.getFullYear()}年${md}`;
}

/*
 * Calendar days as villages keep them: Beijing time (UTC+8, no daylight saving), written YYYY-MM-DD.
 * Disclosure windows, deadlines and cadence are whole days in this calendar, whatever zone the
 * server or the phone runs in.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The Beijing calendar day at an instant: "2026-11-25". */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayNumber(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`不是有效的日期：${day}`);
  return Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
}

/** `day` moved by `days` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
