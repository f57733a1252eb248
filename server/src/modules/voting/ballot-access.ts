import type { Role } from '@village/shared';
import { COMMITTEE_ROLES } from '../../common/auth/access.decorator';
import type { VillageActor } from '../../common/auth/actor';
import type { Ballot } from './entities';

/** 村“两委”: create, open, close, see drafts and who voted what on open ballots. */
export const BALLOT_ADMIN_ROLES = COMMITTEE_ROLES;

/** The committee and the 村务监督委员会 oversee: electorate lists and open-ballot votes. */
export const BALLOT_OVERSIGHT_ROLES = [...COMMITTEE_ROLES, 'supervisor'] as const satisfies readonly Role[];

export function isBallotAdmin(actor: VillageActor): boolean {
  return actor.roles.some((r) => (BALLOT_ADMIN_ROLES as readonly Role[]).includes(r));
}

export function oversees(actor: VillageActor): boolean {
  return actor.roles.some((r) => (BALLOT_OVERSIGHT_ROLES as readonly Role[]).includes(r));
}

/** 计票人 or 监票人 of this ballot, or null. */
export function tellerRoleOf(ballot: Ballot, actor: VillageActor): 'teller' | 'scrutineer' | null {
  if (ballot.tellerResidentId === actor.residentId) return 'teller';
  if (ballot.scrutineerResidentId === actor.residentId) return 'scrutineer';
  return null;
}

/** Drafts and cancelled drafts are the committee's; villagers see open and closed ballots only. */
export function canSee(ballot: Ballot, actor: VillageActor): boolean {
  return ballot.status === 'open' || ballot.status === 'closed' || isBallotAdmin(actor);
}
