import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * The paper ballots counted at the in-person meeting: entered by the teller or the scrutineer and
 * confirmed by the other one with the same numbers. Once confirmed, attendance and count are locked.
 */
@Entity('ballot_paper_count')
export class BallotPaperCount {
  @PrimaryColumn({ name: 'ballot_id', type: 'varchar', length: 36 })
  ballotId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'int' })
  papers: number;

  /** Record<choice key, count> as JSON. */
  @Column({ name: 'counts_json', type: 'text' })
  countsJson: string;

  @Column({ name: 'entered_by_resident_id', type: 'varchar', length: 36 })
  enteredByResidentId: string;

  @Column({ name: 'entered_at', type: 'datetime' })
  enteredAt: Date;

  @Column({ name: 'confirmed_by_resident_id', type: 'varchar', length: 36, nullable: true })
  confirmedByResidentId: string | null;

  @Column({ name: 'confirmed_at', type: 'datetime', nullable: true })
  confirmedAt: Date | null;

  @VersionColumn()
  version: number;
}
