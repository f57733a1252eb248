import { hashEvent } from './audit-hash';
import type { AuditChainRow } from './chain-verifier';

/**
 * Tells a moved row from an edited one. When two rows' seq values are exchanged, each fails its hash
 * check at its new place, exactly like an edit (seq is hashed). But a moved row is still intact
 * where it came from: its stored hash matches its content rehashed at its original seq. Returns that
 * original seq among `candidates`, or null when the row does not fit any of them (it was edited).
 */
export function movedFromSeq(row: AuditChainRow, candidates: Iterable<number>): number | null {
  for (const seq of candidates) {
    if (seq === row.seq || !Number.isSafeInteger(seq) || seq < 1) continue;
    try {
      if (hashEvent(row.prevHash, { ...row, seq }) === row.hash) return seq;
    } catch {
      return null; // not hashable at all: malformed, not moved
    }
  }
  return null;
}

/** Plain Chinese for a row found at `seq` that belongs at `originalSeq`. */
export function movedRowMessage(seq: number, originalSeq: number): string {
  return `第 ${seq} 条记录的位置被调换过（它原本是第 ${originalSeq} 条）`;
}
