import { randomUUID } from 'node:crypto';
import { EARNED_LEDGER_KINDS, type LedgerSum, type NegativeItem } from '@village/shared';
import { EntityManager, In } from 'typeorm';
import { Notice } from '../../notices/entities';
import { Grid, Resident } from '../../villages/entities';
import { PointsAccount, PointsAppeal, PointsBoard, PointsBoardEntry, PointsLedgerEntry, PointsPublication, PointsRecord } from '../entities';

/** Queries behind the ledger lookups and the 红黑榜, always within one village. */
export class StandingStore {
  constructor(readonly manager: EntityManager) {}

  newId(): string {
    return randomUUID();
  }

  /** Earned points (records, adjustments) per household, kind and quarter, for the given quarters. */
  async earnedSums(villageId: string, quarters: readonly string[]): Promise<LedgerSum[]> {
    if (quarters.length === 0) return [];
    const rows: { householdId: string; kind: LedgerSum['kind']; quarter: string; amount: string | number }[] = await this.manager
      .getRepository(PointsLedgerEntry)
      .createQueryBuilder('e')
      .select('e.household_id', 'householdId')
      .addSelect('e.kind', 'kind')
      .addSelect('e.quarter', 'quarter')
      .addSelect('SUM(e.amount_tenths)', 'amount')
      .where('e.village_id = :villageId', { villageId })
      .andWhere('e.kind IN (:...kinds)', { kinds: [...EARNED_LEDGER_KINDS] })
      .andWhere('e.quarter IN (:...quarters)', { quarters: [...quarters] })
      .groupBy('e.household_id')
      .addGroupBy('e.kind')
      .addGroupBy('e.quarter')
      .getRawMany();
    // MySQL returns SUM as a decimal string.
    return rows.map((r) => ({ householdId: r.householdId, kind: r.kind, quarter: r.quarter, amountTenths: Number(r.amount) }));
  }

  async balance(villageId: string, householdId: string): Promise<number> {
    const account = await this.manager.getRepository(PointsAccount).findOneBy({ villageId, householdId });
    return account?.balanceTenths ?? 0;
  }

  ledger(villageId: string, householdId: string, limit: number): Promise<PointsLedgerEntry[]> {
    return this.manager.getRepository(PointsLedgerEntry).find({ where: { villageId, householdId }, order: { seq: 'DESC' }, take: limit });
  }

  /** Records of the household not (yet) in the ledger: pending, approved, rejected; newest first. */
  unpublishedRecords(villageId: string, householdId: string): Promise<PointsRecord[]> {
    return this.manager.getRepository(PointsRecord).find({
      where: { villageId, householdId, status: In(['pending', 'approved', 'rejected']) },
      order: { occurredOn: 'DESC', createdAt: 'DESC' },
    });
  }

  /**
   * The quarter's published negative-list records that still count: a record whose appeal adjusted it
   * to zero or above is no longer a 负面清单 mark.
   */
  async negativeItems(villageId: string, quarter: string): Promise<NegativeItem[]> {
    const records = await this.manager.getRepository(PointsRecord).find({
      where: { villageId, quarter, status: 'published' },
      order: { occurredOn: 'ASC', itemCode: 'ASC' },
    });
    const negative = records.filter((r) => r.pointsTenths < 0);
    if (negative.length === 0) return [];
    const appeals = await this.manager.getRepository(PointsAppeal).findBy({ villageId, recordId: In(negative.map((r) => r.id)), status: 'adjusted' });
    const adjusted = new Map(appeals.map((a) => [a.recordId, a.adjustmentTenths ?? 0]));
    return negative
      .filter((r) => r.pointsTenths + (adjusted.get(r.id) ?? 0) < 0)
      .map((r) => ({ householdId: r.householdId, itemCode: r.itemCode, itemDescription: r.itemDescription }));
  }

  publication(villageId: string, quarter: string): Promise<PointsPublication | null> {
    return this.manager.getRepository(PointsPublication).findOneBy({ villageId, quarter });
  }

  /** The resident acting: their household and birth date (for "any adult member may redeem"). */
  resident(villageId: string, residentId: string): Promise<Resident | null> {
    return this.manager.getRepository(Resident).findOneBy({ villageId, id: residentId, status: 'active' });
  }

  /** Grids a 网格员 leads. */
  async gridsLedBy(villageId: string, residentId: string): Promise<string[]> {
    const grids = await this.manager.getRepository(Grid).find({ select: { id: true }, where: { villageId, leaderResidentId: residentId } });
    return grids.map((g) => g.id);
  }

  // ------------------------------------------------------------ boards

  board(villageId: string, id: string): Promise<PointsBoard | null> {
    return this.manager.getRepository(PointsBoard).findOneBy({ villageId, id });
  }

  boardOfQuarter(villageId: string, quarter: string): Promise<PointsBoard | null> {
    return this.manager.getRepository(PointsBoard).findOneBy({ villageId, quarter });
  }

  boards(villageId: string, quarter: string | undefined, limit: number): Promise<PointsBoard[]> {
    return this.manager.getRepository(PointsBoard).find({ where: { villageId, ...(quarter ? { quarter } : {}) }, order: { quarter: 'DESC' }, take: limit });
  }

  boardEntries(boardIds: readonly string[]): Promise<PointsBoardEntry[]> {
    if (boardIds.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(PointsBoardEntry).findBy({ boardId: In([...boardIds]) });
  }

  boardEntry(boardId: string, householdId: string): Promise<PointsBoardEntry | null> {
    return this.manager.getRepository(PointsBoardEntry).findOneBy({ boardId, householdId });
  }

  async noticeTitles(villageId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.manager.getRepository(Notice).find({ select: { id: true, title: true }, where: { villageId, id: In([...ids]) } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
