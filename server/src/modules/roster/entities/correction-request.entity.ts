import type { CorrectionField, CorrectionOutcome, CorrectionStatus } from '@village/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A villager's request to correct their own roster record (PIPL art. 46), and the committee's answer. */
@Entity('correction_request')
export class CorrectionRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @Column({ type: 'varchar', length: 24 })
  field: CorrectionField;

  /** As written, with digit runs that look like a phone or ID number masked on receipt. */
  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Column({ type: 'varchar', length: 16 })
  status: CorrectionStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: CorrectionOutcome | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by_resident_id', type: 'varchar', length: 36, nullable: true })
  answeredByResidentId: string | null;

  @Column({ name: 'answered_at', type: 'datetime', nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
