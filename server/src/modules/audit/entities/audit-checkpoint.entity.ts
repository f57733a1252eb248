import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CHECKPOINT_TRIGGERS = ['every_n', 'daily', 'manual'] as const;
export type CheckpointTrigger = (typeof CHECKPOINT_TRIGGERS)[number];

/**
 * A signed statement "village V's trail had `treeSize` events with this Merkle root and this last
 * hash", published for villagers. Append-only like the trail itself: one per (village, treeSize),
 * so two servers or a retried timer creating the same checkpoint end with one row.
 *
 * The signed fields are exactly those of `CheckpointStatement` (villageId, treeSize, rootHash,
 * lastSeq, headHash, createdAt); `trigger` and `requestedBy` are bookkeeping and not signed.
 */
@Entity('audit_checkpoint')
export class AuditCheckpoint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** Number of events covered: seq 1..treeSize. */
  @Column({ name: 'tree_size', type: 'int' })
  treeSize: number;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq: number;

  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash: string;

  /** RFC 9162 Merkle root over the events' hashes, 64 lowercase hex. */
  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash: string;

  /** ISO 8601 UTC with milliseconds, stored exactly as signed. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** First 16 hex characters of SHA-256 over the raw Ed25519 public key. */
  @Column({ name: 'key_id', type: 'varchar', length: 16 })
  keyId: string;

  /** Ed25519 signature, base64 (88 characters). */
  @Column({ type: 'varchar', length: 100 })
  signature: string;

  /** What made it: every N events, the daily timer, or someone asking. (`trigger` is reserved in MySQL.) */
  @Column({ name: 'trigger_kind', type: 'varchar', length: 16 })
  trigger: CheckpointTrigger;

  /** The resident who asked for it (POST /api/audit/checkpoints); null for automatic ones. */
  @Column({ name: 'requested_by', type: 'varchar', length: 36, nullable: true })
  requestedBy: string | null;
}
