import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const HOUSEHOLD_STATUSES = ['active', 'dissolved'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** 户: one representative (户代表) speaks and votes for it — 一户一人. */
@Entity('household')
export class Household {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** 户号, unique within the village. */
  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Column({ type: 'varchar', length: 128 })
  address: string;

  @Column({ name: 'grid_id', type: 'varchar', length: 36 })
  gridId: string;

  @Column({ name: 'village_group_id', type: 'varchar', length: 36 })
  villageGroupId: string;

  @Column({ name: 'representative_resident_id', type: 'varchar', length: 36, nullable: true })
  representativeResidentId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: HouseholdStatus;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
