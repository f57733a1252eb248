import type { DecisionBody, Electorate, MeetingPurpose, MeetingStatus } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A meeting for a deliberative stage: announced (scheduled), held (facts recorded), applied (the
 * workflow accepted it), or cancelled. Counts come from a closed ballot (`ballotId`) or a paper count
 * confirmed by the scrutineer; the tally of quorum.ts is stored once applied.
 */
@Entity('matter_meeting')
@Index('idx_matter_meeting_matter', ['matterId'])
export class MatterMeeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'matter_id', type: 'varchar', length: 36 })
  matterId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: MeetingPurpose;

  @Column({ type: 'varchar', length: 32 })
  body: DecisionBody;

  @Column({ type: 'varchar', length: 24 })
  electorate: Electorate;

  @Column({ type: 'varchar', length: 16 })
  status: MeetingStatus;

  @Column({ name: 'scheduled_at', type: 'datetime' })
  scheduledAt: Date;

  @Column({ type: 'varchar', length: 60 })
  place: string;

  @Column({ name: 'notice_given_on', type: 'varchar', length: 10, nullable: true })
  noticeGivenOn: string | null;

  @Column({ type: 'int' })
  revision: number;

  @Column({ name: 'held_on', type: 'varchar', length: 10, nullable: true })
  heldOn: string | null;

  @Column({ name: 'ballot_id', type: 'varchar', length: 36, nullable: true })
  ballotId: string | null;

  /** Paper count: turnout in the electorate's unit. */
  @Column({ name: 'eligible_count', type: 'int', nullable: true })
  eligibleCount: number | null;

  @Column({ name: 'present_count', type: 'int', nullable: true })
  presentCount: number | null;

  @Column({ name: 'household_eligible', type: 'int', nullable: true })
  householdEligible: number | null;

  @Column({ name: 'household_present', type: 'int', nullable: true })
  householdPresent: number | null;

  /** Paper count: MotionCounts as JSON. */
  @Column({ name: 'counts_json', type: 'text', nullable: true })
  countsJson: string | null;

  @Column({ name: 'teller_resident_id', type: 'varchar', length: 36, nullable: true })
  tellerResidentId: string | null;

  @Column({ name: 'scrutineer_resident_id', type: 'varchar', length: 36, nullable: true })
  scrutineerResidentId: string | null;

  @Column({ name: 'count_confirmed_at', type: 'datetime', nullable: true })
  countConfirmedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ name: 'photo_ids_json', type: 'text' })
  photoIdsJson: string;

  @Column({ name: 'signer_ids_json', type: 'text' })
  signerIdsJson: string;

  @Column({ name: 'attendee_ids_json', type: 'text' })
  attendeeIdsJson: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: 'passed' | 'rejected' | null;

  /** BallotTally as JSON once applied. */
  @Column({ name: 'tally_json', type: 'text', nullable: true })
  tallyJson: string | null;

  @Column({ name: 'recorded_by_resident_id', type: 'varchar', length: 36, nullable: true })
  recordedByResidentId: string | null;

  @Column({ name: 'cancelled_reason', type: 'varchar', length: 500, nullable: true })
  cancelledReason: string | null;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
