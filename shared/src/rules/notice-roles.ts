import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import { NOTICE_CATEGORIES, type NoticeCategory, type NoticeKind } from '../types/notice';

/*
 * Who may do what with notices, once for the server (which enforces it) and the mini-program (which
 * offers only what will be allowed).
 */

/**
 * Who writes, publishes and corrects each hand-written category. 村务 and 财务 are the 村民委员会's
 * duty (OL art. 30); 党务 belongs to the party branch (中国共产党农村基层组织工作条例), so only the 书记
 * and 村党组织委员 write it — a 村委会委员 who is not on the branch committee does not.
 */
export const NOTICE_AUTHOR_ROLES: Record<NoticeCategory, readonly Role[]> = {
  party: ['secretary', 'branch_committee'],
  village: ['secretary', 'village_committee'],
  finance: ['secretary', 'village_committee'],
};

/** Route level: every office that writes some category. */
export const NOTICE_WRITER_ROLES = COMMITTEE_ROLES;
/** 监委会 signs finance notices off. */
export const NOTICE_SIGNOFF_ROLES = ['supervisor'] as const satisfies readonly Role[];
/** Read rates and the not-reached list. */
export const NOTICE_AWARENESS_ROLES = [...COMMITTEE_ROLES, 'supervisor', 'grid_leader'] as const satisfies readonly Role[];
/** 上门告知 is recorded by grid leaders (their grid) and the committee. */
export const NOTICE_IN_PERSON_ROLES = [...COMMITTEE_ROLES, 'grid_leader'] as const satisfies readonly Role[];
/** The committee and the 监委会: all queries, cadence, policy. */
export const NOTICE_OVERSIGHT_ROLES = [...COMMITTEE_ROLES, 'supervisor'] as const satisfies readonly Role[];
/** The village's disclosure policy is the 村委会's (OL art. 30). */
export const NOTICE_POLICY_ROLES = ['secretary', 'village_committee'] as const satisfies readonly Role[];

export function isNoticeCategory(kind: NoticeKind): kind is NoticeCategory {
  return (NOTICE_CATEGORIES as readonly string[]).includes(kind);
}

export const holdsAnyRole = (roles: readonly Role[], wanted: readonly Role[]): boolean => roles.some((r) => wanted.includes(r));

/** May write, publish and correct a notice of this kind (never a system kind). */
export function mayAuthorNotice(kind: NoticeKind, roles: readonly Role[]): boolean {
  return isNoticeCategory(kind) && holdsAnyRole(roles, NOTICE_AUTHOR_ROLES[kind]);
}

/** May archive it and answer or review its queries: its authors; for system notices the committee. */
export function mayManageNotice(kind: NoticeKind, roles: readonly Role[]): boolean {
  return isNoticeCategory(kind) ? mayAuthorNotice(kind, roles) : holdsAnyRole(roles, COMMITTEE_ROLES);
}

/** The categories this person may write (the compose page offers only these). */
export function authorableCategories(roles: readonly Role[]): NoticeCategory[] {
  return NOTICE_CATEGORIES.filter((c) => mayAuthorNotice(c, roles));
}
