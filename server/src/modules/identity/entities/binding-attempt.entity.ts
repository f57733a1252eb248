import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every code entered, right or wrong: the per-account limit (5 an hour) counts these. */
@Entity('binding_attempt')
export class BindingAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'wechat_account_id', type: 'varchar', length: 36 })
  wechatAccountId: string;

  @Column({ name: 'attempted_at', type: 'datetime' })
  attemptedAt: Date;

  @Column({ type: 'boolean' })
  succeeded: boolean;
}
