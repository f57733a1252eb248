import type { NoticeAudience, NoticeKind, NoticeStatus } from '@village/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const SIGNOFF_DECISIONS = ['approved', 'refused'] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];

/**
 * A public notice (村务公开, DOMAIN.md §4). Hand-written categories (party, village, finance) are
 * drafted by the 两委 and published; system kinds are published by other modules through
 * SystemNoticePublisher. Once published its content never changes: a correction is a new notice that
 * supersedes it, and both stay visible.
 */
@Entity('notice')
export class Notice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: NoticeKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  /** The safe Markdown subset parsed by parseNoticeBody (shared); never rendered as HTML. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: NoticeStatus;

  @Column({ type: 'varchar', length: 16 })
  audience: NoticeAudience;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  /** YYYY-MM-DD, Beijing time, inclusive. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  /** Null for system notices. */
  @Column({ name: 'author_resident_id', type: 'varchar', length: 36, nullable: true })
  authorResidentId: string | null;

  /** Who asked to publish it (a finance notice then waits for the 监委会). */
  @Column({ name: 'submitted_by_resident_id', type: 'varchar', length: 36, nullable: true })
  submittedByResidentId: string | null;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'archived_at', type: 'datetime', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'archived_by_resident_id', type: 'varchar', length: 36, nullable: true })
  archivedByResidentId: string | null;

  /** A correction: the published notice it replaces once it is published itself. */
  @Column({ name: 'supersedes_id', type: 'varchar', length: 36, nullable: true })
  supersedesId: string | null;

  @Column({ name: 'superseded_by_id', type: 'varchar', length: 36, nullable: true })
  supersededById: string | null;

  /** Finance: the latest 监委会 decision (the refusal reason stays while the draft is reworked). */
  @Column({ name: 'signoff_decision', type: 'varchar', length: 16, nullable: true })
  signoffDecision: SignoffDecision | null;

  @Column({ name: 'signoff_by_resident_id', type: 'varchar', length: 36, nullable: true })
  signoffByResidentId: string | null;

  @Column({ name: 'signoff_at', type: 'datetime', nullable: true })
  signoffAt: Date | null;

  @Column({ name: 'signoff_reason', type: 'varchar', length: 500, nullable: true })
  signoffReason: string | null;

  /** System notices: what they publish (`audit_checkpoint` + its id); unique per village. */
  @Column({ name: 'source_entity_type', type: 'varchar', length: 32, nullable: true })
  sourceEntityType: string | null;

  @Column({ name: 'source_entity_id', type: 'varchar', length: 64, nullable: true })
  sourceEntityId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
