import type { AuditProblem, AuditProblemKind, AuditVerification, CheckpointSummary } from '@village/shared';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock';
import type { AuditRepository } from './audit.repository';
import type { AuditSigningKey } from './audit-signing-key';
import {
  ChainVerifier,
  GENESIS_HASH,
  hashHexToBytes,
  MerkleAccumulator,
  movedFromSeq,
  movedRowMessage,
  type AuditChainRow,
  type ChainHead,
  type ChainProblem,
  type CheckpointStatement,
} from './domain';
import type { AuditCheckpoint } from './entities/audit-checkpoint.entity';

export { AUDIT_PROBLEM_KINDS } from '@village/shared';
export type { AuditProblem, AuditProblemKind, CheckpointSummary } from '@village/shared';
/** What `GET /api/audit/verify` and the CLI report (the shape lives in @village/shared). */
export type VerificationReport = AuditVerification;

/** The Merkle root the stream reached at a requested size, for signing a new checkpoint. */
export interface CapturedRoot {
  treeSize: number;
  lastSeq: number;
  headHash: string;
  rootHash: string;
}

export interface VerifyOptions {
  /** Also return the Merkle root at this size (`head`: the chain head read at the start). */
  captureRootAt?: number | 'head';
  /** Rows per query; the verifier holds at most one page. */
  pageSize?: number;
  /** Called with each page's row count (benchmarks and tests watch memory with it). */
  onPage?: (rows: number) => void;
}

export interface VerificationOutcome {
  report: VerificationReport;
  captured: CapturedRoot | null;
}

/**
 * Runs `read` against a committed state of the trail. On SQLite that means between units of work
 * (UnitOfWork.exclusive); on MySQL every query already sees only committed rows.
 */
export type ConsistentRead = <T>(read: () => Promise<T>) => Promise<T>;

export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Verifies a village's whole trail by streaming it once, in constant memory: one page of rows, the
 * chain verifier's last hash and the Merkle accumulator's O(log n) subtree roots.
 *
 * 1. Read the checkpoints newest first until one's signature verifies (normally the first), then the
 *    chain head. Reading in that order means a genuine checkpoint is never newer than the head read
 *    after it, so a checkpoint beyond the head proves the head was rewound.
 * 2. Stream `audit_event` rows with seq ≤ the known end, ordered by seq, a page at a time (keyset on
 *    (village_id, seq)). Each row goes through the ChainVerifier (content hash, seq order, link to the
 *    previous hash) and, while the chain is intact, into the Merkle accumulator.
 * 3. When the accumulator reaches a checkpoint's treeSize, check its signature with the server key
 *    and compare its root, last seq and head hash with what the rows give.
 * 4. At the end, compare with the known end (the chain head, or a newer signed checkpoint): rows cut
 *    off the tail show here. Checkpoints not reached have their signatures checked.
 *
 * The report names the first problem by position. Rows whose seq values were exchanged look like
 * edits to the chain (seq is hashed); a follow-up lookup tells them apart (see `movedFromSeq`).
 */
export class AuditVerificationService {
  private readonly logger = new Logger(AuditVerificationService.name);
  private readonly inFlight = new Map<string, Promise<VerificationReport>>();

