import { formatPoints, quarterLabel } from '@village/shared';
import { messages } from '../../../constants/messages';
import { dayText, instantDayText } from '../../../services/dates';

/** A day ("2026-11-25") or an instant from the server as 11月25日 (Beijing). */
export function whenText(value: string): string {
  return value.length > 10 ? instantDayText(value) : dayText(value);
}

/** "2026-11" → "2026年11月". */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** This month and the `count − 1` before it, newest first ("2026-11", "2026-10" …). */
export function recentMonths(today: string, count: number): string[] {
  const start = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const n = start - i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

export { quarterLabel };

/** "调整后 2 分，比原来多 1 分" — what the household will read, shown before the 评议小组 confirms. */
export function adjustmentText(originalTenths: number, adjustedTenths: number): string {
  const a = messages.pointsAdmin.appeals;
  const diff = adjustedTenths - originalTenths;
  if (diff === 0) return a.sameAsBefore;
  return a.adjustedTo(formatPoints(adjustedTenths), diff > 0 ? a.more(formatPoints(diff)) : a.less(formatPoints(-diff)));
}
