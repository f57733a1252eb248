/** Villages keep China Standard Time (UTC+8, no daylight saving); the trail stores UTC. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * A date filter as villagers mean it: `from` and `to` are whole days in Beijing time, both inclusive,
 * turned into an [inclusive, exclusive) range of occurredAt (ISO UTC). Either may be absent.
 */
export function chinaDayRange(from?: string, to?: string): { occurredFrom?: string; occurredBefore?: string } {
  return {
    occurredFrom: from ? new Date(startOfChinaDay(from)).toISOString() : undefined,
    occurredBefore: to ? new Date(startOfChinaDay(to) + DAY_MS).toISOString() : undefined,
  };
}

/** "2026-11-25 16:05:09": how the CSV export and the UI show an instant. */
export function formatChinaTime(isoUtc: string): string {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return isoUtc;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function startOfChinaDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return ms - CHINA_OFFSET_MS;
}
