import type { BoardList } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A quarter's 红黑榜, published once as an honour-board notice. */
@Entity('points_board')
@Index('uq_points_board_quarter', ['villageId', 'quarter'], { unique: true })
export class PointsBoard {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  @Column({ name: 'published_by_resident_id', type: 'varchar', length: 36 })
  publishedByResidentId: string;

  @Column({ name: 'published_at', type: 'datetime' })
  publishedAt: Date;
}

@Entity('points_board_entry')
export class PointsBoardEntry {
  @PrimaryColumn({ name: 'board_id', type: 'varchar', length: 36 })
  boardId: string;

  @PrimaryColumn({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 8 })
  list: BoardList;

  @Column({ name: 'total_tenths', type: 'int' })
  totalTenths: number;

  @Column({ type: 'varchar', length: 120 })
  reason: string;

  /** 帮扶 note (black list): the committee's follow-up, never a loss of rights. */
  @Column({ name: 'follow_up_note', type: 'varchar', length: 200, nullable: true })
  followUpNote: string | null;

  @Column({ name: 'follow_up_by_resident_id', type: 'varchar', length: 36, nullable: true })
  followUpByResidentId: string | null;

  @Column({ name: 'follow_up_at', type: 'datetime', nullable: true })
  followUpAt: Date | null;
}
