import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** 网格: about 25 households under one 网格员. */
@Entity('grid')
export class Grid {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  /** The 网格员; null while the post is vacant. */
  @Column({ name: 'leader_resident_id', type: 'varchar', length: 36, nullable: true })
  leaderResidentId: string | null;

  /** Appointing a 网格员 sends it back (optimistic locking). */
  @VersionColumn()
  version: number;
}
