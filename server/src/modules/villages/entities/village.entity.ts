import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Township } from './township.entity';

/** 行政村: the tenant. Every row of village data carries its id. */
@Entity('village')
export class Village {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'township_id', type: 'varchar', length: 36 })
  townshipId: string;

  @ManyToOne(() => Township)
  @JoinColumn({ name: 'township_id' })
  township?: Township;

  /** 12-digit 统计用区划代码. */
  @Column({ type: 'varchar', length: 12, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
