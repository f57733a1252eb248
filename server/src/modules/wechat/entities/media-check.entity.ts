import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const MEDIA_CHECK_STATUSES = ['pending', 'pass', 'review', 'risky'] as const;
export type MediaCheckStatus = (typeof MEDIA_CHECK_STATUSES)[number];

/**
 * One image sent to WeChat's mediaCheckAsync: pending until WeChat pushes its verdict, matched by
 * trace_id (unique, so a verdict pushed twice is applied once). `purpose` names the module that asked
 * ('proposal_photo') and `subjectId` its row (the photo's file id).
 */
@Entity('media_check')
@Index('IDX_media_check_subject', ['purpose', 'subjectId'])
export class MediaCheck {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'trace_id', type: 'varchar', length: 64, unique: true })
  traceId: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId: string;

  @Column({ type: 'varchar', length: 16 })
  status: MediaCheckStatus;

  /** WeChat's label (100 normal, 20002 色情 …); null while pending. */
  @Column({ type: 'int', nullable: true })
  label: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt: Date | null;
}
