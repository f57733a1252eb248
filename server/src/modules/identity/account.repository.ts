import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { FieldCipher } from '../../common/crypto/field-cipher';
import type { WechatSession } from '../wechat/wechat.client';
import { AccountBinding, WechatAccount } from './entities';

/** WeChat accounts and their live bindings. Accounts are not village data, so no unit of work. */
@Injectable()
export class AccountRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** Creates the account on first login; always stores the newest session key, encrypted. */
  async upsertFromWechat(session: WechatSession): Promise<WechatAccount> {
    const repo = this.dataSource.getRepository(WechatAccount);
    const now = this.clock.now();
    const sessionKeyEnc = this.cipher.encrypt(session.sessionKey);
    const existing = await repo.findOneBy({ openid: session.openid });
    if (existing) {
      await repo.update({ id: existing.id }, { sessionKeyEnc, unionid: session.unionid ?? existing.unionid, lastLoginAt: now });
      return { ...existing, sessionKeyEnc, lastLoginAt: now };
    }
    const account = Object.assign(new WechatAccount(), {
      id: randomUUID(),
      openid: session.openid,
      unionid: session.unionid,
      sessionKeyEnc,
      privacyConsentVersion: null,
      privacyConsentAt: null,
      idNumberConsentAt: null,
      lastLoginAt: now,
    });
    try {
      await repo.insert(account);
      return account;
    } catch (error) {
      // Two first logins of one user at once: the other insert won; use its row.
      const winner = await repo.findOneBy({ openid: session.openid });
      if (!winner) throw error;
      return winner;
    }
  }

  findById(id: string): Promise<WechatAccount | null> {
    return this.dataSource.getRepository(WechatAccount).findOneBy({ id });
  }

  sessionKey(account: WechatAccount): string | null {
    return this.cipher.decryptNullable(account.sessionKeyEnc);
  }

  /** The village to act in after login: the most recently bound one, if any. */
  async latestBoundVillage(accountId: string): Promise<string | null> {
    const binding = await this.dataSource
      .getRepository(AccountBinding)
      .findOne({ where: { wechatAccountId: accountId, unboundAt: IsNull() }, order: { boundAt: 'DESC' } });
    return binding?.villageId ?? null;
  }

  async recordConsent(accountId: string, version: string): Promise<void> {
    await this.dataSource
      .getRepository(WechatAccount)
      .update({ id: accountId }, { privacyConsentVersion: version, privacyConsentAt: this.clock.now() });
  }

  async recordIdNumberConsent(accountId: string): Promise<void> {
    await this.dataSource.getRepository(WechatAccount).update({ id: accountId }, { idNumberConsentAt: this.clock.now() });
  }
}
