import type { NoticeAttachmentType } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PointsPhotoCheck = 'pending' | 'pass' | 'review' | 'risky';

/**
 * Evidence photos of points records and product photos of the 积分超市 (bytes in the notices' file
 * storage), checked by WeChat's mediaCheckAsync; attached to their owner when it is saved.
 */
@Entity('points_photo')
@Index('idx_points_photo_owner', ['ownerId'])
export class PointsPhoto {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** A points_record or points_product id; null until attached. */
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true })
  ownerId: string | null;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: NoticeAttachmentType;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'media_check', type: 'varchar', length: 16 })
  check: PointsPhotoCheck;

  @Column({ name: 'media_check_trace_id', type: 'varchar', length: 64, nullable: true })
  checkTraceId: string | null;

  @Column({ name: 'uploaded_by_resident_id', type: 'varchar', length: 36 })
  uploadedByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
