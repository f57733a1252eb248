import { Column, Entity, Index } from 'typeorm';
import { CheckedPhotoColumns } from '../../notices/entities/checked-photo-columns';

/** A photo uploaded for a proposal; attached when the proposal is submitted. */
@Entity('proposal_photo')
@Index('idx_proposal_photo_proposal', ['proposalId'])
export class ProposalPhoto extends CheckedPhotoColumns {
  /** Null until a proposal is submitted with it. */
  @Column({ name: 'proposal_id', type: 'varchar', length: 36, nullable: true })
  proposalId: string | null;

  @Column({ type: 'int' })
  position: number;
}
