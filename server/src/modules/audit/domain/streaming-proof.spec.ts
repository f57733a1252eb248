import { createHash } from 'node:crypto';
import { consistencyProof, inclusionProof, merkleRoot, verifyConsistency, verifyInclusion, leafHash } from './merkle';
import { consistencyProofRanges, inclusionProofRanges, StreamingProofBuilder } from './streaming-proof';

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => createHash('sha256').update(`event ${i}`).digest());
const hexes = (bs: readonly Uint8Array[]): string[] => bs.map((b) => Buffer.from(b).toString('hex'));

function stream(all: readonly Buffer[], upTo: number, builder: StreamingProofBuilder): StreamingProofBuilder {
  for (const leaf of all.slice(0, upTo)) builder.push(leaf);
  return builder;
}

describe('streaming proofs agree with the in-memory reference', () => {
  const all = leaves(70);

  it.each([1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 70])('inclusion, every leaf of a %i-leaf tree', (n) => {
    for (let index = 0; index < n; index++) {
      const builder = stream(all, n, new StreamingProofBuilder(inclusionProofRanges(index, n), [n]));
      const proof = builder.proof();
      expect(hexes(proof)).toEqual(hexes(inclusionProof(all.slice(0, n), index)));
      expect(builder.rootAt(n).equals(merkleRoot(all.slice(0, n)))).toBe(true);
      expect(verifyInclusion(leafHash(all[index]), index, n, proof, builder.rootAt(n))).toBe(true);
    }
  });

  it.each([1, 2, 3, 7, 8, 9, 16, 17, 33, 70])('consistency, every m ≤ %i', (n) => {
    for (let m = 1; m <= n; m++) {
      const builder = stream(all, n, new StreamingProofBuilder(consistencyProofRanges(m, n), [m, n]));
      const proof = builder.proof();
      expect(hexes(proof)).toEqual(hexes(consistencyProof(all.slice(0, n), m)));
      expect(verifyConsistency(m, n, builder.rootAt(m), builder.rootAt(n), proof)).toBe(true);
    }
  });

  it('ignores leaves beyond the last range and keeps only one run open', () => {
    const builder = new StreamingProofBuilder(inclusionProofRanges(0, 4));
    for (const leaf of all.slice(0, 10)) builder.push(leaf);
    expect(builder.size).toBe(10);
    expect(hexes(builder.proof())).toEqual(hexes(inclusionProof(all.slice(0, 4), 0)));
  });

  it('says so when the leaves stop early', () => {
    const builder = stream(all, 5, new StreamingProofBuilder(inclusionProofRanges(0, 8), [8]));
    expect(() => builder.proof()).toThrow(RangeError);
    expect(() => builder.rootAt(8)).toThrow(RangeError);
  });

  it('refuses impossible positions and overlapping ranges', () => {
    expect(() => inclusionProofRanges(4, 4)).toThrow(RangeError);
    expect(() => inclusionProofRanges(0, 0)).toThrow(RangeError);
    expect(() => consistencyProofRanges(0, 3)).toThrow(RangeError);
    expect(() => consistencyProofRanges(4, 3)).toThrow(RangeError);
    expect(() => new StreamingProofBuilder([{ start: 0, end: 4 }, { start: 2, end: 6 }])).toThrow(/overlap/);
  });
});
