import type { NoticeQueryStatus } from '@village/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A villager's question about a notice (询问/质询) and the committee's public answer. */
@Entity('notice_query')
export class NoticeQuery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  @Column({ name: 'asked_by_resident_id', type: 'varchar', length: 36 })
  askedByResidentId: string;

  /** As asked, with phone and ID numbers masked on receipt. */
  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'varchar', length: 16 })
  status: NoticeQueryStatus;

  /** Why it is held or was not made public (shown to the author and the committee). */
  @Column({ name: 'status_reason', type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;

  /** WeChat msgSecCheck: pass, review, risky, or unavailable when the check could not run. */
  @Column({ name: 'content_check', type: 'varchar', length: 16 })
  contentCheck: string;

  @Column({ name: 'content_check_trace_id', type: 'varchar', length: 64, nullable: true })
  contentCheckTraceId: string | null;

  @Column({ name: 'asked_at', type: 'datetime' })
  askedAt: Date;

  @Column({ name: 'reviewed_by_resident_id', type: 'varchar', length: 36, nullable: true })
  reviewedByResidentId: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by_resident_id', type: 'varchar', length: 36, nullable: true })
  answeredByResidentId: string | null;

  @Column({ name: 'answered_at', type: 'datetime', nullable: true })
  answeredAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
