import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One link of a village's tamper-evident chain. Append-only: no code path updates or deletes it.
 * `occurredAt` and the before/after snapshots are stored exactly as they were hashed (ISO string,
 * canonical JSON text), so verification never depends on how a database rounds a datetime.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** Gap-free per village, from 1. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'occurred_at', type: 'varchar', length: 24 })
  occurredAt: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 36 })
  entityId: string;

  /** Canonical JSON (RFC 8785) of the entity before the change, personal data masked; null on create. */
  @Column({ name: 'before_json', type: 'text', nullable: true })
  beforeJson: string | null;

  @Column({ name: 'after_json', type: 'text', nullable: true })
  afterJson: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
