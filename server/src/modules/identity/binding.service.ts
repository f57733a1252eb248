import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IssuedBindingCode } from '@village/shared';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork, type Work } from '../audit/unit-of-work';
import { Resident } from '../villages/entities';
import { activeAccountKey, activeResidentKey, AccountBinding, BindingAttempt, BindingCode, BindingMethod } from './entities';
import { IdentityErrorCode, IdentityException } from './identity.exception';
import { renderQrSvg } from './qr';
import { SessionService } from './session.service';

/** No 0/O, 1/I/L: the code is read aloud and typed by older villagers. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function normaliseBindingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

function hashCode(code: string): string {
  return createHash('sha256').update(`binding-code:${code}`).digest('hex');
}

/** 一户一人 starts here: the committee issues a one-time code, the villager redeems it once. */
@Injectable()
export class BindingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(actor: VillageActor, residentId: string): Promise<IssuedBindingCode> {
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.BINDING_CODE_TTL_DAYS * DAY);

    const resident = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const target = await manager.getRepository(Resident).findOneBy({ id: residentId, villageId: actor.villageId });
      if (!target) throw IdentityException.residentNotFound();
      if (target.status !== 'active') {
        throw new IdentityException(IdentityErrorCode.ResidentInactive, `${target.name}已不在本村名册（已故或迁出），不能绑定`);
      }
      // One live code per resident: a new code withdraws the old one.
      await manager.update(BindingCode, { residentId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
      const id = randomUUID();
      await manager.insert(BindingCode, {
        id,
        villageId: actor.villageId,
        residentId,
        codeHash: hashCode(code),
        expiresAt,
        usedAt: null,
        usedByAccountId: null,
        revokedAt: null,
        issuedByResidentId: actor.residentId,
        issuedAt: now,
      });
      // The code itself is never written to the trail: whoever reads the trail could use it.
      await record({
        action: 'resident.binding_code.issued',
        entityType: 'resident',
        entityId: residentId,
        after: { bindingCodeId: id, expiresAt: expiresAt.toISOString() },
      });
      return target;
    });

    const qrText = `${this.config.PUBLIC_BASE_URL}/packages/account/pages/bind/index?code=${code}`;
    return {
      code,
      residentId,
      residentName: resident.name,
      expiresAt: expiresAt.toISOString(),
      qrText,
      qrSvg: await renderQrSvg(qrText),
    };
  }

  /** Redeems a code for the signed-in account; returns the village it is now bound in. */
  async redeem(accountId: string, correlationId: string, input: string): Promise<string> {
    const now = this.clock.now();
    const attempts = this.dataSource.getRepository(BindingAttempt);
    const recent = await attempts.countBy({ wechatAccountId: accountId, attemptedAt: MoreThan(new Date(now.getTime() - HOUR)) });
    if (recent >= this.config.BINDING_ATTEMPTS_PER_HOUR) {
      throw new IdentityException(
        IdentityErrorCode.BindingRateLimited,
        '绑定码输错次数太多了，请一小时后再试，或请村委会帮您绑定',
      );
    }
    const attemptId = randomUUID();
    await attempts.insert({ id: attemptId, wechatAccountId: accountId, attemptedAt: now, succeeded: false });

    const code = await this.dataSource.getRepository(BindingCode).findOneBy({ codeHash: hashCode(normaliseBindingCode(input)) });
    if (!code || code.revokedAt) {
      throw new IdentityException(IdentityErrorCode.BindingCodeInvalid, '绑定码不对。请核对后再输，或找村委会重新领取。');
    }
    if (code.usedAt) {
      throw new IdentityException(IdentityErrorCode.BindingCodeUsed, '这个绑定码已经用过了。请找村委会重新领取。');
    }
    if (code.expiresAt.getTime() <= now.getTime()) {
      throw new IdentityException(IdentityErrorCode.BindingCodeExpired, '这个绑定码已过期。请找村委会重新领取。');
    }

    const actor = { villageId: code.villageId, actorId: code.residentId, actorRole: 'villager', correlationId };
    await this.uow.run(actor, async (work) => {
      // Claiming the code and binding commit together; a second redeemer of the same code loses here.
      const claimed = await work.manager.update(
        BindingCode,
        { id: code.id, usedAt: IsNull(), revokedAt: IsNull() },
        { usedAt: now, usedByAccountId: accountId },
      );
      if (!claimed.affected) {
        throw new IdentityException(IdentityErrorCode.BindingCodeUsed, '这个绑定码已经用过了。请找村委会重新领取。');
      }
      await this.bind(work, accountId, code.residentId, 'code');
    });
    await attempts.update({ id: attemptId }, { succeeded: true });
    await this.sessions.moveAccountSessionsTo(accountId, code.villageId);
    return code.villageId;
  }

  /** Links account and resident inside the caller's unit of work. */
  async bind(work: Work, accountId: string, residentId: string, method: BindingMethod): Promise<void> {
    const { manager, record, actor } = work;
    const resident = await manager.getRepository(Resident).findOneBy({ id: residentId, villageId: actor.villageId });
    if (!resident) throw IdentityException.residentNotFound();
    if (resident.status !== 'active') {
      throw new IdentityException(IdentityErrorCode.ResidentInactive, `${resident.name}已不在本村名册，不能绑定`);
    }
    const bindings = manager.getRepository(AccountBinding);
    const accountBinding = await bindings.findOneBy({ wechatAccountId: accountId, villageId: actor.villageId, unboundAt: IsNull() });
    if (accountBinding) {
      const who = await manager.getRepository(Resident).findOneBy({ id: accountBinding.residentId });
      throw new IdentityException(
        IdentityErrorCode.AccountAlreadyBound,
        `这个微信已经绑定了本村村民${who?.name ?? ''}。一个微信在一个村只能绑定一人。`,
      );
    }
    if (await bindings.existsBy({ residentId, unboundAt: IsNull() })) {
      throw new IdentityException(
        IdentityErrorCode.ResidentAlreadyBound,
        `${resident.name}已经绑定了另一个微信。如果换了手机，请找村委会先解绑。`,
      );
    }
    const id = randomUUID();
    await manager.insert(AccountBinding, {
      id,
      villageId: actor.villageId,
      wechatAccountId: accountId,
      residentId,
      activeAccountKey: activeAccountKey(actor.villageId, accountId),
      activeResidentKey: activeResidentKey(residentId),
      method,
      boundAt: this.clock.now(),
      unboundAt: null,
      unboundByResidentId: null,
      unbindReason: null,
    });
    await record({
      action: 'resident.wechat.bound',
      entityType: 'resident',
      entityId: residentId,
      after: { bindingId: id, method },
    });
  }

  /** For a lost or changed phone: the committee frees the resident to bind again. */
  async unbind(actor: VillageActor, residentId: string, reason: string): Promise<void> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const resident = await manager.getRepository(Resident).findOneBy({ id: residentId, villageId: actor.villageId });
      if (!resident) throw IdentityException.residentNotFound();
      const binding = await manager.getRepository(AccountBinding).findOneBy({ residentId, villageId: actor.villageId, unboundAt: IsNull() });
      if (!binding) {
        throw new IdentityException(IdentityErrorCode.ResidentNotBound, `${resident.name}还没有绑定微信，不需要解绑`);
      }
      await manager.update(
        AccountBinding,
        { id: binding.id },
        {
          unboundAt: this.clock.now(),
          unboundByResidentId: actor.residentId,
          unbindReason: reason,
          activeAccountKey: null,
          activeResidentKey: null,
        },
      );
      await record({
        action: 'resident.wechat.unbound',
        entityType: 'resident',
        entityId: residentId,
        before: { bindingId: binding.id },
        after: { reason },
      });
    });
  }
}
