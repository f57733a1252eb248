import { NOTICE_KIND_LABELS, type FinanceCadence, type NoticeCategory } from '../types/notice';
import { addDays, daysBetween, isCalendarDay } from './date';

/*
 * How often each category must be disclosed (村民委员会组织法 art. 30; 中办发〔2004〕17号; 农村集体经济
 * 组织财务公开规定 2011): 党务 and 村务 at least quarterly; 财务 monthly where transactions are frequent,
 * otherwise quarterly (a per-village setting). Only hand-written categories count: resolutions,
 * results and other system notices do not make up for a missing 财务公开.
 *
 * A notice published in a period covers that period; the next one is due by the end of the period
 * after it. With nothing published yet, one is due by the end of the current period.
 */

export const FINANCE_CADENCES = ['monthly', 'quarterly'] as const satisfies readonly FinanceCadence[];
export const FINANCE_CADENCE_DEFAULT: FinanceCadence = 'quarterly';
export const NOTICE_CADENCE_LABELS: Record<FinanceCadence, string> = { monthly: '每月一次', quarterly: '每季度一次' };

/** Finance follows the village's setting; party and village matters are quarterly. */
export function cadencePeriodFor(category: NoticeCategory, financeCadence: FinanceCadence): FinanceCadence {
  return category === 'finance' ? financeCadence : 'quarterly';
}

/** The last day of the month or quarter that `day` falls in. */
export function periodEnd(day: string, period: FinanceCadence): string {
  if (!isCalendarDay(day)) throw new RangeError(`不是有效的日期：${day}`);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const lastMonth = period === 'monthly' ? month : Math.ceil(month / 3) * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

export interface CadenceInput {
  category: NoticeCategory;
  period: FinanceCadence;
  /** Beijing day of the newest published notice of the category; null when there is none. */
  lastPublishedOn: string | null;
  /** Beijing day. */
  today: string;
}

export interface CadenceAssessment {
  /** YYYY-MM-DD: the next notice is due by the end of this day. */
  dueBy: string;
  overdue: boolean;
  /** Days past dueBy; 0 when not overdue. */
  overdueDays: number;
  /** "财务公开每月一次，上次 2026-09-30，已逾期 25 天" */
  explanation: string;
}

export function assessCadence(input: CadenceInput): CadenceAssessment {
  const { category, period, lastPublishedOn, today } = input;
  const dueBy = lastPublishedOn ? periodEnd(addDays(periodEnd(lastPublishedOn, period), 1), period) : periodEnd(today, period);
  const late = daysBetween(dueBy, today);
  const overdue = late > 0;
  const rule = `${NOTICE_KIND_LABELS[category]}${NOTICE_CADENCE_LABELS[period]}`;
  const last = lastPublishedOn ? `上次 ${lastPublishedOn}` : '还没有公开过';
  let next: string;
  if (overdue) next = `已逾期 ${late} 天`;
  else if (late === 0) next = `今天（${dueBy}）是最后期限`;
  else next = `下次最迟 ${dueBy} 公开`;
  return { dueBy, overdue, overdueDays: overdue ? late : 0, explanation: `${rule}，${last}，${next}` };
}
