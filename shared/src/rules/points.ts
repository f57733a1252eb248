/*
 * Points arithmetic shared by the server and the mini-program. Points live as integers of tenths
 * (DOMAIN.md §6: no floating point); these turn them into what a villager reads and back.
 */

/** "0.4", "3", "−5", "12.4": one decimal place only when it is not zero; a real minus sign. */
export function formatPoints(tenths: number): string {
  if (!Number.isInteger(tenths)) throw new RangeError(`积分应是十分之一的整数倍：${tenths}`);
  const sign = tenths < 0 ? '−' : '';
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const tenth = abs % 10;
  return `${sign}${whole}${tenth === 0 ? '' : `.${tenth}`}`;
}

/** "+0.4 分" / "−5 分": for ledger rows, where the sign says which way it went. */
export function formatPointsChange(tenths: number): string {
  return `${tenths > 0 ? '+' : ''}${formatPoints(tenths)} 分`;
}

/**
 * "0.4", "-5", "−5", "3.0", "+2" → tenths; null for anything else (more than one decimal place,
 * letters, empty). Used by the rule-book editor and the .xlsx import.
 */
export function parsePoints(text: string | number): number | null {
  const value = String(text).trim().replace('−', '-').replace('＋', '+');
  const match = /^([+-]?)(\d{1,4})(?:\.(\d))?$/.exec(value);
  if (!match) return null;
  const tenths = Number(match[2]) * 10 + Number(match[3] ?? 0);
  return match[1] === '-' ? -tenths : tenths;
}
