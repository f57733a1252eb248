import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** The village's points settings (PointsSettings); absent means POINTS_SETTINGS_DEFAULT. */
@Entity('points_settings')
export class PointsSettingsRow {
  @PrimaryColumn({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** Ascending tenths, as JSON. */
  @Column({ name: 'star_thresholds_json', type: 'varchar', length: 200 })
  starThresholdsJson: string;

  @Column({ name: 'red_share_percent', type: 'int' })
  redSharePercent: number;

  @Column({ name: 'black_share_percent', type: 'int' })
  blackSharePercent: number;

  @Column({ name: 'black_below_tenths', type: 'int', nullable: true })
  blackBelowTenths: number | null;

  @Column({ name: 'black_on_negative_item', type: 'boolean' })
  blackOnNegativeItem: boolean;

  @Column({ name: 'publication_window_days', type: 'int' })
  publicationWindowDays: number;

  @Column({ type: 'varchar', length: 16 })
  redeemers: 'representative' | 'adult_member';

  @Column({ name: 'updated_by_resident_id', type: 'varchar', length: 36 })
  updatedByResidentId: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
