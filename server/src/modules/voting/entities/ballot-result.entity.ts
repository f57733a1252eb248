import type { BallotOutcome } from '@village/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CloseTrigger = 'manual' | 'scheduled';

/**
 * The result of a closed ballot, written once in the closing transaction and never updated (there is
 * no update path; the audit event `ballot.closed` carries `resultHash`, so a changed row shows).
 * The primary key (one result per ballot) settles two servers closing the same ballot.
 */
@Entity('ballot_result')
export class BallotResult {
  @PrimaryColumn({ name: 'ballot_id', type: 'varchar', length: 36 })
  ballotId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: BallotOutcome;

  @Column({ type: 'int' })
  eligible: number;

  @Column({ name: 'online_count', type: 'int' })
  onlineCount: number;

  @Column({ name: 'in_person_count', type: 'int' })
  inPersonCount: number;

  @Column({ type: 'int' })
  papers: number;

  /** ChoiceCount[] as JSON. */
  @Column({ name: 'counts_json', type: 'text' })
  countsJson: string;

  /** The shared BallotTally (quorum, decision, explanation lines) as JSON. */
  @Column({ name: 'tally_json', type: 'text' })
  tallyJson: string;

  @Column({ name: 'closed_at', type: 'datetime' })
  closedAt: Date;

  @Column({ name: 'close_trigger', type: 'varchar', length: 16 })
  closeTrigger: CloseTrigger;

  @Column({ name: 'closed_by_resident_id', type: 'varchar', length: 36, nullable: true })
  closedByResidentId: string | null;

  @Column({ name: 'notice_id', type: 'varchar', length: 36, nullable: true })
  noticeId: string | null;

  /** SHA-256 of the canonical JSON of the result; also in the audit event. */
  @Column({ name: 'result_hash', type: 'varchar', length: 64 })
  resultHash: string;
}
