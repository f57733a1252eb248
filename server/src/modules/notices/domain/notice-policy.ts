import {
  FINANCE_CADENCE_DEFAULT,
  NOTICE_MIN_WINDOW_DAYS_DEFAULT,
  type NoticeCategory,
  type NoticeKind,
  type NoticePolicy,
} from '@village/shared';
import type { NoticePolicyRow } from '../entities';
import { isNoticeCategory as isCategory } from '@village/shared';

export const DEFAULT_NOTICE_POLICY: NoticePolicy = {
  financeCadence: FINANCE_CADENCE_DEFAULT,
  minWindowDays: { party: NOTICE_MIN_WINDOW_DAYS_DEFAULT, village: NOTICE_MIN_WINDOW_DAYS_DEFAULT, finance: NOTICE_MIN_WINDOW_DAYS_DEFAULT },
};

/** A village's policy: its row, or the defaults while it has none. */
export function policyOf(row: NoticePolicyRow | null): NoticePolicy {
  if (!row) return { ...DEFAULT_NOTICE_POLICY, minWindowDays: { ...DEFAULT_NOTICE_POLICY.minWindowDays } };
  return {
    financeCadence: row.financeCadence,
    minWindowDays: { party: row.minWindowDaysParty, village: row.minWindowDaysVillage, finance: row.minWindowDaysFinance },
  };
}

export function policyColumns(policy: NoticePolicy): Pick<NoticePolicyRow, 'financeCadence' | 'minWindowDaysParty' | 'minWindowDaysVillage' | 'minWindowDaysFinance'> {
  return {
    financeCadence: policy.financeCadence,
    minWindowDaysParty: policy.minWindowDays.party,
    minWindowDaysVillage: policy.minWindowDays.village,
    minWindowDaysFinance: policy.minWindowDays.finance,
  };
}

/** Shortest window for a kind: the village's setting for its categories, the statutory default otherwise. */
export function minWindowDays(policy: NoticePolicy, kind: NoticeKind): number {
  return isCategory(kind) ? policy.minWindowDays[kind as NoticeCategory] : NOTICE_MIN_WINDOW_DAYS_DEFAULT;
}
