import { randomUUID } from 'node:crypto';
import {
  chinaDay,
  formatChineseDate,
  formatPoints,
  NOTICE_BODY_MAX,
  publicationVerdict,
  publicationWindowEndsOn,
  quarterLabel,
  reviewerVerdict,
  type PointsRecordSource,
  type PointsVerdict,
} from '@village/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { Work } from '../../audit/unit-of-work';
import type { SystemNoticePublisher } from '../../notices/system-notice-publisher';
import { PointsAppeal, PointsPublication, PointsRecord, type PointsRuleItem } from '../entities';
import { gridNames, pointsHouseholds } from '../points-households';
import { PointsLedger } from '../points-ledger';
import { PointsException } from '../points.exception';
import { pointsSettings } from '../points-settings';

/*
 * The steps of a record's life that the API and the demo seed share, each inside the caller's unit
 * of work with its audit events: a record written, the monthly review, the quarter's publication.
 */

/** A shared rule's refusal as the module's exception (400/403/409 with the rule's words). */
export function assertVerdict<T extends object>(verdict: PointsVerdict<T>): asserts verdict is { ok: true } & T {
  if (verdict.ok) return;
  if (verdict.kind === 'invalid') throw PointsException.invalid(verdict.reason);
  if (verdict.kind === 'forbidden') throw PointsException.forbidden(verdict.reason);
  throw PointsException.refused(verdict.reason);
}

export interface NewRecord {
  villageId: string;
  householdId: string;
  residentId: string | null;
  gridId: string;
  item: PointsRuleItem;
  occurredOn: string;
  quarter: string;
  note: string | null;
  source: PointsRecordSource;
  recordedByResidentId: string;
}

/** Writes a pending record, copying the item (a later rule book never rewrites it). */
export async function insertRecord(work: Work, now: Date, input: NewRecord): Promise<PointsRecord> {
  const row: PointsRecord = {
    id: randomUUID(),
    villageId: input.villageId,
    householdId: input.householdId,
    residentId: input.residentId,
    gridId: input.gridId,
    ruleBookId: input.item.ruleBookId,
    itemCode: input.item.code,
    category: input.item.category,
    itemDescription: input.item.description,
    pointsTenths: input.item.pointsTenths,
    occurredOn: input.occurredOn,
    quarter: input.quarter,
    note: input.note,
    source: input.source,
    recordedByResidentId: input.recordedByResidentId,
    status: 'pending',
    rejectReason: null,
    reviewedByResidentId: null,
    reviewedAt: null,
    publicationId: null,
    createdAt: now,
    version: 1,
  };
  await work.manager.insert(PointsRecord, row);
  // The note stays out of the append-only trail: it is free text about a family.
  await work.record({
    action: row.source === 'recorded' ? 'points.record.recorded' : 'points.record.self_reported',
    entityType: 'points_record',
    entityId: row.id,
    after: {
      householdId: row.householdId,
      residentId: row.residentId,
      itemCode: row.itemCode,
      pointsTenths: row.pointsTenths,
      occurredOn: row.occurredOn,
      quarter: row.quarter,
      ruleBookId: row.ruleBookId,
      status: row.status,
      hasNote: row.note !== null,
    },
  });
  return row;
}

/** Opens a 复议 on a record (the caller has checked appealVerdict); one per record by a unique key. */
export async function insertAppeal(work: Work, now: Date, input: { record: PointsRecord; reason: string; raisedByResidentId: string }): Promise<PointsAppeal> {
  const appeal: PointsAppeal = {
    id: randomUUID(),
    villageId: input.record.villageId,
    recordId: input.record.id,
    householdId: input.record.householdId,
    reason: input.reason,
    raisedByResidentId: input.raisedByResidentId,
    raisedAt: now,
    status: 'open',
    decisionReason: null,
    adjustmentTenths: null,
    decidedByResidentId: null,
    decidedAt: null,
  };
  await work.manager.insert(PointsAppeal, appeal);
  await work.record({ action: 'points.appeal.raised', entityType: 'points_appeal', entityId: appeal.id, after: { recordId: appeal.recordId, householdId: appeal.householdId, status: appeal.status } });
  return appeal;
}

