import { ROLE_LABELS, type Role } from '../constants/roles';
import { isCalendarDay } from './date';
import type { Fraction } from './share';

/*
 * Small wording helpers for the workflow's Chinese messages: days as villagers read them ("12月3日"),
 * amounts in yuan from integer fen, lists of roles and threshold words.
 */

/** "12月3日", or "2027年1月3日" when the year differs from `today`'s (always with the year without `today`). */
export function dayLabel(day: string, today?: string): string {
  if (!isCalendarDay(day)) return day;
  const [y, m, d] = day.split('-').map(Number);
  const md = `${m}月${d}日`;
  return today !== undefined && today.slice(0, 4) === day.slice(0, 4) ? md : `${y}年${md}`;
}

/** "1,234.50 元" from 123450 fen; exact (no floating point). */
export function fenLabel(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${yuan}.${cents} 元`;
}

/** True for a non-negative whole number of fen within JavaScript's exact integers. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** "书记、村党组织委员" */
export function roleList(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('、');
}

/** "半数", "三分之二", else "3/5". */
export function fractionLabel(f: Fraction): string {
  if (f.numerator * 2 === f.denominator) return '半数';
  if (f.numerator * 3 === f.denominator * 2) return '三分之二';
  if (f.numerator * 10 === f.denominator) return '十分之一';
  if (f.numerator * 3 === f.denominator) return '三分之一';
  if (f.numerator * 5 === f.denominator) return '五分之一';
  return `${f.numerator}/${f.denominator}`;
}
