import { MerkleAccumulator } from './merkle';

/**
 * RFC 9162 proofs built from one pass over the leaves, in O(log n) memory.
 *
 * Every hash in an inclusion or consistency proof is MTH of a contiguous run of leaves, and for a
 * given (index, size) or (m, n) those runs are known in advance from arithmetic alone. They never
 * overlap, so one ordered pass over the leaves, feeding each leaf to the run that contains it, yields
 * every proof hash while holding one MerkleAccumulator (O(log n) subtree roots) at a time. The
 * in-memory `inclusionProof` / `consistencyProof` in merkle.ts stay the reference; the spec checks
 * both agree.
 */

/** Leaves [start, end) of the tree, 0-based. */
export interface LeafRange {
  start: number;
  end: number;
}

/** The runs whose roots make up PATH(index, D[treeSize]), in proof order (from the leaf upwards). */
export function inclusionProofRanges(index: number, treeSize: number): LeafRange[] {
  assertInteger(treeSize, 1, Number.MAX_SAFE_INTEGER, 'treeSize');
  assertInteger(index, 0, treeSize - 1, 'index');
  const out: LeafRange[] = [];
  path(index, 0, treeSize, out);
  return out;
}

/** The runs whose roots make up PROOF(m, D[n]) for 1 ≤ m ≤ n, in proof order; empty when m = n. */
export function consistencyProofRanges(m: number, n: number): LeafRange[] {
  assertInteger(n, 1, Number.MAX_SAFE_INTEGER, 'n');
  assertInteger(m, 1, n, 'm');
  const out: LeafRange[] = [];
  subproof(m, 0, n, true, out);
  return out;
}

/**
 * Collects the roots of fixed leaf runs while every leaf 0, 1, 2, … is pushed once, in order. Also
 * keeps the root of the whole tree at any requested sizes (the roots a verifier compares against).
 */
export class StreamingProofBuilder {
  /** Run indexes sorted by start, so the pass walks them left to right. */
  private readonly order: number[];
  private readonly roots: (Buffer | null)[];
  private readonly treeRoots = new Map<number, Buffer>();
  private readonly whole = new MerkleAccumulator();
  private next = 0;
  private current: MerkleAccumulator | null = null;

  constructor(
    private readonly ranges: readonly LeafRange[],
    private readonly rootsAtSizes: readonly number[] = [],
  ) {
    this.order = ranges.map((_, i) => i).sort((a, b) => ranges[a].start - ranges[b].start);
    for (let i = 1; i < this.order.length; i++) {
      if (ranges[this.order[i]].start < ranges[this.order[i - 1]].end) throw new RangeError('proof ranges overlap');
    }
    this.roots = ranges.map(() => null);
  }

  /** Leaves pushed so far. */
  get size(): number {
    return this.whole.size;
  }

  push(leaf: Uint8Array): void {
    const index = this.whole.size;
    this.whole.push(leaf);
    if (this.rootsAtSizes.includes(this.whole.size)) this.treeRoots.set(this.whole.size, this.whole.root());

    const rangeIndex = this.order[this.next];
    if (rangeIndex === undefined) return;
    const range = this.ranges[rangeIndex];
    if (index < range.start) return;
    this.current ??= new MerkleAccumulator();
    this.current.push(leaf);
    if (index + 1 === range.end) {
      this.roots[rangeIndex] = this.current.root();
      this.current = null;
      this.next++;
    }
  }

  /** The proof hashes in proof order; throws if the leaves stopped before the last run ended. */
  proof(): Buffer[] {
    return this.roots.map((root, i) => {
      if (!root) throw new RangeError(`leaves end before proof range [${this.ranges[i].start}, ${this.ranges[i].end})`);
      return root;
    });
  }

  /** MTH of the first `size` leaves; `size` must have been passed as one of `rootsAtSizes`. */
  rootAt(size: number): Buffer {
    const root = this.treeRoots.get(size);
    if (!root) throw new RangeError(`no root recorded at size ${size}`);
    return root;
  }
}

function path(m: number, start: number, end: number, out: LeafRange[]): void {
  const n = end - start;
  if (n === 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    path(m, start, start + k, out);
    out.push({ start: start + k, end });
  } else {
    path(m - k, start + k, end, out);
    out.push({ start, end: start + k });
  }
}

function subproof(m: number, start: number, end: number, b: boolean, out: LeafRange[]): void {
  const n = end - start;
  if (m === n) {
    if (!b) out.push({ start, end });
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(m, start, start + k, b, out);
    out.push({ start: start + k, end });
  } else {
    subproof(m - k, start + k, end, false, out);
    out.push({ start, end: start + k });
  }
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function assertInteger(value: number, min: number, max: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}
