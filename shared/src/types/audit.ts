import type { Role } from '../constants/roles';

/** Who may read the whole audit trail: the supervisory committee first of all, and the committee. */
export const AUDIT_READER_ROLES = ['supervisor', 'secretary', 'village_committee'] as const satisfies readonly Role[];

/** What verification can find wrong, in the order a stream meets them. */
export const AUDIT_PROBLEM_KINDS = [
  'edited',
  'missing',
  'reordered',
  'broken_link',
  'wrong_village',
  'malformed',
  'truncated',
  'head_mismatch',
  /** A checkpoint's signature does not verify with the server's published key: forged or altered. */
  'bad_signature',
  /** A validly signed checkpoint does not match the events it covers: they were rewritten and rehashed. */
  'checkpoint_mismatch',
] as const;

export type AuditProblemKind = (typeof AUDIT_PROBLEM_KINDS)[number];

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The sequence number concerned (for a checkpoint problem, the checkpoint's treeSize). */
  seq: number;
  /** 1-based position in the stream where it was found. */
  position: number;
  /** Plain Chinese for supervisors. */
  message: string;
  /** The checkpoint concerned, for `bad_signature` and `checkpoint_mismatch`. */
  checkpointTreeSize?: number;
}

export interface CheckpointSummary {
  treeSize: number;
  lastSeq: number;
  rootHash: string;
  headHash: string;
  createdAt: string;
  keyId: string;
}

/** `GET /api/audit/verify`. */
export interface AuditVerification {
  ok: boolean;
  villageId: string;
  /** Rows read from the database. */
  eventsChecked: number;
  /** The end of the chain the rows were checked against: the chain head, or a newer signed checkpoint. */
  lastSeq: number;
  headHash: string;
  /** Checkpoints whose signature (and, when reached, Merkle root) were checked. */
  checkpointsChecked: number;
  /** The newest checkpoint whose signature and root both matched. */
  lastCheckpoint: CheckpointSummary | null;
  problem: AuditProblem | null;
  verifiedAt: string;
  durationMs: number;
}

/** Filters of the audit log and its CSV export; dates are YYYY-MM-DD, Beijing time, inclusive. */
export interface AuditEventFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export interface AuditEventSummary {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  correlationId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditEventDetail extends AuditEventSummary {
  villageId: string;
  before: unknown;
  after: unknown;
}
