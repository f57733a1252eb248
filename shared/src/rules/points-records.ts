import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import type { PointsRecordStatus } from '../types/points';
import { RULE_ITEM_POINTS_MAX_TENTHS, RULE_ITEM_POINTS_MIN_TENTHS } from '../types/points';
import { addDays, isCalendarDay } from './date';
import { formatPoints } from './points';
import { quarterDays, quarterLabel, quarterOf, shiftQuarter } from './quarter';

/*
 * 一事一记 → 每月评议 → 每季公示 → 复议 (DOMAIN.md §6, 安家村): who may record what and when, when the
 * branch may publish a quarter, who may appeal. Pure: the server maps a refusal's `kind` to 400/403/409
 * and shows its `reason` as is; the mini-program shows the same words next to a disabled button.
 */

/** `invalid` → 400 (the input), `forbidden` → 403 (not this person), `refused` → 409 (not now). */
export type PointsRefusalKind = 'invalid' | 'forbidden' | 'refused';
export type PointsVerdict<T = object> = ({ ok: true } & T) | { ok: false; kind: PointsRefusalKind; reason: string };

const refuse = (kind: PointsRefusalKind, reason: string): { ok: false; kind: PointsRefusalKind; reason: string } => ({ ok: false, kind, reason });

/** Who reads every household's records: the 评议小组, the 两委 and the 监委会. */
export const POINTS_OVERSIGHT_ROLES: readonly Role[] = ['points_reviewer', ...COMMITTEE_ROLES, 'supervisor'];

export function seesAllPointsRecords(roles: readonly Role[]): boolean {
  return roles.some((r) => POINTS_OVERSIGHT_ROLES.includes(r));
}

/** "2026-12-28": 安家村 publishes on the 28th of the quarter's last month; not before. */
export function publicationOpensOn(quarter: string): string {
  return `${quarterDays(quarter)[1].slice(0, 8)}28`;
}

/** The first day that may still be recorded: the first day of the previous quarter. */
export function earliestRecordableDay(today: string): string {
  return quarterDays(shiftQuarter(quarterOf(today), -1))[0];
}

/**
 * A day may be recorded when it is not in the future, falls in this quarter or the previous one (the
 * monthly review keeps up; older acts are out of memory), and its quarter is not yet published (a
 * published list is only corrected by 复议).
 */
export function recordableDay(occurredOn: string, today: string, publishedQuarters: readonly string[]): PointsVerdict<{ quarter: string }> {
  if (!isCalendarDay(occurredOn)) return refuse('invalid', '日期不对，请按“年-月-日”选择发生的日子');
  if (occurredOn > today) return refuse('invalid', '发生日期不能晚于今天，请选择已经发生的日子');
  const quarter = quarterOf(occurredOn);
  const earliest = earliestRecordableDay(today);
  if (occurredOn < earliest) return refuse('invalid', `只能记本季度和上季度的事（${earliest} 以后），更早的事请找评议小组说明`);
  if (publishedQuarters.includes(quarter)) {
    return refuse('refused', `${quarterLabel(quarter)}的积分已经公示，不能再补记；有异议请在公示期内申请复议`);
  }
  return { ok: true, quarter };
}

export interface RecordingActor {
  residentId: string;
  householdId: string;
}

export interface RecordingTarget {
  householdId: string;
  /** The grid's 网格员 (grid.leader_resident_id), null when the grid has none. */
  gridLeaderResidentId: string | null;
  itemPointsTenths: number;
}

/**
 * 实时记录 by the household's grid leader, or 群众申报 for one's own household. One's own household is
 * always a self-report, even for its grid leader: nobody scores their own family as an official.
 * Negative-list items are the grid leader's alone.
 */
export function recordingSource(actor: RecordingActor, target: RecordingTarget): PointsVerdict<{ source: 'recorded' | 'self_reported' }> {
  if (target.householdId === actor.householdId) {
    if (target.itemPointsTenths < 0) return refuse('invalid', '负面清单上的扣分事项只能由网格员记录，不能自己申报；请选择加分的事项');
    return { ok: true, source: 'self_reported' };
  }
  if (target.gridLeaderResidentId === actor.residentId) return { ok: true, source: 'recorded' };
  return refuse('forbidden', '只能为自己家申报积分，或为您负责网格里的人家记分；这户请找它所在网格的网格员记录');
}