export interface Reviewer {
  residentId: string;
  householdId: string;
}

export interface ReviewDecision {
  recordIds: string[];
  decision: 'approve' | 'reject';
  reason?: string | null;
}

/**
 * The 评议小组's monthly review, all or nothing: every record must exist in the village, be pending
 * and be neither the reviewer's own household's nor recorded by them — otherwise nothing changes.
 */
export async function reviewRecords(work: Work, now: Date, reviewer: Reviewer, input: ReviewDecision): Promise<{ approved: number; rejected: number }> {
  const reason = input.decision === 'reject' ? (input.reason ?? '').trim() : null;
  if (input.decision === 'reject' && !reason) throw PointsException.invalid('不通过时请写明理由，这户能看到');
  const villageId = work.actor.villageId;
  const rows = await work.manager.getRepository(PointsRecord).find({ where: { villageId, id: In(input.recordIds) } });
  if (rows.length !== new Set(input.recordIds).size) throw PointsException.notFound('积分记录');
  for (const row of rows) assertVerdict(reviewerVerdict(reviewer, row));
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  for (const row of rows) {
    const updated = await work.manager.update(
      PointsRecord,
      { id: row.id, villageId, status: 'pending', version: row.version },
      { status, rejectReason: reason, reviewedByResidentId: reviewer.residentId, reviewedAt: now, version: row.version + 1 },
    );
    if (!updated.affected) throw PointsException.refused('有记录刚被别人评议过了，请刷新后重新选择');
    await work.record({
      action: `points.record.${status}`,
      entityType: 'points_record',
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status, rejectReason: reason, version: row.version + 1 },
    });
  }
  return { approved: status === 'approved' ? rows.length : 0, rejected: status === 'rejected' ? rows.length : 0 };
}

/**
 * The branch's approval of a quarter (公示): every approved record of it becomes published and enters
 * the ledger, one 积分公示 notice lists the households' totals under their masked labels and says how
 * to appeal, and the publication row opens the window — in the caller's one unit of work.
 */
