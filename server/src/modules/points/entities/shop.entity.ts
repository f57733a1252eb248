import type { RedemptionStatus } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/** A 积分超市 product; `stock` is decremented with a conditional UPDATE (`… WHERE stock > 0`). */
@Entity('points_product')
export class PointsProduct {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 30 })
  name: string;

  @Column({ name: 'photo_id', type: 'varchar', length: 36, nullable: true })
  photoId: string | null;

  @Column({ name: 'price_tenths', type: 'int' })
  priceTenths: number;

  @Column({ type: 'int' })
  stock: number;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** One piece of one product for one household; the hand-over code is unique in the village. */
@Entity('points_redemption')
@Index('uq_points_redemption_code', ['villageId', 'code'], { unique: true })
@Index('idx_points_redemption_household', ['householdId', 'requestedAt'])
export class PointsRedemption {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ name: 'product_id', type: 'varchar', length: 36 })
  productId: string;

  @Column({ name: 'product_name', type: 'varchar', length: 30 })
  productName: string;

  @Column({ name: 'price_tenths', type: 'int' })
  priceTenths: number;

  @Column({ type: 'varchar', length: 16 })
  status: RedemptionStatus;

  @Column({ type: 'varchar', length: 8 })
  code: string;

  @Column({ name: 'requested_by_resident_id', type: 'varchar', length: 36 })
  requestedByResidentId: string;

  @Column({ name: 'requested_at', type: 'datetime' })
  requestedAt: Date;

  @Column({ name: 'handed_over_by_resident_id', type: 'varchar', length: 36, nullable: true })
  handedOverByResidentId: string | null;

  @Column({ name: 'handed_over_at', type: 'datetime', nullable: true })
  handedOverAt: Date | null;

  @Column({ name: 'cancelled_by_resident_id', type: 'varchar', length: 36, nullable: true })
  cancelledByResidentId: string | null;

  @Column({ name: 'cancelled_at', type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @VersionColumn()
  version: number;
}
