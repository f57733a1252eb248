import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 乡镇干部 who oversee the township's villages (read-only by default). Not residents of a village, so
 * they sign in through their own binding rather than a village roster entry.
 */
@Entity('township_staff')
export class TownshipStaff {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'township_id', type: 'varchar', length: 36 })
  townshipId: string;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  /** e.g. 包村干部, 民政办 */
  @Column({ type: 'varchar', length: 32, nullable: true })
  title: string | null;

  @Column({ name: 'wechat_account_id', type: 'varchar', length: 36, nullable: true, unique: true })
  wechatAccountId: string | null;

  @Column({ name: 'binding_code_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  bindingCodeHash: string | null;

  @Column({ name: 'binding_code_expires_at', type: 'datetime', nullable: true })
  bindingCodeExpiresAt: Date | null;

  @Column({ name: 'ended_at', type: 'datetime', nullable: true })
  endedAt: Date | null;
}
