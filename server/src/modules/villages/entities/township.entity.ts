import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 乡镇: groups villages; township staff oversee them. */
@Entity('township')
export class Township {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 9, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** 县（市、区）, shown with the township name. */
  @Column({ type: 'varchar', length: 64 })
  county: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
