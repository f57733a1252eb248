import { REDEMPTION_STATUS_LABELS, type PointsPhoto, type ProductView, type RedemptionView } from '@village/shared';
import type { EntityManager } from 'typeorm';
import type { PointsProduct, PointsRedemption } from '../entities';
import { pointsHouseholds } from '../points-households';
import { householdRef, residentNames, type EvidencePhotoViews } from '../records/record-views';

/** Products in their order, each with its current photo (the one `photo_id` names, unless WeChat found it risky). */
export async function productViews(manager: EntityManager, rows: readonly PointsProduct[], photos: EvidencePhotoViews): Promise<ProductView[]> {
  const byOwner = await photos.views(manager, rows.filter((r) => r.photoId !== null).map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    photo: currentPhoto(byOwner.get(row.id), row.photoId),
    priceTenths: row.priceTenths,
    stock: row.stock,
    active: row.active,
    version: row.version,
  }));
}

/** A replaced photo stays attached to the product (the trail keeps it); only `photo_id` is shown. */
function currentPhoto(photos: PointsPhoto[] | undefined, photoId: string | null): PointsPhoto | null {
  return photos?.find((p) => p.id === photoId) ?? null;
}

/**
 * Redemptions of one village, in their order. Only the household and those who run or oversee the
 * shop see them, so names are not masked; the hand-over code is left out (empty) unless `withCode`:
 * whoever holds it collects the goods, so the 监委会, who only oversee, never see it.
 */
export async function redemptionViews(manager: EntityManager, villageId: string, rows: readonly PointsRedemption[], withCode: (row: PointsRedemption) => boolean): Promise<RedemptionView[]> {
  if (rows.length === 0) return [];
  const [households, names] = await Promise.all([
    pointsHouseholds(manager, villageId, rows.map((r) => r.householdId)),
    residentNames(manager, villageId, rows.flatMap((r) => [r.requestedByResidentId, r.handedOverByResidentId])),
  ]);
  return rows.map((row) => ({
    id: row.id,
    household: householdRef(households.get(row.householdId), row.householdId),
    product: { id: row.productId, name: row.productName },
    priceTenths: row.priceTenths,
    status: row.status,
    statusLabel: REDEMPTION_STATUS_LABELS[row.status],
    code: withCode(row) ? row.code : '',
    requestedBy: names.ref(row.requestedByResidentId),
    requestedAt: new Date(row.requestedAt).toISOString(),
    handedOverBy: row.handedOverByResidentId ? names.ref(row.handedOverByResidentId) : null,
    handedOverAt: row.handedOverAt ? new Date(row.handedOverAt).toISOString() : null,
    cancelledAt: row.cancelledAt ? new Date(row.cancelledAt).toISOString() : null,
  }));
}
