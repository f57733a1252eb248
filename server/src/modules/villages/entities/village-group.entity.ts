import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 村民小组: a natural-village subdivision. */
@Entity('village_group')
export class VillageGroup {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;
}
