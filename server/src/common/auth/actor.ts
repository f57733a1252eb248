import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@village/shared';
import type { Request } from 'express';
import type { AuditActor } from '../../modules/audit/unit-of-work';

/** Who is calling, resolved from the session by the AuthGuard. */
export interface Actor {
  accountId: string;
  sessionId: string;
  /** null until the account is bound to a resident. */
  villageId: string | null;
  residentId: string | null;
  /** Set for 乡镇干部, who act across their township's villages and in none of them. */
  townshipId: string | null;
  roles: Role[];
  correlationId: string;
}

/** An actor bound to a resident in a village: what `@Roles` routes receive. */
export interface VillageActor extends Actor {
  villageId: string;
  residentId: string;
}

export type RequestWithActor = Request & { id?: string; actor?: Actor };

function actorOf(context: ExecutionContext): Actor {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  // The AuthGuard sets it on every @SignedIn and @Roles route; its absence is a wiring bug.
  if (!actor) throw new Error('no actor on a route that requires one: is the route @Public?');
  return actor;
}

/** The signed-in caller on @SignedIn routes. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => actorOf(context));

/** The caller on @Roles routes: always bound to a resident in the session's village. */
export const CurrentVillageActor = createParamDecorator((_: unknown, context: ExecutionContext): VillageActor => {
  const actor = actorOf(context);
  if (!actor.villageId || !actor.residentId) throw new Error('@Roles route reached without a bound actor');
  return actor as VillageActor;
});

/** The audit trail names the role a change was made in: the highest office the actor holds. */
const ROLE_PRECEDENCE: Role[] = [
  'secretary',
  'village_committee',
  'branch_committee',
  'supervisor',
  'grid_leader',
  'points_reviewer',
  'shopkeeper',
  'villager_rep',
  'party_member',
  'household_rep',
  'villager',
];

export function auditActor(actor: VillageActor, actingAs?: Role): AuditActor {
  const role = actingAs ?? ROLE_PRECEDENCE.find((r) => actor.roles.includes(r)) ?? null;
  return { villageId: actor.villageId, actorId: actor.residentId, actorRole: role, correlationId: actor.correlationId };
}
