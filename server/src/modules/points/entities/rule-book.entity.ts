import type { RuleBookStatus } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/** One version of the village's 积分细则; takes effect when its adopting 村规民约 Matter is resolved. */
@Entity('points_rule_book')
@Index('uq_points_rule_book_number', ['villageId', 'number'], { unique: true })
export class PointsRuleBook {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** 1, 2, 3 … per village. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  status: RuleBookStatus;

  @Column({ name: 'adopting_matter_id', type: 'varchar', length: 36, nullable: true })
  adoptingMatterId: string | null;

  @Column({ name: 'adopted_on', type: 'varchar', length: 10, nullable: true })
  adoptedOn: string | null;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** An item of a rule book; items are replaced as a whole while the book is a draft, frozen after. */
@Entity('points_rule_item')
@Index('uq_points_rule_item_code', ['ruleBookId', 'code'], { unique: true })
export class PointsRuleItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'rule_book_id', type: 'varchar', length: 36 })
  ruleBookId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'varchar', length: 120 })
  description: string;

  @Column({ name: 'points_tenths', type: 'int' })
  pointsTenths: number;

  @Column({ name: 'evidence_required', type: 'boolean' })
  evidenceRequired: boolean;
}
