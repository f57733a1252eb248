import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per voter on the electorate, written once when the ballot opens and never again: a
 * household added later has no row and cannot vote. `voterKey` is the household id for household
 * ballots (whoever is its representative at vote time casts its one vote) and the resident id otherwise.
 */
@Entity('ballot_eligibility')
export class BallotEligibility {
  @PrimaryColumn({ name: 'ballot_id', type: 'varchar', length: 36 })
  ballotId: string;

  @PrimaryColumn({ name: 'voter_key', type: 'varchar', length: 36 })
  voterKey: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  /** null for household ballots. */
  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  @Column({ name: 'household_number', type: 'varchar', length: 32 })
  householdNumber: string;

  /** "0012 户（郭建平家）" or "郭建平（0012 户）", as at opening. */
  @Column({ type: 'varchar', length: 80 })
  label: string;

  /** Adult-resident ballots: was this person their household's representative at opening (OL art. 22's other basis). */
  @Column({ name: 'is_household_rep', type: 'boolean', default: false })
  isHouseholdRep: boolean;
}
