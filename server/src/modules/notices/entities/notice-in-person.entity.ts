import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 上门告知: a grid leader or committee member told a household (or, for a party-only notice, a party
 * member) about a notice in person. Counts as reached.
 */
@Entity('notice_in_person')
export class NoticeInPerson {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  /** The party member told, for a party-only notice; null when the household was told. */
  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  /** residentId ?? householdId: unique per notice, so the same subject is never recorded twice. */
  @Column({ name: 'subject_key', type: 'varchar', length: 36 })
  subjectKey: string;

  @Column({ name: 'recorded_by_resident_id', type: 'varchar', length: 36 })
  recordedByResidentId: string;

  @Column({ name: 'told_at', type: 'datetime' })
  toldAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
