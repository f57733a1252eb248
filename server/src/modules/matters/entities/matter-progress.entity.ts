import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 实施进度: what was done and spent (integer fen) since the last report, with photos. */
@Entity('matter_progress')
@Index('idx_matter_progress_matter', ['matterId'])
export class MatterProgress {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'matter_id', type: 'varchar', length: 36 })
  matterId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'spent_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  spentFen: number;

  @Column({ name: 'photo_ids_json', type: 'text' })
  photoIdsJson: string;

  @Column({ name: 'reported_by_resident_id', type: 'varchar', length: 36 })
  reportedByResidentId: string;

  @Column({ name: 'reported_on', type: 'varchar', length: 10 })
  reportedOn: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
