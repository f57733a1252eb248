import type { Role } from '@village/shared';
import { messages } from '../../constants/messages';
import { isCommittee } from '../../constants/roles';
import { routes } from '../../constants/routes';
import { useRequest } from '../../hooks/useRequest';
import { listPointsRecords } from '../../services/points';

const m = messages.points;

export interface WorkRow {
  key: string;
  title: string;
  hint: string;
  url: string;
}

/** The points work of each role the person holds, without repeats (a 党组织委员 is also 两委). */
export function pointsWork(roles: readonly Role[], reviewCount: number | null): WorkRow[] {
  const rows: WorkRow[] = [];
  if (roles.includes('grid_leader')) rows.push({ key: 'record', title: m.workRecord, hint: m.workRecordHint, url: routes.pointsRecord });
  if (roles.includes('points_reviewer')) {
    rows.push({ key: 'review', title: m.workReview(reviewCount), hint: m.workReviewHint, url: routes.pointsReview });
    rows.push({ key: 'appeals', title: m.workAppeals, hint: m.workAppealsHint, url: routes.pointsAppeals });
  }
  if (roles.includes('branch_committee')) rows.push({ key: 'publish', title: m.workPublish, hint: m.workPublishHint, url: routes.pointsPublish });
  if (isCommittee(roles)) {
    rows.push({ key: 'rules', title: m.workRules, hint: m.workRulesHint, url: routes.pointsRules });
    rows.push({ key: 'settings', title: m.workSettings, hint: m.workSettingsHint, url: routes.pointsSettings });
    rows.push({ key: 'board', title: m.workBoard, hint: m.workBoardHint, url: routes.pointsPublish });
  }
  if (roles.includes('shopkeeper')) {
    rows.push({ key: 'handover', title: m.workHandover, hint: m.workHandoverHint, url: routes.pointsHandover });
    rows.push({ key: 'products', title: m.workProducts, hint: m.workProductsHint, url: routes.pointsProducts });
  }
  return rows;
}

/** 首页 keeps one entry per points role: the first thing each role does. */
const HOME_KEYS = ['record', 'review', 'publish', 'rules', 'handover'];

export function homePointsWork(roles: readonly Role[], reviewCount: number | null): WorkRow[] {
  return pointsWork(roles, reviewCount).filter((row) => HOME_KEYS.includes(row.key));
}

/** Records waiting for the 评议小组, for a reviewer (null for others, or while unknown). */
export function useReviewCount(roles: readonly Role[]): number | null {
  const reviewer = roles.includes('points_reviewer');
  const pending = useRequest(
    () => (reviewer ? listPointsRecords({ status: 'pending', pageSize: 1 }, { quiet: true }) : Promise.resolve({ ok: true as const, data: null, status: 200 })),
    [reviewer],
  );
  return pending.data?.total ?? null;
}
