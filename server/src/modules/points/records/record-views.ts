import {
  appealVerdict,
  isAdult,
  POINTS_APPEAL_STATUS_LABELS,
  POINTS_RECORD_STATUS_LABELS,
  type NamedRef,
  type PointsAppealView,
  type PointsPhoto,
  type PointsRecordView,
} from '@village/shared';
import { In, type EntityManager } from 'typeorm';
import { Resident } from '../../villages/entities';
import { PointsAppeal, PointsPublication, type PointsRecord } from '../entities';
import { gridNames, pointsHouseholds, type HouseholdRef } from '../points-households';

/** Who is looking: decides `canAppeal` (a member of the record's household, during the window). */
export interface RecordViewer {
  residentId: string;
  /** chinaDay(clock.now()). */
  today: string;
}

/** Evidence photo links by owner id — PointsPhotos (files/) provides it. */
export interface EvidencePhotoViews {
  views(manager: EntityManager, ownerIds: string[]): Promise<Map<string, PointsPhoto[]>>;
}

/**
 * PointsRecordViews for rows of one village, in their order: household labels (masked names),
 * member, grid, evidence photos, who recorded and reviewed, the appeal, and whether the viewer may
 * appeal now. Callers decide who may see which rows; the viewer only matters for `canAppeal`.
 */
export async function recordViews(
  manager: EntityManager,
  villageId: string,
  rows: readonly PointsRecord[],
  viewer: RecordViewer,
  photos: EvidencePhotoViews,
): Promise<PointsRecordView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const appeals = await manager.getRepository(PointsAppeal).find({ where: { villageId, recordId: In(ids) } });
  const publicationIds = [...new Set(rows.map((r) => r.publicationId).filter((id): id is string => id !== null))];
  const [households, grids, photoMap, publications, me] = await Promise.all([
    pointsHouseholds(manager, villageId, rows.map((r) => r.householdId)),
    gridNames(manager, villageId),
    photos.views(manager, ids),
    publicationIds.length === 0 ? Promise.resolve([]) : manager.getRepository(PointsPublication).find({ where: { villageId, id: In(publicationIds) } }),
    manager.getRepository(Resident).findOneBy({ id: viewer.residentId, villageId }),
  ]);
  const names = await residentNames(manager, villageId, [
    ...rows.flatMap((r) => [r.residentId, r.recordedByResidentId, r.reviewedByResidentId]),
    ...appeals.flatMap((a) => [a.raisedByResidentId, a.decidedByResidentId]),
  ]);
  const windowEnds = new Map(publications.map((p) => [p.id, p.windowEndsOn]));
  const appealOf = new Map(appeals.map((a) => [a.recordId, a]));
  const viewerAdult = me !== null && me.status === 'active' && isAdult(me.birthDate, new Date(`${viewer.today}T12:00:00+08:00`));
  return rows.map((row): PointsRecordView => {
    const household = householdRef(households.get(row.householdId), row.householdId);
    const appeal = appealOf.get(row.id);
    const canAppeal = appealVerdict({
      status: row.status,
      windowEndsOn: row.publicationId ? (windowEnds.get(row.publicationId) ?? null) : null,
      today: viewer.today,
      member: me?.householdId === row.householdId,
      adult: viewerAdult,
      alreadyAppealed: appeal !== undefined,
    }).ok;
    return {
      id: row.id,
      household,
      member: row.residentId ? names.ref(row.residentId) : null,
      grid: grids.has(row.gridId) ? { id: row.gridId, name: grids.get(row.gridId) as string } : null,
      itemCode: row.itemCode,
      category: row.category,
      itemDescription: row.itemDescription,
      pointsTenths: row.pointsTenths,
      occurredOn: row.occurredOn,
      quarter: row.quarter,
      note: row.note,
      photos: photoMap.get(row.id) ?? [],
      source: row.source,
      recordedBy: names.ref(row.recordedByResidentId),
      status: row.status,
      statusLabel: POINTS_RECORD_STATUS_LABELS[row.status],
      rejectReason: row.rejectReason,
      reviewedBy: row.reviewedByResidentId ? names.ref(row.reviewedByResidentId) : null,
      canAppeal,
      appeal: appeal ? appealView(appeal, household, names) : null,
      createdAt: new Date(row.createdAt).toISOString(),
    };
  });
}

/** One appeal's view; `household` and `names` come from the caller's batch. */
export function appealView(appeal: PointsAppeal, household: HouseholdRef, names: ResidentNames): PointsAppealView {
  return {
    id: appeal.id,
    recordId: appeal.recordId,
    household,
    reason: appeal.reason,
    raisedBy: names.ref(appeal.raisedByResidentId),
    raisedAt: new Date(appeal.raisedAt).toISOString(),
    status: appeal.status,
    statusLabel: POINTS_APPEAL_STATUS_LABELS[appeal.status],
    decisionReason: appeal.decisionReason,
    adjustmentTenths: appeal.adjustmentTenths,
    decidedBy: appeal.decidedByResidentId ? names.ref(appeal.decidedByResidentId) : null,
    decidedAt: appeal.decidedAt ? new Date(appeal.decidedAt).toISOString() : null,
  };
}

export interface ResidentNames {
  ref(id: string): NamedRef;
}

/**
 * Names of residents of the village. Records are seen only by their household and by those who
 * oversee the points (who know the village by name), so names are not masked here; public lists
 * (公示, 红黑榜) use the masked household labels instead.
 */
export async function residentNames(manager: EntityManager, villageId: string, ids: readonly (string | null)[]): Promise<ResidentNames> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = wanted.length === 0 ? [] : await manager.getRepository(Resident).find({ select: { id: true, name: true }, where: { villageId, id: In(wanted) } });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return { ref: (id) => ({ id, name: names.get(id) ?? '' }) };
}

export function householdRef(household: HouseholdRef | undefined, id: string): HouseholdRef {
  return household ? { id: household.id, number: household.number, label: household.label } : { id, number: '', label: '' };
}
