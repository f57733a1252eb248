import type { MatterStage } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One text of a matter (第 N 稿); never updated. Later stages vote on a specific number. */
@Entity('matter_revision')
@Index('uq_matter_revision_number', ['matterId', 'number'], { unique: true })
export class MatterRevision {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'matter_id', type: 'varchar', length: 36 })
  matterId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'budget_fen', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  budgetFen: number | null;

  @Column({ name: 'change_note', type: 'varchar', length: 500, nullable: true })
  changeNote: string | null;

  @Column({ type: 'varchar', length: 32 })
  stage: MatterStage;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
