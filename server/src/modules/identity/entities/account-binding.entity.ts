import { Column, Entity, PrimaryColumn } from 'typeorm';

export const BINDING_METHODS = ['code', 'demo'] as const;
export type BindingMethod = (typeof BINDING_METHODS)[number];

/**
 * WeChat account ↔ resident, per village (一户一人 starts here). Unbinding keeps the row and clears the
 * two `active*Key` columns, whose unique indexes allow one live binding per account per village and
 * one per resident — NULLs do not collide on SQLite or MySQL, so history rows never block a new one.
 */
@Entity('account_binding')
export class AccountBinding {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'wechat_account_id', type: 'varchar', length: 36 })
  wechatAccountId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @Column({ name: 'active_account_key', type: 'varchar', length: 80, nullable: true, unique: true })
  activeAccountKey: string | null;

  @Column({ name: 'active_resident_key', type: 'varchar', length: 80, nullable: true, unique: true })
  activeResidentKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  method: BindingMethod;

  @Column({ name: 'bound_at', type: 'datetime' })
  boundAt: Date;

  @Column({ name: 'unbound_at', type: 'datetime', nullable: true })
  unboundAt: Date | null;

  @Column({ name: 'unbound_by_resident_id', type: 'varchar', length: 36, nullable: true })
  unboundByResidentId: string | null;

  @Column({ name: 'unbind_reason', type: 'varchar', length: 128, nullable: true })
  unbindReason: string | null;
}

export function activeAccountKey(villageId: string, accountId: string): string {
  return `${villageId}:${accountId}`;
}

export function activeResidentKey(residentId: string): string {
  return residentId;
}
