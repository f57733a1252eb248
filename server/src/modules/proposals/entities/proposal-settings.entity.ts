import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A village's reply days and categories (its own, and built-in ones switched off). */
@Entity('proposal_settings')
export class ProposalSettingsRow {
  @PrimaryColumn({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'reply_days', type: 'int' })
  replyDays: number;

  /** { code, label }[] of the village's own categories, as JSON. */
  @Column({ name: 'extras_json', type: 'text' })
  extrasJson: string;

  /** Codes switched off (built-in or own), as JSON. */
  @Column({ name: 'disabled_json', type: 'text' })
  disabledJson: string;

  @Column({ name: 'updated_by_resident_id', type: 'varchar', length: 36 })
  updatedByResidentId: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
