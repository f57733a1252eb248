import type { ParticipationChannel } from '@village/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who took part (never what they chose). The primary key (ballot, voter key) is the one-vote rule:
 * a second online vote, an online vote after in-person attendance, or attendance after an online
 * vote all collide on it, whatever the timing. A composite foreign key to the eligibility row means
 * only voters frozen onto the electorate can have a row at all.
 */
@Entity('ballot_participation')
export class BallotParticipation {
  @PrimaryColumn({ name: 'ballot_id', type: 'varchar', length: 36 })
  ballotId: string;

  @PrimaryColumn({ name: 'voter_key', type: 'varchar', length: 36 })
  voterKey: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: ParticipationChannel;

  /** Online: the resident who pressed the button (a household's representative at that moment). */
  @Column({ name: 'cast_by_resident_id', type: 'varchar', length: 36, nullable: true })
  castByResidentId: string | null;

  /** In person: the teller or scrutineer who recorded the attendance. */
  @Column({ name: 'recorded_by_resident_id', type: 'varchar', length: 36, nullable: true })
  recordedByResidentId: string | null;

  @Column({ name: 'participated_at', type: 'datetime' })
  participatedAt: Date;
}
