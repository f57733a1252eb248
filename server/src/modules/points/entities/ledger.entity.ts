import type { LedgerEntryKind } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A household's running balance: the row a redemption decrements with a conditional UPDATE
 * (`… WHERE balance_tenths >= price`), so it can never go below zero whatever runs at once; `seq`
 * numbers the household's ledger entries.
 */
@Entity('points_account')
export class PointsAccount {
  @PrimaryColumn({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'balance_tenths', type: 'int' })
  balanceTenths: number;

  @Column({ type: 'int' })
  seq: number;
}

/** Append-only: the ledger is only ever added to; a correction is a new entry. */
@Entity('points_ledger_entry')
@Index('uq_points_ledger_seq', ['householdId', 'seq'], { unique: true })
@Index('idx_points_ledger_quarter', ['villageId', 'quarter'])
export class PointsLedgerEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  kind: LedgerEntryKind;

  @Column({ name: 'amount_tenths', type: 'int' })
  amountTenths: number;

  @Column({ name: 'balance_tenths', type: 'int' })
  balanceTenths: number;

  /** The quarter earned points count towards (records and adjustments); null for the shop. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  quarter: string | null;

  @Column({ type: 'varchar', length: 120 })
  description: string;

  @Column({ name: 'record_id', type: 'varchar', length: 36, nullable: true })
  recordId: string | null;

  @Column({ name: 'appeal_id', type: 'varchar', length: 36, nullable: true })
  appealId: string | null;

  @Column({ name: 'redemption_id', type: 'varchar', length: 36, nullable: true })
  redemptionId: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
