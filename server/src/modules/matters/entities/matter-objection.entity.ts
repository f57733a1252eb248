import type { DisclosureKind, ObjectionReviewDecision } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 异议: a villager's objection during a disclosure window; must be answered before the matter moves on. */
@Entity('matter_objection')
@Index('idx_matter_objection_matter', ['matterId'])
export class MatterObjection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'matter_id', type: 'varchar', length: 36 })
  matterId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 16 })
  disclosure: DisclosureKind;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  /**
   * WeChat msgSecCheck's suggestion (pass / review / risky), null when the check was unavailable.
   * The objection counts in the workflow whatever it says (an objection is never lost); it decides
   * whether other villagers see it: pass → open, review or unavailable → pending_review, risky → held.
   */
  @Column({ name: 'content_check', type: 'varchar', length: 16, nullable: true })
  contentCheck: 'pass' | 'review' | 'risky' | null;

  @Column({ name: 'filed_by_resident_id', type: 'varchar', length: 36 })
  filedByResidentId: string;

  @Column({ name: 'filed_at', type: 'datetime' })
  filedAt: Date;

  @Column({ name: 'filed_on', type: 'varchar', length: 10 })
  filedOn: string;

  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText: string | null;

  @Column({ name: 'answered_by_resident_id', type: 'varchar', length: 36, nullable: true })
  answeredByResidentId: string | null;

  @Column({ name: 'answered_at', type: 'datetime', nullable: true })
  answeredAt: Date | null;

  /** The committee's review of a pending_review objection: it then decides who sees it, not the check. */
  @Column({ name: 'review_decision', type: 'varchar', length: 16, nullable: true })
  reviewDecision: ObjectionReviewDecision | null;

  /** Why a rejected objection is not shown to other villagers; its author sees it. */
  @Column({ name: 'review_reason', type: 'varchar', length: 200, nullable: true })
  reviewReason: string | null;

  @Column({ name: 'reviewed_by_resident_id', type: 'varchar', length: 36, nullable: true })
  reviewedByResidentId: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', nullable: true })
  reviewedAt: Date | null;
}