  constructor(
    private readonly repo: AuditRepository,
    private readonly key: AuditSigningKey,
    private readonly consistentRead: ConsistentRead,
    private readonly clock: Clock,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {}

  /** Verifies a village's trail; concurrent calls for the same village share one run. */
  verify(villageId: string): Promise<VerificationReport> {
    const running = this.inFlight.get(villageId);
    if (running) return running;
    const run = this.run(villageId)
      .then(({ report }) => {
        if (!report.ok) this.logger.error({ villageId, problem: report.problem }, 'audit trail verification failed');
        return report;
      })
      .finally(() => this.inFlight.delete(villageId));
    this.inFlight.set(villageId, run);
    return run;
  }

  async run(villageId: string, options: VerifyOptions = {}): Promise<VerificationOutcome> {
    const started = performance.now();
    const verifiedAt = this.clock.now().toISOString();
    const pageSize = options.pageSize ?? this.pageSize;

    const { newestValid, head } = await this.consistentRead(async () => {
      const newest = await this.newestValidCheckpoint(villageId, pageSize);
      return { newestValid: newest, head: (await this.repo.head(villageId)) ?? { lastSeq: 0, lastHash: GENESIS_HASH } };
    });
    const expected: ChainHead =
      newestValid && newestValid.lastSeq > head.lastSeq
        ? { lastSeq: newestValid.lastSeq, headHash: newestValid.headHash }
        : { lastSeq: head.lastSeq, headHash: head.lastHash };
    const captureAt = options.captureRootAt === 'head' ? head.lastSeq : options.captureRootAt;

    const verifier = new ChainVerifier(villageId);
    const tree = new MerkleAccumulator();
    const checkpoints = new CheckpointCursor(this.repo, villageId, pageSize);
    let pending = await checkpoints.next();
    let checkpointProblem: AuditProblem | null = null;
    let lastVerified: AuditCheckpoint | null = null;
    let checkpointsChecked = 0;
    let eventsChecked = 0;
    let captured: CapturedRoot | null = null;
    let afterSeq = 0;
    let stop = false;

    while (!stop) {
      const rows = await this.repo.chainPage(villageId, { afterSeq, upToSeq: expected.lastSeq, limit: pageSize });
      options.onPage?.(rows.length);
      for (const row of rows) {
        eventsChecked++;
        if (!verifier.push(row)) {
          stop = true; // the chain's first problem is settled; later rows cannot change it
          break;
        }
        if (!verifier.intact) continue; // a gap: read on to learn whether the rows were deleted or moved
        tree.push(hashHexToBytes(row.hash));
        if (tree.size === captureAt) captured = { treeSize: tree.size, lastSeq: row.seq, headHash: row.hash, rootHash: tree.root().toString('hex') };
        while (pending && pending.treeSize <= tree.size) {
          checkpointsChecked++;
          checkpointProblem = this.checkReachedCheckpoint(pending, tree, row);
          if (checkpointProblem) break;
          lastVerified = pending;
          pending = await checkpoints.next();
        }
        if (checkpointProblem) {
          stop = true; // found while every earlier row was intact, so it is the first problem
          break;
        }
      }
      if (rows.length < pageSize) break;
      afterSeq = rows[rows.length - 1].seq;
    }

    let problem: AuditProblem | null = checkpointProblem;
    if (!problem) {
      const verdict = verifier.finish(expected);
      let chainProblem: AuditProblem | null = verdict.ok ? null : verdict.problem;
      if (verdict.ok && head.lastSeq < expected.lastSeq) chainProblem = headRewound(head.lastSeq, expected.lastSeq);
      if (chainProblem?.kind === 'edited') chainProblem = await this.explainEdit(villageId, chainProblem);
      // Checkpoints the stream did not reach: their signatures still have to hold.
      const before = chainProblem ? chainProblem.seq : Number.POSITIVE_INFINITY;
      while (pending && pending.treeSize < before && !checkpointProblem) {
        checkpointsChecked++;
        if (!this.signatureHolds(pending)) checkpointProblem = badSignature(pending);
        pending = await checkpoints.next();
      }
      problem = checkpointProblem ?? chainProblem;
    }

    const report: VerificationReport = {
      ok: problem === null,
      villageId,
      eventsChecked,
      lastSeq: expected.lastSeq,
      headHash: expected.headHash,
      checkpointsChecked,
      lastCheckpoint: lastVerified ? summarise(lastVerified) : null,
      problem,
      verifiedAt,
      durationMs: Math.round(performance.now() - started),
    };
    return { report, captured: problem ? null : captured };
  }

  private signatureHolds(checkpoint: AuditCheckpoint): boolean {
    return this.key.verify(statementOf(checkpoint), checkpoint.signature, checkpoint.keyId);
  }

  private checkReachedCheckpoint(checkpoint: AuditCheckpoint, tree: MerkleAccumulator, row: AuditChainRow): AuditProblem | null {
    if (!this.signatureHolds(checkpoint)) return badSignature(checkpoint);
    const matches =
      checkpoint.treeSize === tree.size &&
      checkpoint.lastSeq === row.seq &&
      checkpoint.headHash === row.hash &&
      checkpoint.rootHash === tree.root().toString('hex');
    if (matches) return null;
    return {
      kind: 'checkpoint_mismatch',
      seq: checkpoint.treeSize,
      position: checkpoint.treeSize,
      checkpointTreeSize: checkpoint.treeSize,
      message: `前 ${checkpoint.treeSize} 条记录与 ${checkpoint.createdAt.slice(0, 10)} 签名公布的检查点不一致，记录可能被整体改写过`,
    };
  }

  /** Newest first until a signature verifies; forged ones are reported later, in stream order. */
  private async newestValidCheckpoint(villageId: string, pageSize: number): Promise<AuditCheckpoint | null> {
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const page = await this.repo.checkpointPageDescending(villageId, before, Math.min(pageSize, 100));
      for (const checkpoint of page) if (this.signatureHolds(checkpoint)) return checkpoint;
      if (page.length === 0) return null;
      before = page[page.length - 1].treeSize;
    }
  }

