import { COMMITTEE_ROLES, type Role } from '@village/shared';

/** Who runs the 积分超市: the shopkeeper and the 两委 (products, every order, cancelling). */
export const SHOP_STAFF_ROLES = ['shopkeeper', ...COMMITTEE_ROLES] as const satisfies readonly Role[];

/** Who reads every household's orders: the staff, and the 监委会 (read-only, never the codes). */
export const SHOP_READER_ROLES = [...SHOP_STAFF_ROLES, 'supervisor'] as const satisfies readonly Role[];

export const runsShop = (roles: readonly Role[]): boolean => roles.some((r) => (SHOP_STAFF_ROLES as readonly Role[]).includes(r));
export const readsAllOrders = (roles: readonly Role[]): boolean => roles.some((r) => (SHOP_READER_ROLES as readonly Role[]).includes(r));
