import { COMMITTEE_ROLES as TWO_COMMITTEES, ROLE_LABELS, type Role } from '@village/shared';

/** The 村“两委” (书记, 村委会委员, 村党组织委员), the list the server checks, widened for `includes`. */
export const COMMITTEE_ROLES: readonly Role[] = TWO_COMMITTEES;

/** Roles that read the whole roster (the committee, and 监委会 read-only); 网格员 read their own grids. */
export const ROSTER_OVERSIGHT_ROLES: readonly Role[] = [...COMMITTEE_ROLES, 'supervisor'];
export const ROSTER_READ_ROLES: readonly Role[] = [...ROSTER_OVERSIGHT_ROLES, 'grid_leader'];

export function canReadRoster(roles: readonly Role[]): boolean {
  return roles.some((role) => ROSTER_READ_ROLES.includes(role));
}

export function canOverseeRoster(roles: readonly Role[]): boolean {
  return roles.some((role) => ROSTER_OVERSIGHT_ROLES.includes(role));
}

export function isCommittee(roles: readonly Role[]): boolean {
  return roles.some((role) => COMMITTEE_ROLES.includes(role));
}

/** Roles in Chinese, most senior first, without repeats ("书记、党员、村民"). */
const ORDER: readonly Role[] = [
  'secretary',
  'branch_committee',
  'village_committee',
  'supervisor',
  'township_admin',
  'grid_leader',
  'villager_rep',
  'party_member',
  'points_reviewer',
  'shopkeeper',
  'household_rep',
  'villager',
];

export function roleLabels(roles: readonly Role[]): string[] {
  const unique = Array.from(new Set(roles));
  unique.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return unique.map((role) => ROLE_LABELS[role] ?? role);
}
