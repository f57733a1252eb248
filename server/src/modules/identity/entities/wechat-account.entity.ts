import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A WeChat user of this mini-program (openid from code2Session). Not village data: no villageId. */
@Entity('wechat_account')
export class WechatAccount {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  /** The latest session_key, encrypted (it decrypts the user's share tickets). */
  @Column({ name: 'session_key_enc', type: 'varchar', length: 255, nullable: true })
  sessionKeyEnc: string | null;

  /** Version of the privacy notice the user agreed to (PIPL art. 13–17); null until they agree. */
  @Column({ name: 'privacy_consent_version', type: 'varchar', length: 16, nullable: true })
  privacyConsentVersion: string | null;

  @Column({ name: 'privacy_consent_at', type: 'datetime', nullable: true })
  privacyConsentAt: Date | null;

  /** Separate consent for the ID number, a sensitive item (PIPL art. 29). */
  @Column({ name: 'id_number_consent_at', type: 'datetime', nullable: true })
  idNumberConsentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}
