import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TokenPair } from '@village/shared';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { AuthSession } from './entities';
import { IdentityErrorCode, IdentityException } from './identity.exception';
import { hashToken, newToken } from './tokens';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Short-lived access tokens and longer refresh tokens; refreshing rotates both. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(accountId: string, villageId: string | null): Promise<TokenPair> {
    const { pair, session } = this.newSession(accountId, villageId);
    await this.dataSource.getRepository(AuthSession).insert(session);
    return pair;
  }

  /** The live session for an access token, or a 401 saying why. */
  async resolve(accessToken: string): Promise<AuthSession> {
    const session = await this.dataSource.getRepository(AuthSession).findOneBy({ accessHash: hashToken(accessToken) });
    if (!session || session.revokedAt) throw IdentityException.unauthenticated();
    if (session.accessExpiresAt.getTime() <= this.clock.now().getTime()) throw IdentityException.sessionExpired();
    return session;
  }

  async resolveById(sessionId: string): Promise<AuthSession> {
    return this.dataSource.getRepository(AuthSession).findOneByOrFail({ id: sessionId });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const repo = this.dataSource.getRepository(AuthSession);
    const old = await repo.findOneBy({ refreshHash: hashToken(refreshToken), revokedAt: IsNull() });
    if (!old || old.refreshExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw new IdentityException(IdentityErrorCode.RefreshInvalid, '登录已过期，请重新登录');
    }
    // Revoking by id and the unrevoked state together makes a replayed refresh token lose the race.
    const revoked = await repo.update({ id: old.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    if (!revoked.affected) throw new IdentityException(IdentityErrorCode.RefreshInvalid, '登录已过期，请重新登录');
    return this.create(old.wechatAccountId, old.villageId);
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(AuthSession).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** After binding, the account's live sessions act in the village it was bound in. */
  async moveAccountSessionsTo(accountId: string, villageId: string | null): Promise<void> {
    await this.dataSource
      .getRepository(AuthSession)
      .update({ wechatAccountId: accountId, revokedAt: IsNull() }, { villageId });
  }

  private newSession(accountId: string, villageId: string | null): { pair: TokenPair; session: AuthSession } {
    const now = this.clock.now();
    const accessToken = newToken();
    const refreshToken = newToken();
    const accessExpiresAt = new Date(now.getTime() + this.config.ACCESS_TOKEN_TTL_MINUTES * MINUTE);
    const refreshExpiresAt = new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY);
    return {
      pair: {
        accessToken,
        refreshToken,
        accessExpiresAt: accessExpiresAt.toISOString(),
        refreshExpiresAt: refreshExpiresAt.toISOString(),
      },
      session: Object.assign(new AuthSession(), {
        id: randomUUID(),
        wechatAccountId: accountId,
        villageId,
        accessHash: hashToken(accessToken),
        refreshHash: hashToken(refreshToken),
        accessExpiresAt,
        refreshExpiresAt,
        revokedAt: null,
        createdAt: now,
      }),
    };
  }
}
