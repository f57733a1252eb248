import type { FinanceCadence } from '@village/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A village's disclosure settings; a village without a row uses the defaults. */
@Entity('notice_policy')
export class NoticePolicyRow {
  @PrimaryColumn({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'finance_cadence', type: 'varchar', length: 16 })
  financeCadence: FinanceCadence;

  @Column({ name: 'min_window_days_party', type: 'int' })
  minWindowDaysParty: number;

  @Column({ name: 'min_window_days_village', type: 'int' })
  minWindowDaysVillage: number;

  @Column({ name: 'min_window_days_finance', type: 'int' })
  minWindowDaysFinance: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
