import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An online vote on an open (记名) ballot: who chose what, by design. Secret ballots never write here. */
@Entity('ballot_open_vote')
export class BallotOpenVote {
  @PrimaryColumn({ name: 'ballot_id', type: 'varchar', length: 36 })
  ballotId: string;

  @PrimaryColumn({ name: 'voter_key', type: 'varchar', length: 36 })
  voterKey: string;

  /** Choice keys joined by commas, in ballot order. */
  @Column({ type: 'varchar', length: 255 })
  choices: string;
}
