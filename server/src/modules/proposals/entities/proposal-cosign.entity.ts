import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One resident's co-sign (附议) of a proposal; the unique key makes it one per resident. */
@Entity('proposal_cosign')
@Index('uq_proposal_cosign_resident', ['proposalId', 'residentId'], { unique: true })
export class ProposalCosign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'proposal_id', type: 'varchar', length: 36 })
  proposalId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  /** The co-signer's household then: co-signs are also counted by household. */
  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ name: 'cosigned_at', type: 'datetime' })
  cosignedAt: Date;
}
