import type { PointsAppealStatus, PointsRecordSource, PointsRecordStatus } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * One scored act (一事一记) for a household. The item's code, category, description and points are
 * copied from the rule book in force when it was recorded, so a later book never rewrites history.
 */
@Entity('points_record')
@Index('idx_points_record_queue', ['villageId', 'status', 'quarter'])
@Index('idx_points_record_household', ['householdId', 'occurredOn'])
export class PointsRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  /** The household's grid when recorded (the review goes grid by grid). */
  @Column({ name: 'grid_id', type: 'varchar', length: 36 })
  gridId: string;

  @Column({ name: 'rule_book_id', type: 'varchar', length: 36 })
  ruleBookId: string;

  @Column({ name: 'item_code', type: 'varchar', length: 12 })
  itemCode: string;

  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ name: 'item_description', type: 'varchar', length: 120 })
  itemDescription: string;

  @Column({ name: 'points_tenths', type: 'int' })
  pointsTenths: number;

  @Column({ name: 'occurred_on', type: 'varchar', length: 10 })
  occurredOn: string;

  /** "2026-Q4", of occurredOn. */
  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: PointsRecordSource;

  @Column({ name: 'recorded_by_resident_id', type: 'varchar', length: 36 })
  recordedByResidentId: string;

  @Column({ type: 'varchar', length: 16 })
  status: PointsRecordStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'reviewed_by_resident_id', type: 'varchar', length: 36, nullable: true })
  reviewedByResidentId: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'publication_id', type: 'varchar', length: 36, nullable: true })
  publicationId: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

/** The branch's approval of a quarter's list (公示), published as a notice; opens the appeal window. */
@Entity('points_publication')
@Index('uq_points_publication_quarter', ['villageId', 'quarter'], { unique: true })
export class PointsPublication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ name: 'record_count', type: 'int' })
  recordCount: number;

  @Column({ name: 'household_count', type: 'int' })
  householdCount: number;

  @Column({ name: 'approved_by_resident_id', type: 'varchar', length: 36 })
  approvedByResidentId: string;

  @Column({ name: 'published_at', type: 'datetime' })
  publishedAt: Date;

  /** Last day appeals are taken (Beijing). */
  @Column({ name: 'window_ends_on', type: 'varchar', length: 10 })
  windowEndsOn: string;

  @Column({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;
}

/** 复议: at most one per record (unique), decided by the 评议小组. */
@Entity('points_appeal')
@Index('uq_points_appeal_record', ['recordId'], { unique: true })
@Index('idx_points_appeal_status', ['villageId', 'status'])
export class PointsAppeal {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'record_id', type: 'varchar', length: 36 })
  recordId: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'raised_by_resident_id', type: 'varchar', length: 36 })
  raisedByResidentId: string;

  @Column({ name: 'raised_at', type: 'datetime' })
  raisedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: PointsAppealStatus;

  @Column({ name: 'decision_reason', type: 'varchar', length: 200, nullable: true })
  decisionReason: string | null;

  @Column({ name: 'adjustment_tenths', type: 'int', nullable: true })
  adjustmentTenths: number | null;

  @Column({ name: 'decided_by_resident_id', type: 'varchar', length: 36, nullable: true })
  decidedByResidentId: string | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;
}