  /** An "edited" row may be a row moved from elsewhere (seq values exchanged): say so when it is. */
  private async explainEdit(villageId: string, problem: AuditProblem): Promise<AuditProblem> {
    try {
      const row = await this.repo.chainRowAt(villageId, problem.seq);
      if (!row) return problem;
      const links = await this.repo.seqsLinkedTo(villageId, row.prevHash, row.hash);
      const candidates = [problem.seq - 1, problem.seq + 1, ...links.previous.map((s) => s + 1), ...links.next.map((s) => s - 1)];
      const from = movedFromSeq(row, candidates);
      return from === null ? problem : { ...problem, kind: 'reordered', message: movedRowMessage(problem.seq, from) };
    } catch (error) {
      this.logger.warn({ err: error, villageId }, 'could not tell a moved row from an edited one');
      return problem;
    }
  }
}

/** Checkpoints oldest first, one page at a time. */
class CheckpointCursor {
  private buffer: AuditCheckpoint[] = [];
  private after = 0;
  private done = false;

  constructor(
    private readonly repo: AuditRepository,
    private readonly villageId: string,
    private readonly pageSize: number,
  ) {}

  async next(): Promise<AuditCheckpoint | null> {
    if (this.buffer.length === 0 && !this.done) {
      this.buffer = await this.repo.checkpointPage(this.villageId, this.after, Math.min(this.pageSize, 500));
      if (this.buffer.length === 0) this.done = true;
      else this.after = this.buffer[this.buffer.length - 1].treeSize;
    }
    return this.buffer.shift() ?? null;
  }
}

export function statementOf(checkpoint: AuditCheckpoint): CheckpointStatement {
  return {
    villageId: checkpoint.villageId,
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    lastSeq: checkpoint.lastSeq,
    headHash: checkpoint.headHash,
    createdAt: checkpoint.createdAt,
  };
}

function summarise(c: AuditCheckpoint): CheckpointSummary {
  return { treeSize: c.treeSize, lastSeq: c.lastSeq, rootHash: c.rootHash, headHash: c.headHash, createdAt: c.createdAt, keyId: c.keyId };
}

function badSignature(checkpoint: AuditCheckpoint): AuditProblem {
  return {
    kind: 'bad_signature',
    seq: checkpoint.treeSize,
    position: checkpoint.treeSize,
    checkpointTreeSize: checkpoint.treeSize,
    message: `第 ${checkpoint.treeSize} 条处的检查点签名不对，检查点被伪造或改动过`,
  };
}

function headRewound(headSeq: number, checkpointSeq: number): ChainProblem {
  return {
    kind: 'head_mismatch',
    seq: headSeq + 1,
    position: headSeq + 1,
    message: `记录链的末端被改回到第 ${headSeq} 条，但第 ${checkpointSeq} 条处已有签名检查点`,
  };
}
