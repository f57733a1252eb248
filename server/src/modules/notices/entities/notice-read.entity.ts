import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A resident opened a published notice (read receipt); one row per resident per notice. */
@Entity('notice_read')
export class NoticeRead {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  /** The reader's household when they read it: 知晓率 counts households. */
  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ name: 'read_at', type: 'datetime' })
  readAt: Date;
}
