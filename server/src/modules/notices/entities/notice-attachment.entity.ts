import type { NoticeAttachmentType } from '@village/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An image or PDF attached to a notice while it is a draft; the bytes live in NoticeFileStorage. */
@Entity('notice_attachment')
export class NoticeAttachment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  /** As uploaded (path stripped), with the extension matching the detected type. */
  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName: string;

  /** Detected from the content (magic bytes), never taken from the upload. */
  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: NoticeAttachmentType;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
