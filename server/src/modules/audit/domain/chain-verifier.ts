import { AuditEventContent, GENESIS_HASH, hashEvent, isHashHex } from './audit-hash';

/** One stored audit row as read back: the hashed content plus its two stored hashes. */
export type AuditChainRow = AuditEventContent & { prevHash: string; hash: string };

/** The last event of a verified prefix, from the chain-head row or a signed checkpoint. */
export interface ChainHead {
  lastSeq: number;
  headHash: string;
}

export type ChainProblemKind =
  /** The row's stored hash does not match its content: a field was changed. */
  | 'edited'
  /** One or more sequence numbers are absent (including "the first row is not seq 1"). */
  | 'missing'
  /** A sequence number comes back out of order or twice. */
  | 'reordered'
  /** Sequence is contiguous and the row is self-consistent, but its prevHash is not the previous row's hash. */
  | 'broken_link'
  /** The row belongs to another village. */
  | 'wrong_village'
  /** The row cannot even be hashed (bad hash text, bad date, wrong field type): changed outside the app. */
  | 'malformed'
  /** The chain ends before the known head: rows were cut off the end. */
  | 'truncated'
  /** The chain ends at the known head's seq but with another hash: the chain was rewritten and rehashed. */
  | 'head_mismatch';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The sequence number concerned (for `missing`/`truncated`, the first absent one). */
  seq: number;
  /** 1-based index of the row in the stream where the problem was found (for `truncated`, one past the end). */
  position: number;
  /** Plain Chinese for supervisors. */
  message: string;
}

export type ChainVerdict =
  | { ok: true; events: number; headHash: string; lastSeq: number }
  | { ok: false; events: number; problem: ChainProblem };

export interface ChainVerifierOptions {
  /** Resume after an already verified prefix instead of from the genesis. */
  startAfter?: ChainHead;
}

/** Seqs firstMissing..lastMissing were skipped at `position`; deleted or moved is not yet known. */
interface PendingGap {
  firstMissing: number;
  lastMissing: number;
  position: number;
}

