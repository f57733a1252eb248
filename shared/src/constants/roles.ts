/** Roles from DOMAIN.md §1. A resident can hold several; authorisation is always role and village. */
export const ROLES = [
  'villager',
  'household_rep',
  'villager_rep',
  'party_member',
  'grid_leader',
  'branch_committee',
  'village_committee',
  'secretary',
  'supervisor',
  'points_reviewer',
  'shopkeeper',
  'township_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  villager: '村民',
  household_rep: '户代表',
  villager_rep: '村民代表',
  party_member: '党员',
  grid_leader: '网格员',
  branch_committee: '村党组织委员',
  village_committee: '村委会委员',
  secretary: '书记',
  supervisor: '村务监督委员会成员',
  points_reviewer: '积分评议小组',
  shopkeeper: '积分超市',
  township_admin: '乡镇管理员',
};

/** The 村“两委”: roles that act for the village committee (书记, 村委会委员, 村党组织委员). */
export const COMMITTEE_ROLES = ['secretary', 'village_committee', 'branch_committee'] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
