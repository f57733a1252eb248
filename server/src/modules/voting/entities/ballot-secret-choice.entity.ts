import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What was chosen on a secret (无记名) ballot, with nothing that leads back to who: no voter key,
 * no participation id, no timestamp, no sequence. The primary key is the voter's random receipt
 * code, so rows are stored in code order, not arrival order (InnoDB clusters by primary key; on
 * SQLite the table is WITHOUT ROWID, so there is no hidden insertion counter either). Closing the
 * ballot rewrites every row (`sealed`), so no row keeps the transaction that wrote it.
 */
@Entity('ballot_secret_choice', { withoutRowid: true })
export class BallotSecretChoice {
  @PrimaryColumn({ name: 'receipt_code', type: 'varchar', length: 14 })
  receiptCode: string;

  @Column({ name: 'ballot_id', type: 'varchar', length: 36 })
  ballotId: string;

  /** Choice keys joined by commas, in ballot order. */
  @Column({ type: 'varchar', length: 255 })
  choices: string;

  @Column({ type: 'boolean', default: false })
  sealed: boolean;
}
