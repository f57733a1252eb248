import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The app's own session after WeChat login. Tokens are stored as SHA-256 hashes only. */
@Entity('auth_session')
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'wechat_account_id', type: 'varchar', length: 36 })
  wechatAccountId: string;

  /** The village this session acts in (an account may be bound in more than one). */
  @Column({ name: 'village_id', type: 'varchar', length: 36, nullable: true })
  villageId: string | null;

  @Column({ name: 'access_hash', type: 'varchar', length: 64, unique: true })
  accessHash: string;

  @Column({ name: 'refresh_hash', type: 'varchar', length: 64, unique: true })
  refreshHash: string;

  @Column({ name: 'access_expires_at', type: 'datetime' })
  accessExpiresAt: Date;

  @Column({ name: 'refresh_expires_at', type: 'datetime' })
  refreshExpiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
