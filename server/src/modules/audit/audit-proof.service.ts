import type { AuditRepository, LeafRow } from './audit.repository';
import { AuditException } from './audit.exception';
import type { ConsistentRead } from './audit-verification.service';
import {
  consistencyProofRanges,
  hashHexToBytes,
  inclusionProofRanges,
  isHashHex,
  leafHash,
  StreamingProofBuilder,
} from './domain';
import type { AuditCheckpoint } from './entities/audit-checkpoint.entity';

export interface InclusionProof {
  seq: number;
  leafIndex: number;
  treeSize: number;
  eventHash: string;
  leafHash: string;
  rootHash: string;
  auditPath: string[];
  /** The signed checkpoint at `treeSize`, when there is one: its rootHash must equal `rootHash`. */
  checkpoint: AuditCheckpoint | null;
}

export interface ConsistencyProof {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
  fromCheckpoint: AuditCheckpoint | null;
  toCheckpoint: AuditCheckpoint | null;
}

const LEAF_PAGE = 5000;

/**
 * RFC 9162 inclusion and consistency proofs over a village's events (leaf = the event's 32-byte
 * hash). Proofs are built in one ordered pass over the leaves with StreamingProofBuilder, so memory
 * stays O(log n) whatever the size: the leaf hashes are never all held at once (that would be
 * 32 bytes × n, 32 MB for a million events, plus per-buffer overhead). Time is O(n) per proof,
 * which at village scale (thousands of events a year) is milliseconds.
 */
export class AuditProofService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly consistentRead: ConsistentRead,
  ) {}

  async inclusion(villageId: string, seq: number, requestedTreeSize?: number): Promise<InclusionProof> {
    const headSeq = await this.headSeq(villageId);
    if (seq < 1 || seq > headSeq) throw AuditException.eventNotFound(seq);
    const treeSize = requestedTreeSize ?? (await this.repo.latestCheckpointCovering(villageId, seq))?.treeSize ?? headSeq;
    if (treeSize < seq || treeSize > headSeq) throw AuditException.treeSizeOutOfRange('treeSize', seq, headSeq);

    const builder = new StreamingProofBuilder(inclusionProofRanges(seq - 1, treeSize), [treeSize]);
    let eventHash = '';
    await this.streamLeaves(villageId, treeSize, (row, bytes) => {
      builder.push(bytes);
      if (row.seq === seq) eventHash = row.hash;
    });
    return {
      seq,
      leafIndex: seq - 1,
      treeSize,
      eventHash,
      leafHash: leafHash(hashHexToBytes(eventHash)).toString('hex'),
      rootHash: builder.rootAt(treeSize).toString('hex'),
      auditPath: builder.proof().map(hex),
      checkpoint: await this.repo.checkpointAt(villageId, treeSize),
    };
  }

  async consistency(villageId: string, from: number, to: number): Promise<ConsistencyProof> {
    const headSeq = await this.headSeq(villageId);
    if (to < 1 || to > headSeq) throw AuditException.treeSizeOutOfRange('to', 1, headSeq);
    if (from < 1 || from > to) throw AuditException.treeSizeOutOfRange('from', 1, to);

    const builder = new StreamingProofBuilder(consistencyProofRanges(from, to), [from, to]);
    await this.streamLeaves(villageId, to, (_, bytes) => builder.push(bytes));
    const [fromCheckpoint, toCheckpoint] = await Promise.all([this.repo.checkpointAt(villageId, from), this.repo.checkpointAt(villageId, to)]);
    return {
      from,
      to,
      fromRoot: builder.rootAt(from).toString('hex'),
      toRoot: builder.rootAt(to).toString('hex'),
      proof: builder.proof().map(hex),
      fromCheckpoint,
      toCheckpoint,
    };
  }

  private async headSeq(villageId: string): Promise<number> {
    return (await this.consistentRead(() => this.repo.head(villageId)))?.lastSeq ?? 0;
  }

  /** Leaves 1..upTo in order; a gap or a malformed hash makes any proof meaningless, so it stops there. */
  private async streamLeaves(villageId: string, upTo: number, visit: (row: LeafRow, leaf: Buffer) => void): Promise<void> {
    let expected = 1;
    while (expected <= upTo) {
      const rows = await this.repo.leafPage(villageId, { afterSeq: expected - 1, upToSeq: upTo, limit: LEAF_PAGE });
      for (const row of rows) {
        if (row.seq !== expected || !isHashHex(row.hash)) throw AuditException.chainIncomplete(expected);
        visit(row, hashHexToBytes(row.hash));
        expected++;
      }
      if (rows.length < LEAF_PAGE) break;
    }
    if (expected !== upTo + 1) throw AuditException.chainIncomplete(expected);
  }
}

function hex(b: Buffer): string {
  return b.toString('hex');
}
