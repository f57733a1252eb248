import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from '../../common/auth/access.decorator';
import type { RequestWithActor } from '../../common/auth/actor';
import { ActorResolver } from './actor.resolver';
import { IdentityErrorCode, IdentityException } from './identity.exception';
import { SessionService } from './session.service';

/** Deny by default: a route must declare @Public, @SignedIn or @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (!rule) {
      this.logger.error(`route ${request.method} ${request.path} declares no access rule; refusing`);
      throw new IdentityException(IdentityErrorCode.AccessUndeclared, '这个接口还没有设定谁能使用，暂时不能用');
    }

    const token = bearerToken(request.headers.authorization);
    if (rule.kind === 'public') {
      if (token) request.actor = await this.tryResolve(token, request.id ?? '');
      return true;
    }
    if (!token) throw IdentityException.unauthenticated();
    const session = await this.sessions.resolve(token);
    const actor = await this.actors.resolve(session, request.id ?? '');
    request.actor = actor;
    if (rule.kind === 'signed_in') return true;

    if (actor.townshipId && rule.roles.includes('township_admin')) return true;
    if (!actor.villageId || !actor.residentId) throw IdentityException.notBound();
    if (!rule.roles.some((role) => actor.roles.includes(role))) throw IdentityException.roleRequired(rule.roles);
    return true;
  }

  private async tryResolve(token: string, correlationId: string): Promise<RequestWithActor['actor']> {
    try {
      return await this.actors.resolve(await this.sessions.resolve(token), correlationId);
    } catch {
      return undefined; // a stale token on a public page is not an error
    }
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}
