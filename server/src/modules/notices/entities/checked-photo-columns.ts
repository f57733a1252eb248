import type { NoticeAttachmentType } from '@village/shared';
import { Column, PrimaryColumn } from 'typeorm';

/** WeChat's media check of one photo: pending until mediaCheckAsync answers. */
export type PhotoCheck = 'pending' | 'pass' | 'review' | 'risky';

/**
 * The columns of every villager's photo that WeChat checks (proposal_photo, points_photo): the bytes
 * live in the notices' file storage; CheckedPhotoIntake writes these, each module adds its owner.
 */
export abstract class CheckedPhotoColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: NoticeAttachmentType;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'media_check', type: 'varchar', length: 16 })
  check: PhotoCheck;

  @Column({ name: 'media_check_trace_id', type: 'varchar', length: 64, nullable: true })
  checkTraceId: string | null;

  @Column({ name: 'uploaded_by_resident_id', type: 'varchar', length: 36 })
  uploadedByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
