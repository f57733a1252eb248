import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1 Merkle tree (the Certificate Transparency v2 tree, same hashing as RFC 6962).
 * The leaf bytes of audit event i are the 32 raw bytes of its `hash`. The 0x00/0x01 prefixes keep
 * a leaf from ever being passed off as an inner node (second-preimage resistance).
 *
 *   MTH({})       = SHA-256()
 *   MTH({d0})     = SHA-256(0x00 || d0)
 *   MTH(D[n])     = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   k = largest power of 2 < n
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
const HASH_SIZE = 32;

/** MTH of the empty tree: SHA-256 of no bytes. */
export const EMPTY_TREE_ROOT: Buffer = createHash('sha256').digest();

export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return Buffer.from(EMPTY_TREE_ROOT);
  return subtreeRoot(leaves.map(leafHash), 0, leaves.length);
}

/**
 * Running root over leaves pushed one at a time, holding only the roots of the perfect subtrees
 * that make up the tree so far (one per set bit of `size`), so a verifier can stream a million
 * events in O(log n) memory.
 */
export class MerkleAccumulator {
  /** Perfect subtree roots, left to right; heights strictly decreasing. */
  private readonly stack: { height: number; hash: Buffer }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(leaf: Uint8Array): void {
    let node = { height: 0, hash: leafHash(leaf) };
    // Two perfect subtrees of the same height always merge: that is how MTH splits the leaves.
    for (let top = this.stack.at(-1); top && top.height === node.height; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { height: node.height + 1, hash: nodeHash(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Buffer {
    if (this.stack.length === 0) return Buffer.from(EMPTY_TREE_ROOT);
    // The leftmost subtree covers the largest power of two < size, so folding right to left
    // reproduces MTH's recursive split exactly.
    let acc = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = nodeHash(this.stack[i].hash, acc);
    return acc;
  }
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the audit path for leaf `index`, from the leaf upwards. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Buffer[] {
  assertIndex(index, 0, leaves.length - 1, 'index');
  const hashes = leaves.map(leafHash);
  const proof: Buffer[] = [];
  path(hashes, index, 0, hashes.length, proof);
  return proof;
}

/**
 * RFC 9162 §2.1.3.2. `leafHashValue` is the leaf *hash* (use `leafHash(eventHashBytes)`), not the
 * leaf bytes: both are 32 bytes here, so accepting either would be ambiguous.
 */
export function verifyInclusion(
  leafHashValue: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  if (!isHash(leafHashValue) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHashValue);
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) for 1 ≤ m ≤ n; empty when m = n. */
export function consistencyProof(leaves: readonly Uint8Array[], m: number): Buffer[] {
  assertIndex(m, 1, leaves.length, 'm');
  const hashes = leaves.map(leafHash);
  const proof: Buffer[] = [];
  subproof(hashes, m, 0, hashes.length, true, proof);
  return proof;
}

/**
 * RFC 9162 §2.1.4.2 for 1 ≤ m ≤ n. For m = n the proof must be empty and the roots equal (the
 * RFC's algorithm covers only m < n). Consistency from the empty tree (m = 0) is trivially true
 * and proves nothing, so it is rejected here rather than silently accepted.
 */
export function verifyConsistency(
  m: number,
  n: number,
  rootM: Uint8Array,
  rootN: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isCount(m) || !isCount(n) || m < 1 || m > n) return false;
  if (!isHash(rootM) || !isHash(rootN) || !proof.every(isHash)) return false;
  if (m === n) return proof.length === 0 && Buffer.from(rootM).equals(rootN);
  if (proof.length === 0) return false;

  const path = isPowerOfTwo(m) ? [rootM, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(rootM) && sr.equals(rootN);
}

function subtreeRoot(hashes: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 1) return hashes[start];
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(subtreeRoot(hashes, start, start + k), subtreeRoot(hashes, start + k, end));
}

function path(hashes: readonly Buffer[], m: number, start: number, end: number, out: Buffer[]): void {
  const n = end - start;
  if (n === 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    path(hashes, m, start, start + k, out);
    out.push(subtreeRoot(hashes, start + k, end));
  } else {
    path(hashes, m - k, start + k, end, out);
    out.push(subtreeRoot(hashes, start, start + k));
  }
}

function subproof(hashes: readonly Buffer[], m: number, start: number, end: number, b: boolean, out: Buffer[]): void {
  const n = end - start;
  if (m === n) {
    if (!b) out.push(subtreeRoot(hashes, start, end));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(hashes, m, start, start + k, b, out);
    out.push(subtreeRoot(hashes, start + k, end));
  } else {
    subproof(hashes, m - k, start + k, end, false, out);
    out.push(subtreeRoot(hashes, start, start + k));
  }
}

/** Largest power of two strictly less than n (n ≥ 2). */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// Arithmetic rather than bitwise operators: `>>` and `&` truncate to 32 bits.
function half(x: number): number {
  return Math.floor(x / 2);
}

function isOdd(x: number): boolean {
  return x % 2 === 1;
}

function isPowerOfTwo(x: number): boolean {
  return x >= 1 && largestPowerOfTwoBelow(x + 1) === x;
}

function isCount(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

function isHash(x: Uint8Array): boolean {
  return x instanceof Uint8Array && x.length === HASH_SIZE;
}

function assertIndex(value: number, min: number, max: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}