export async function publishQuarter(
  work: Work,
  deps: { notices: SystemNoticePublisher; now: Date },
  input: { quarter: string; approvedByResidentId: string },
): Promise<PointsPublication> {
  const { manager } = work;
  const villageId = work.actor.villageId;
  const today = chinaDay(deps.now);
  const records = manager.getRepository(PointsRecord);
  const [published, pendingCount, approved] = await Promise.all([
    manager.getRepository(PointsPublication).existsBy({ villageId, quarter: input.quarter }),
    records.countBy({ villageId, quarter: input.quarter, status: 'pending' }),
    records.find({ where: { villageId, quarter: input.quarter, status: 'approved', publicationId: IsNull() }, order: { occurredOn: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
  ]);
  assertVerdict(publicationVerdict({ quarter: input.quarter, today, published, pendingCount, approvedCount: approved.length }));

  const settings = await pointsSettings(manager, villageId);
  const windowEndsOn = publicationWindowEndsOn(today, settings.publicationWindowDays);
  const id = randomUUID();
  const totals = householdTotals(approved);
  const notice = await deps.notices.publish(work, {
    villageId,
    kind: 'points_publication',
    title: `${quarterLabel(input.quarter)}村民积分公示`,
    body: await publicationBody(manager, villageId, input.quarter, totals, approved.length, { today, windowEndsOn }),
    windowDays: settings.publicationWindowDays,
    source: { entityType: 'points_publication', entityId: id },
  });
  const publication: PointsPublication = {
    id,
    villageId,
    quarter: input.quarter,
    recordCount: approved.length,
    householdCount: totals.size,
    approvedByResidentId: input.approvedByResidentId,
    publishedAt: deps.now,
    windowEndsOn,
    noticeId: notice.id,
  };
  await manager.insert(PointsPublication, publication);
  const ledger = new PointsLedger(work, deps.now);
  for (const row of approved) {
    const updated = await manager.update(PointsRecord, { id: row.id, status: 'approved', version: row.version }, { status: 'published', publicationId: id, version: row.version + 1 });
    if (!updated.affected) throw PointsException.refused('有记录刚被改动过，请刷新后再公示');
    await ledger.post({
      villageId,
      householdId: row.householdId,
      kind: 'record',
      amountTenths: row.pointsTenths,
      quarter: row.quarter,
      description: `${row.itemCode} ${row.itemDescription}`,
      recordId: row.id,
    });
  }
  await work.record({
    action: 'points.publication.published',
    entityType: 'points_publication',
    entityId: id,
    after: { quarter: input.quarter, recordCount: publication.recordCount, householdCount: publication.householdCount, windowEndsOn, noticeId: notice.id },
  });
  return publication;
}

interface HouseholdTotal {
  records: number;
  totalTenths: number;
}

function householdTotals(rows: readonly PointsRecord[]): Map<string, HouseholdTotal> {
  const totals = new Map<string, HouseholdTotal>();
  for (const row of rows) {
    const total = totals.get(row.householdId) ?? { records: 0, totalTenths: 0 };
    totals.set(row.householdId, { records: total.records + 1, totalTenths: total.totalTenths + row.pointsTenths });
  }
  return totals;
}

/** The notice: per grid, each household's masked label, record count and quarter total; then how to appeal. */
async function publicationBody(
  manager: EntityManager,
  villageId: string,
  quarter: string,
  totals: Map<string, HouseholdTotal>,
  recordCount: number,
  { today, windowEndsOn }: { today: string; windowEndsOn: string },
): Promise<string> {
  const [households, grids] = await Promise.all([pointsHouseholds(manager, villageId, [...totals.keys()]), gridNames(manager, villageId)]);
  const byGrid = new Map<string, string[]>();
  const ordered = [...totals.keys()].sort((a, b) => (households.get(a)?.number ?? '').localeCompare(households.get(b)?.number ?? ''));
  for (const householdId of ordered) {
    const household = households.get(householdId);
    const total = totals.get(householdId) as HouseholdTotal;
    const gridId = household?.gridId ?? '';
    const lines = byGrid.get(gridId) ?? [];
    lines.push(`| ${(household?.label ?? '').replace(/\|/g, '\\|')} | ${total.records} | ${formatPoints(total.totalTenths)} |`);
    byGrid.set(gridId, lines);
  }
  // Grids in the order of their first household's number: 第一网格 holds 0001.
  const sections = [...byGrid.entries()].map(([gridId, lines]) => [`## ${grids.get(gridId) ?? '未分网格'}`, '', '| 户 | 记录条数 | 本季积分 |', '|---|---|---|', ...lines].join('\n'));
  const body = [
    `经村积分评议小组每月评议、村党组织审定，现将${quarterLabel(quarter)}村民积分公示如下：共 ${totals.size} 户、${recordCount} 条记录。户名只显示户号和户代表姓名的一部分。`,
    ...sections,
    '## 有异议怎么办（复议）',
    `公示期到 **${formatChineseDate(beijingNoon(windowEndsOn), beijingNoon(today))}**（含当天）。对自己家的某条记录有异议的，户代表或家里的成年人可以在小程序“积分”里打开那条记录，点“申请复议”并写明理由；不会用手机的，可以请网格员或评议小组代为提出。评议小组核实后答复；需要调整的，差额另记一笔，原来的记录不改。`,
    '积分用于表扬和积分超市兑换，不影响选举、表决、低保等任何基本权利。',
  ].join('\n\n');
  if (body.length > NOTICE_BODY_MAX) throw PointsException.refused('这个季度的户数太多，一则公示放不下，请联系系统管理员');
  return body;
}

/** A Beijing day as an instant safely inside it whatever the server's zone (for formatChineseDate). */
function beijingNoon(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}
