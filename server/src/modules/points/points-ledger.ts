import { randomUUID } from 'node:crypto';
import type { LedgerEntryKind } from '@village/shared';
import type { EntityManager } from 'typeorm';
import type { Work } from '../audit/unit-of-work';
import { PointsAccount, PointsLedgerEntry } from './entities';
import { PointsErrorCode, PointsException } from './points.exception';

export interface LedgerPosting {
  villageId: string;
  householdId: string;
  kind: LedgerEntryKind;
  /** Signed tenths; never 0. */
  amountTenths: number;
  /** The quarter earned points count towards (record, adjustment); null for the shop. */
  quarter: string | null;
  description: string;
  recordId?: string | null;
  appealId?: string | null;
  redemptionId?: string | null;
}

/**
 * The only way points move (DOMAIN.md §6: balance = published records − redemptions, every change a
 * new entry). Each posting updates the household's account row and appends one ledger entry with the
 * balance after it, in the caller's unit of work, with its audit event. A debit is a conditional
 * UPDATE (`… AND balance_tenths >= amount`): whatever runs at once, a balance never goes below zero.
 */
export class PointsLedger {
  /** `now` from the Clock, so test clocks date the entries too. */
  constructor(
    private readonly work: Work,
    private readonly now: Date,
  ) {}

  private get manager(): EntityManager {
    return this.work.manager;
  }

  async post(posting: LedgerPosting): Promise<PointsLedgerEntry> {
    if (!Number.isInteger(posting.amountTenths) || posting.amountTenths === 0) throw new Error('a ledger posting moves a non-zero whole number of tenths');
    await this.ensureAccount(posting.villageId, posting.householdId);
    const update = this.manager
      .createQueryBuilder()
      .update(PointsAccount)
      .set({ balanceTenths: () => `balance_tenths + ${posting.amountTenths}`, seq: () => 'seq + 1' })
      .where('household_id = :householdId AND village_id = :villageId', { householdId: posting.householdId, villageId: posting.villageId });
    // Only debits from the shop must be covered; an adjustment after an appeal may take a balance
    // that was already spent below zero, and the household sees that honestly.
    if (posting.kind === 'redemption') update.andWhere('balance_tenths >= :need', { need: -posting.amountTenths });
    const result = await update.execute();
    if (!result.affected) {
      throw new PointsException(PointsErrorCode.InsufficientBalance, '这户的积分不够兑换这件商品，请换一件积分少一些的');
    }
    const account = await this.manager.getRepository(PointsAccount).findOneByOrFail({ householdId: posting.householdId });
    const entry: PointsLedgerEntry = {
      id: randomUUID(),
      villageId: posting.villageId,
      householdId: posting.householdId,
      seq: account.seq,
      kind: posting.kind,
      amountTenths: posting.amountTenths,
      balanceTenths: account.balanceTenths,
      quarter: posting.quarter,
      description: posting.description.slice(0, 120),
      recordId: posting.recordId ?? null,
      appealId: posting.appealId ?? null,
      redemptionId: posting.redemptionId ?? null,
      createdAt: this.now,
    };
    await this.manager.insert(PointsLedgerEntry, entry);
    await this.work.record({
      action: `points.ledger.${posting.kind}`,
      entityType: 'points_ledger_entry',
      entityId: entry.id,
      after: { householdId: entry.householdId, seq: entry.seq, amountTenths: entry.amountTenths, balanceTenths: entry.balanceTenths, quarter: entry.quarter, recordId: entry.recordId, appealId: entry.appealId, redemptionId: entry.redemptionId },
    });
    return entry;
  }

  /** The household's balance in tenths (0 before its first entry). */
  async balance(householdId: string): Promise<number> {
    const account = await this.manager.getRepository(PointsAccount).findOneBy({ householdId });
    return account?.balanceTenths ?? 0;
  }

  private async ensureAccount(villageId: string, householdId: string): Promise<void> {
    const exists = await this.manager.getRepository(PointsAccount).exists({ where: { householdId } });
    if (!exists) await this.manager.insert(PointsAccount, { householdId, villageId, balanceTenths: 0, seq: 0 });
  }
}
