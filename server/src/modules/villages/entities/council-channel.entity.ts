import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 村民议事群: the village's one WeChat group (一村一群). `openGId` is set when the group is bound. */
@Entity('council_channel')
export class CouncilChannel {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36, unique: true })
  villageId: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'open_gid', type: 'varchar', length: 64, nullable: true, unique: true })
  openGId: string | null;

  @Column({ name: 'bound_at', type: 'datetime', nullable: true })
  boundAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
