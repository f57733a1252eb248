import { randomBytes, randomUUID } from 'node:crypto';
import type { Work } from '../../audit/unit-of-work';
import { isDuplicateKey } from '../../notices/domain/notice-snapshot';
import { PointsProduct, PointsRedemption } from '../entities';
import { PointsLedger } from '../points-ledger';
import { PointsErrorCode, PointsException } from '../points.exception';
import { handOverCode } from './domain/hand-over-code';

/*
 * The 积分超市's writes that the API and the demo seed share, each inside the caller's unit of work
 * with its audit event.
 */

export interface NewProduct {
  villageId: string;
  name: string;
  photoId: string | null;
  priceTenths: number;
  stock: number;
  active: boolean;
}

export async function insertProduct(work: Work, now: Date, input: NewProduct): Promise<PointsProduct> {
  const row: PointsProduct = { id: randomUUID(), ...input, createdAt: now, updatedAt: now, version: 1 };
  await work.manager.insert(PointsProduct, row);
  await work.record({ action: 'points.product.created', entityType: 'points_product', entityId: row.id, after: productSnapshot(row) });
  return row;
}

export function productSnapshot(row: PointsProduct): { name: string; photoId: string | null; priceTenths: number; stock: number; active: boolean } {
  return { name: row.name, photoId: row.photoId, priceTenths: row.priceTenths, stock: row.stock, active: row.active };
}

export interface NewRedemption {
  villageId: string;
  householdId: string;
  product: PointsProduct;
  requestedByResidentId: string;
}

/** A new code until the (village, code) unique index takes it; 40 bits make a second try rare already. */
const CODE_ATTEMPTS = 5;

/**
 * One piece of one product for one household: the stock comes down by one only while some is left
 * (a conditional UPDATE, so concurrent redemptions never oversell), the order gets its hand-over code,
 * and the ledger debits the price only while the balance covers it. Any refusal rolls all three back.
 */
export async function placeRedemption(work: Work, now: Date, input: NewRedemption): Promise<PointsRedemption> {
  const { product } = input;
  const taken = await work.manager
    .createQueryBuilder()
    .update(PointsProduct)
    .set({ stock: () => 'stock - 1', version: () => 'version + 1', updatedAt: now })
    .where('id = :id AND village_id = :villageId AND active = :active AND stock > 0', { id: product.id, villageId: input.villageId, active: true })
    .execute();
  if (!taken.affected) throw new PointsException(PointsErrorCode.OutOfStock, '这件商品已经换完了，请换一件别的，或等积分超市补货');
  const row: PointsRedemption = {
    id: randomUUID(),
    villageId: input.villageId,
    householdId: input.householdId,
    productId: product.id,
    productName: product.name,
    priceTenths: product.priceTenths,
    status: 'ready',
    code: '',
    requestedByResidentId: input.requestedByResidentId,
    requestedAt: now,
    handedOverByResidentId: null,
    handedOverAt: null,
    cancelledByResidentId: null,
    cancelledAt: null,
    version: 1,
  };
  for (let attempt = 1; ; attempt += 1) {
    row.code = handOverCode(randomBytes(8));
    try {
      await work.manager.insert(PointsRedemption, row);
      break;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
  await new PointsLedger(work, now).post({
    villageId: input.villageId,
    householdId: input.householdId,
    kind: 'redemption',
    amountTenths: -product.priceTenths,
    quarter: null,
    description: `兑换 ${product.name}`,
    redemptionId: row.id,
  });
  // The code stays out of the append-only trail: whoever holds it collects the goods.
  await work.record({
    action: 'points.redemption.requested',
    entityType: 'points_redemption',
    entityId: row.id,
    after: { householdId: row.householdId, productId: row.productId, productName: row.productName, priceTenths: row.priceTenths, status: row.status },
  });
  return row;
}

/** The shopkeeper gives the goods: `ready` → `handed_over`. */
export async function handOverRedemption(work: Work, now: Date, row: PointsRedemption, byResidentId: string): Promise<PointsRedemption> {
  const handed: PointsRedemption = { ...row, status: 'handed_over', handedOverByResidentId: byResidentId, handedOverAt: now };
  await leaveReady(work, row, { status: handed.status, handedOverByResidentId: byResidentId, handedOverAt: now });
  await work.record({
    action: 'points.redemption.handed_over',
    entityType: 'points_redemption',
    entityId: row.id,
    before: { status: 'ready' },
    after: { status: handed.status, householdId: row.householdId, productId: row.productId },
  });
  return handed;
}

/** `ready` → `cancelled`: the piece goes back on the shelf and the price back to the household as a refund entry. */
export async function cancelRedemption(work: Work, now: Date, row: PointsRedemption, byResidentId: string): Promise<PointsRedemption> {
  const cancelled: PointsRedemption = { ...row, status: 'cancelled', cancelledByResidentId: byResidentId, cancelledAt: now };
  await leaveReady(work, row, { status: cancelled.status, cancelledByResidentId: byResidentId, cancelledAt: now });
  await work.manager
    .createQueryBuilder()
    .update(PointsProduct)
    .set({ stock: () => 'stock + 1', version: () => 'version + 1', updatedAt: now })
    .where('id = :id AND village_id = :villageId', { id: row.productId, villageId: row.villageId })
    .execute();
  await new PointsLedger(work, now).post({
    villageId: row.villageId,
    householdId: row.householdId,
    kind: 'refund',
    amountTenths: row.priceTenths,
    quarter: null,
    description: `取消兑换 ${row.productName}，积分退回`,
    redemptionId: row.id,
  });
  await work.record({
    action: 'points.redemption.cancelled',
    entityType: 'points_redemption',
    entityId: row.id,
    before: { status: 'ready' },
    after: { status: cancelled.status, householdId: row.householdId, productId: row.productId, refundTenths: row.priceTenths },
  });
  return cancelled;
}

/** Leaves `ready` only once: of two at once (a double scan, a cancel during hand-over), the second is refused. */
async function leaveReady(work: Work, row: PointsRedemption, change: Partial<PointsRedemption>): Promise<void> {
  const moved = await work.manager
    .createQueryBuilder()
    .update(PointsRedemption)
    .set({ ...change, version: () => 'version + 1' })
    .where('id = :id AND village_id = :villageId AND status = :ready', { id: row.id, villageId: row.villageId, ready: 'ready' })
    .execute();
  if (!moved.affected) throw PointsException.refused('这张兑换单刚被别人处理过了，请刷新后再看');
}