/** Items marked 需要证明 need at least one photo. */
export function evidenceVerdict(evidenceRequired: boolean, photoCount: number): PointsVerdict {
  if (evidenceRequired && photoCount < 1) return refuse('invalid', '这一项要有照片作证明，请至少拍一张现场照片再提交');
  return { ok: true };
}

/** The 评议小组 never reviews (or decides an appeal on) what they recorded themselves or their own household's records. */
export function reviewerVerdict(
  reviewer: RecordingActor,
  record: { householdId: string; recordedByResidentId: string; status: PointsRecordStatus },
  expected: PointsRecordStatus = 'pending',
): PointsVerdict {
  if (record.householdId === reviewer.householdId) return refuse('forbidden', '这是您自己家的积分记录，请由评议小组的其他成员评议');
  if (record.recordedByResidentId === reviewer.residentId) return refuse('forbidden', '这条记录是您自己记的，请由评议小组的其他成员评议');
  if (record.status !== expected) return refuse('refused', '有记录已经评议过了（或状态已变），请刷新后重新选择');
  return { ok: true };
}

/**
 * The branch approves a quarter's list from the 28th of its last month on, once nothing of it is
 * waiting for the monthly review, and only once.
 */
export function publicationVerdict(input: { quarter: string; today: string; published: boolean; pendingCount: number; approvedCount: number }): PointsVerdict {
  const { quarter, today } = input;
  if (input.published) return refuse('refused', `${quarterLabel(quarter)}的积分已经公示过了，每个季度只公示一次`);
  const opens = publicationOpensOn(quarter);
  if (today < opens) return refuse('refused', `${quarterLabel(quarter)}的积分要到 ${opens}（季度末月 28 日）以后才能公示`);
  if (input.pendingCount > 0) return refuse('refused', `${quarterLabel(quarter)}还有 ${input.pendingCount} 条记录没有评议，请评议小组评完后再公示`);
  if (input.approvedCount === 0) return refuse('refused', `${quarterLabel(quarter)}没有评议通过的记录，没有可公示的积分`);
  return { ok: true };
}

/** Last day of the 公示 window (Beijing): like a notice's, the publication day counts as day one. */
export function publicationWindowEndsOn(publishedOn: string, windowDays: number): string {
  return addDays(publishedOn, windowDays - 1);
}

export interface AppealCheck {
  status: PointsRecordStatus;
  /** The record's publication window, null while unpublished. */
  windowEndsOn: string | null;
  today: string;
  /** The appellant lives in the record's household. */
  member: boolean;
  adult: boolean;
  alreadyAppealed: boolean;
}

/** 复议: a published record, during its window, by an adult member of its household, once. */
export function appealVerdict(check: AppealCheck): PointsVerdict {
  if (!check.member) return refuse('forbidden', '只有这户的家庭成员可以对这条记录申请复议');
  if (!check.adult) return refuse('forbidden', '未成年人不能申请复议，请让户代表或家里的成年人申请');
  if (check.status !== 'published' || check.windowEndsOn === null) return refuse('refused', '这条记录还没有公示；公示以后、公示期内才能申请复议');
  if (check.alreadyAppealed) return refuse('refused', '这条记录已经申请过复议，每条记录只能申请一次，请等评议小组答复');
  if (check.today > check.windowEndsOn) return refuse('refused', `公示期已在 ${check.windowEndsOn} 结束，不能再申请复议；有疑问请直接找评议小组`);
  return { ok: true };
}

/** The adjustment entry of an `adjust` decision: adjusted − original, never zero, the result within an item's range. */
export function appealAdjustment(originalTenths: number, adjustedTenths: number): PointsVerdict<{ adjustmentTenths: number }> {
  if (!Number.isInteger(adjustedTenths) || adjustedTenths < RULE_ITEM_POINTS_MIN_TENTHS || adjustedTenths > RULE_ITEM_POINTS_MAX_TENTHS) {
    return refuse('invalid', `调整后的分数应在 ${formatPoints(RULE_ITEM_POINTS_MIN_TENTHS)} 到 ${formatPoints(RULE_ITEM_POINTS_MAX_TENTHS)} 分之间，最多一位小数`);
  }
  if (adjustedTenths === originalTenths) return refuse('invalid', `调整后的分数和原来一样（${formatPoints(originalTenths)} 分）；不改分请选“维持原分”`);
  return { ok: true, adjustmentTenths: adjustedTenths - originalTenths };
}
