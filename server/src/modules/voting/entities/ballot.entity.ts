import type { BallotSecrecy, BallotStatus, ChoiceKind, DecisionBody, Electorate, MatterOverride } from '@village/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * 表决: draft → open → closed (or a cancelled draft). The electorate is frozen into
 * BallotEligibility when it opens; nothing about who may vote changes after that.
 */
@Entity('ballot')
@Index('idx_ballot_village_status', ['villageId', 'status'])
@Index('idx_ballot_status_closes', ['status', 'closesAt'])
export class Ballot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** Reserved for the 四议两公开 workflow: the Matter this ballot decides. Not enforced yet. */
  @Column({ name: 'matter_id', type: 'varchar', length: 36, nullable: true })
  matterId: string | null;

  /** Reserved: the Meeting (stage) the ballot belongs to. Not enforced yet. */
  @Column({ name: 'meeting_id', type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @Column({ type: 'varchar', length: 24 })
  electorate: Electorate;

  @Column({ name: 'decision_body', type: 'varchar', length: 32 })
  decisionBody: DecisionBody;

  @Column({ name: 'matter_override', type: 'varchar', length: 32, nullable: true })
  matterOverride: MatterOverride | null;

  @Column({ type: 'varchar', length: 8 })
  secrecy: BallotSecrecy;

  @Column({ name: 'choice_kind', type: 'varchar', length: 8 })
  choiceKind: ChoiceKind;

  /** BallotChoice[] as JSON: the keys and labels, in order. */
  @Column({ name: 'choices_json', type: 'text' })
  choicesJson: string;

  @Column({ name: 'max_selections', type: 'int' })
  maxSelections: number;

  @Column({ name: 'opens_at', type: 'datetime' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'datetime' })
  closesAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: BallotStatus;

  /** 计票人 */
  @Column({ name: 'teller_resident_id', type: 'varchar', length: 36, nullable: true })
  tellerResidentId: string | null;

  /** 监票人 */
  @Column({ name: 'scrutineer_resident_id', type: 'varchar', length: 36, nullable: true })
  scrutineerResidentId: string | null;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  /** Also when the electorate was frozen. */
  @Column({ name: 'opened_at', type: 'datetime', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'opened_by_resident_id', type: 'varchar', length: 36, nullable: true })
  openedByResidentId: string | null;

  /** Size of the frozen electorate. */
  @Column({ name: 'eligible_count', type: 'int', nullable: true })
  eligibleCount: number | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
