import type { Role } from '@village/shared';
import { COMMITTEE_ROLES } from '../../common/auth/access.decorator';
import type { VillageActor } from '../../common/auth/actor';

/** Roles that read the whole village's roster: the committee, and supervisors (read-only). */
export const ROSTER_OVERSIGHT_ROLES = [...COMMITTEE_ROLES, 'supervisor'] as const satisfies readonly Role[];

/** …plus 网格员, who read the households of the grids they lead. */
export const ROSTER_READ_ROLES = [...ROSTER_OVERSIGHT_ROLES, 'grid_leader'] as const satisfies readonly Role[];

/** What part of the roster a caller may read: the whole village, or some grids of it. */
export interface RosterScope {
  villageId: string;
  /** null: the whole village. */
  gridIds: string[] | null;
}

export function seesWholeVillage(actor: VillageActor): boolean {
  return actor.roles.some((role) => (ROSTER_OVERSIGHT_ROLES as readonly Role[]).includes(role));
}

export function inScope(scope: RosterScope, gridId: string): boolean {
  return scope.gridIds === null || scope.gridIds.includes(gridId);
}
