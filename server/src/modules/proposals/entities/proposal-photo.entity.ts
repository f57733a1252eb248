import type { NoticeAttachmentType } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** WeChat's media check of one photo: pending until mediaCheckAsync answers. */
export type ProposalPhotoCheck = 'pending' | 'pass' | 'review' | 'risky';

/** A photo uploaded for a proposal (bytes in the notices' file storage); attached when the proposal is submitted. */
@Entity('proposal_photo')
@Index('idx_proposal_photo_proposal', ['proposalId'])
export class ProposalPhoto {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** Null until a proposal is submitted with it. */
  @Column({ name: 'proposal_id', type: 'varchar', length: 36, nullable: true })
  proposalId: string | null;

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
  check: ProposalPhotoCheck;

  @Column({ name: 'media_check_trace_id', type: 'varchar', length: 64, nullable: true })
  checkTraceId: string | null;

  @Column({ name: 'uploaded_by_resident_id', type: 'varchar', length: 36 })
  uploadedByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
