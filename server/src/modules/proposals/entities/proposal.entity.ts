import type { ProposalStatus } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A villager's proposal (村民提议, DOMAIN.md §5) with its place in the six steps of 议事. */
@Entity('proposal')
@Index('idx_proposal_village_status', ['villageId', 'status'])
export class Proposal {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'category_code', type: 'varchar', length: 32 })
  categoryCode: string;

  @Column({ type: 'varchar', length: 24 })
  status: ProposalStatus;

  /** Why it is held or awaits review (its author and the committee see it). */
  @Column({ name: 'held_reason', type: 'varchar', length: 500, nullable: true })
  heldReason: string | null;

  /** WeChat msgSecCheck of title and text: pass, review, risky, or unavailable. */
  @Column({ name: 'text_check', type: 'varchar', length: 16 })
  textCheck: string;

  @Column({ name: 'text_check_trace_id', type: 'varchar', length: 64, nullable: true })
  textCheckTraceId: string | null;

  @Column({ name: 'raised_by_resident_id', type: 'varchar', length: 36 })
  raisedByResidentId: string;

  @Column({ name: 'raised_at', type: 'datetime' })
  raisedAt: Date;

  /** The day it became public (提出议题): the reply clock starts. */
  @Column({ name: 'public_on', type: 'varchar', length: 10, nullable: true })
  publicOn: string | null;

  /** Reply days of the village when it became public (a later change of the setting does not move it). */
  @Column({ name: 'reply_days', type: 'int', nullable: true })
  replyDays: number | null;

  /** publicOn + replyDays, stored for the overdue queries. */
  @Column({ name: 'reply_due_by', type: 'varchar', length: 10, nullable: true })
  replyDueBy: string | null;

  /** The first public answer (reply, step, decline, merge, convert). */
  @Column({ name: 'answered_on', type: 'varchar', length: 10, nullable: true })
  answeredOn: string | null;

  /** Co-signs (附议), kept in step with proposal_cosign for the "hot" order. */
  @Column({ name: 'cosign_count', type: 'int' })
  cosignCount: number;

  /** { [step]: 'YYYY-MM-DD' } — the day each of the six steps was reached (and `completed`). */
  @Column({ name: 'steps_json', type: 'text' })
  stepsJson: string;

  @Column({ name: 'declined_reason', type: 'varchar', length: 500, nullable: true })
  declinedReason: string | null;

  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true })
  mergedIntoId: string | null;

  @Column({ name: 'matter_id', type: 'varchar', length: 36, nullable: true })
  matterId: string | null;

  /** The 村民会议 convening obligation its co-signs created (at most one). */
  @Column({ name: 'obligation_id', type: 'varchar', length: 36, nullable: true })
  obligationId: string | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}
