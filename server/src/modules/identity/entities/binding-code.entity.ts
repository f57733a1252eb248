import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time code the committee gives a villager to bind their WeChat to their roster entry. */
@Entity('binding_code')
export class BindingCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  /** SHA-256 of the code: a database leak does not hand out live codes. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_by_account_id', type: 'varchar', length: 36, nullable: true })
  usedByAccountId: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'issued_by_resident_id', type: 'varchar', length: 36 })
  issuedByResidentId: string;

  @Column({ name: 'issued_at', type: 'datetime' })
  issuedAt: Date;
}
