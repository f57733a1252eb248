import { SetMetadata } from '@nestjs/common';
import type { Role } from '@village/shared';

/**
 * Every route declares who may call it; a route without a declaration is refused (and fails the
 * authorization matrix test). Village routes always act in the caller's own village, taken from
 * the session, never from the request.
 */
export type AccessRule =
  | { kind: 'public' }
  /** Any signed-in WeChat account, bound to a resident or not (binding, consent, me). */
  | { kind: 'signed_in' }
  /** A resident bound in the session's village holding at least one of these roles. */
  | { kind: 'roles'; roles: readonly Role[] };

export const ACCESS_RULE = 'village-council:access';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const SignedIn = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'signed_in' } satisfies AccessRule);

export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

/** Roles that act for the village committee on rosters and bindings (书记, 村委会, 村党组织). */
export { COMMITTEE_ROLES } from '@village/shared';
