import type { NoticeAttachmentType } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A photo or PDF for a matter (sign-in sheet, progress, result); bytes in the notices' file storage. */
@Entity('matter_file')
@Index('idx_matter_file_village', ['villageId'])
export class MatterFile {
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

  @Column({ name: 'uploaded_by_resident_id', type: 'varchar', length: 36 })
  uploadedByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
