import { Column, Entity, Index } from 'typeorm';
import { CheckedPhotoColumns } from '../../notices/entities/checked-photo-columns';

/**
 * Evidence photos of points records and product photos of the 积分超市; attached to their owner when
 * it is saved.
 */
@Entity('points_photo')
@Index('idx_points_photo_owner', ['ownerId'])
export class PointsPhoto extends CheckedPhotoColumns {
  /** A points_record or points_product id; null until attached. */
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true })
  ownerId: string | null;

  @Column({ type: 'int' })
  position: number;
}
