import type { ProposalStatus } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ProposalEventKind = 'raised' | 'submitted' | 'released' | 'rejected' | 'held' | 'advanced' | 'reply' | 'declined' | 'merged' | 'converted' | 'threshold';

/** One line of a proposal's public history (never updated); replies are events of kind `reply`. */
@Entity('proposal_event')
@Index('idx_proposal_event_proposal', ['proposalId'])
export class ProposalEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'proposal_id', type: 'varchar', length: 36 })
  proposalId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ProposalEventKind;

  /** The status it led to, if it changed one. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  status: ProposalStatus | null;

  @Column({ type: 'text' })
  text: string;

  /** Null for the system (WeChat's check). */
  @Column({ name: 'by_resident_id', type: 'varchar', length: 36, nullable: true })
  byResidentId: string | null;

  @Column({ type: 'datetime' })
  at: Date;

  /** Ordering within the same second. */
  @Column({ type: 'int' })
  seq: number;
}
