import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A write request seen with an Idempotency-Key: while `completedAt` is null it is in progress; after,
 * a retry with the same key gets the stored answer instead of running the write again.
 */
@Entity('idempotency_record')
export class IdempotencyRecord {
  /** SHA-256 of caller scope + key, so keys from different users never collide. */
  @PrimaryColumn({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  /** SHA-256 of method, path and body: the same key with a different request is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt: Date | null;
}