/**
 * Checks a village's audit rows one at a time, in the order they are read (by seq), in constant
 * memory, and keeps the first problem found.
 *
 * A skipped seq is the first problem either way, but whether rows were deleted or moved is only
 * known once the stream has been read: if a skipped seq turns up later it is `reordered`,
 * otherwise `missing`. So `push` keeps returning true after a gap and the caller reads to the end.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private headHash: string;
  private rowsRead = 0;
  private verified = 0;
  private pendingGap: PendingGap | null = null;
  private problem: ChainProblem | null = null;
  private finished = false;

  constructor(
    private readonly villageId: string,
    options: ChainVerifierOptions = {},
  ) {
    if (typeof villageId !== 'string' || villageId.length === 0) {
      throw new TypeError('villageId must be a non-empty string');
    }
    const start = options.startAfter ?? { lastSeq: 0, headHash: GENESIS_HASH };
    if (!Number.isSafeInteger(start.lastSeq) || start.lastSeq < 0 || !isHashHex(start.headHash)) {
      throw new TypeError('startAfter needs a non-negative integer lastSeq and a 64-hex headHash');
    }
    this.expectedSeq = start.lastSeq + 1;
    this.headHash = start.headHash;
  }

  /**
   * True while every row pushed so far extends the chain: no problem found and no gap pending. A
   * caller that checks more than the chain (Merkle roots of signed checkpoints) does so only while
   * this holds; after that the first problem is the chain's.
   */
  get intact(): boolean {
    return !this.problem && !this.pendingGap;
  }

  /**
   * Feeds the next row. Returns false once the first problem is settled; later rows are ignored,
   * so the caller may stop reading.
   */
  push(row: AuditChainRow): boolean {
    if (this.finished) throw new Error('ChainVerifier.push() called after finish()');
    if (this.problem) return false;
    const position = ++this.rowsRead;

    if (this.pendingGap) {
      if (!fillsGap(this.pendingGap, row, this.villageId)) return true;
      this.problem = movedProblem(this.pendingGap);
      return false;
    }
    this.problem = this.checkRow(row, position);
    if (this.problem) return false;
    if (this.pendingGap) return true;

    this.verified++;
    this.expectedSeq++;
    this.headHash = row.hash;
    return true;
  }

  /**
   * Ends the stream. With `expected` (the chain-head row or a signed checkpoint) it also catches
   * rows cut off the end, which the chain alone cannot reveal. Stream only rows with
   * seq ≤ expected.lastSeq (read the head first), since the head hash of a longer chain is unknown.
   */
  finish(expected?: ChainHead): ChainVerdict {
    this.finished = true;
    if (!this.problem && this.pendingGap) this.problem = missingProblem(this.pendingGap);
    if (!this.problem && expected) this.problem = this.compareHead(expected);
    if (this.problem) return { ok: false, events: this.verified, problem: this.problem };
    return { ok: true, events: this.verified, headHash: this.headHash, lastSeq: this.expectedSeq - 1 };
  }

  private checkRow(row: AuditChainRow, position: number): ChainProblem | null {
    const seqLabel = Number.isSafeInteger(row.seq) ? row.seq : this.expectedSeq;
    if (row.villageId !== this.villageId) {
      return { kind: 'wrong_village', seq: seqLabel, position, message: `第 ${seqLabel} 条记录不属于本村` };
    }

    let recomputed: string;
    try {
      recomputed = hashEvent(row.prevHash, row);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return { kind: 'malformed', seq: seqLabel, position, message: `第 ${seqLabel} 条记录格式异常，无法校验（${reason}）` };
    }
    if (recomputed !== row.hash) {
      return { kind: 'edited', seq: row.seq, position, message: `第 ${row.seq} 条记录被修改过` };
    }

    if (row.seq < this.expectedSeq) {
      const message =
        row.seq === this.expectedSeq - 1 ? `第 ${row.seq} 条记录重复出现` : `第 ${row.seq} 条记录顺序被调换`;
      return { kind: 'reordered', seq: row.seq, position, message };
    }
    if (row.seq > this.expectedSeq) {
      this.pendingGap = { firstMissing: this.expectedSeq, lastMissing: row.seq - 1, position };
      return null;
    }

    if (row.prevHash !== this.headHash) {
      const message =
        row.seq === 1
          ? '第 1 条记录的起点不对，记录链可能被整体替换'
          : `第 ${row.seq} 条记录与第 ${row.seq - 1} 条记录接不上，其中一条可能被改动或替换`;
      return { kind: 'broken_link', seq: row.seq, position, message };
    }
    return null;
  }

  private compareHead(expected: ChainHead): ChainProblem | null {
    const lastSeq = this.expectedSeq - 1;
    if (expected.lastSeq < lastSeq) {
      throw new RangeError(
        `finish(expected) got ${lastSeq} events but the known head is at seq ${expected.lastSeq}; ` +
          'stream only rows up to the known head',
      );
    }
    if (expected.lastSeq > lastSeq) {
      const count = expected.lastSeq - lastSeq;
      return {
        kind: 'truncated',
        seq: lastSeq + 1,
        position: this.rowsRead + 1,
        message: `最后 ${count} 条记录被删除`,
      };
    }
    if (expected.headHash !== this.headHash) {
      return {
        kind: 'head_mismatch',
        seq: lastSeq,
        position: this.rowsRead,
        message: `第 ${lastSeq} 条记录与已公布的记录链末端不一致，记录可能被整体改写过`,
      };
    }
    return null;
  }
}

function fillsGap(gap: PendingGap, row: AuditChainRow, villageId: string): boolean {
  return row.villageId === villageId && row.seq >= gap.firstMissing && row.seq <= gap.lastMissing;
}

function movedProblem(gap: PendingGap): ChainProblem {
  const seq = gap.firstMissing;
  return { kind: 'reordered', seq, position: gap.position, message: `第 ${seq} 条记录顺序被调换` };
}

function missingProblem(gap: PendingGap): ChainProblem {
  const { firstMissing, lastMissing } = gap;
  const message =
    firstMissing === lastMissing ? `第 ${firstMissing} 条记录缺失` : `第 ${firstMissing} 至 ${lastMissing} 条记录缺失`;
  return { kind: 'missing', seq: firstMissing, position: gap.position, message };
}
