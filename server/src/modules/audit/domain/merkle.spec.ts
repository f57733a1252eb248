import { createHash } from 'node:crypto';
import {
  consistencyProof,
  EMPTY_TREE_ROOT,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const hexes = (bs: readonly Uint8Array[]): string[] => bs.map(hex);
const unhex = (h: string): Buffer => Buffer.from(h, 'hex');

/** The classic Certificate Transparency reference leaves (RFC 6962 test data). */
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);

/** MTH of the first n CT leaves, n = 0..8. */
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** Audit leaves are 32-byte event hashes; fake them deterministically. */
function eventLeaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => createHash('sha256').update(`event-${i}`).digest());
}

function flipByte(b: Uint8Array, at = 0): Buffer {
  const copy = Buffer.from(b);
  copy[at] ^= 0x01;
  return copy;
}

describe('hashing primitives', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    const a = unhex('aa');
    const b = unhex('bb');
    expect(hex(leafHash(a))).toBe(createHash('sha256').update(unhex('00aa')).digest('hex'));
    expect(hex(nodeHash(a, b))).toBe(createHash('sha256').update(unhex('01aabb')).digest('hex'));
  });

  it('the empty tree root is SHA-256 of nothing', () => {
    expect(hex(EMPTY_TREE_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(merkleRoot([]))).toBe(hex(EMPTY_TREE_ROOT));
  });

  it('returns a copy of the empty root, so callers cannot corrupt the constant', () => {
    merkleRoot([]).fill(0);
    new MerkleAccumulator().root().fill(0);
    expect(hex(EMPTY_TREE_ROOT)).toBe(CT_ROOTS[0]);
  });
});

describe('CT reference vectors', () => {
  it.each(CT_ROOTS.map((root, n) => [n, root] as const))('root of the first %i leaves is %s', (n, root) => {
    expect(hex(merkleRoot(CT_LEAVES.slice(0, n)))).toBe(root);
  });

  it('accumulator reaches every reference root as leaves arrive', () => {
    const acc = new MerkleAccumulator();
    expect(hex(acc.root())).toBe(CT_ROOTS[0]);
    CT_LEAVES.forEach((leaf, i) => {
      acc.push(leaf);
      expect(acc.size).toBe(i + 1);
      expect(hex(acc.root())).toBe(CT_ROOTS[i + 1]);
    });
  });

  it.each<[number, number, string[]]>([
    [0, 1, []],
    [0, 2, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7']],
    [1, 2, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d']],
    [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
    [
      1,
      5,
      [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
    [
      0,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      5,
      8,
      [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
  ])('inclusion proof for leaf %i of %i', (index, size, expected) => {
    const leaves = CT_LEAVES.slice(0, size);
    const proof = inclusionProof(leaves, index);
    expect(hexes(proof)).toEqual(expected);
    expect(verifyInclusion(leafHash(leaves[index]), index, size, proof, unhex(CT_ROOTS[size]))).toBe(true);
  });

  it.each<[number, number, string[]]>([
    [1, 1, []],
    [
      1,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      6,
      8,
      [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
    [
      2,
      5,
      [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
  ])('consistency proof from %i to %i', (m, n, expected) => {
    const proof = consistencyProof(CT_LEAVES.slice(0, n), m);
    expect(hexes(proof)).toEqual(expected);
    expect(verifyConsistency(m, n, unhex(CT_ROOTS[m]), unhex(CT_ROOTS[n]), proof)).toBe(true);
  });
});

describe('MerkleAccumulator', () => {
  it('matches merkleRoot for every size 0..70', () => {
    const leaves = eventLeaves(70);
    const acc = new MerkleAccumulator();
    for (let n = 0; n <= 70; n++) {
      expect(acc.size).toBe(n);
      expect(hex(acc.root())).toBe(hex(merkleRoot(leaves.slice(0, n))));
      if (n < 70) acc.push(leaves[n]);
    }
  });

  it('keeps one subtree root per set bit of the size (O(log n) memory)', () => {
    const acc = new MerkleAccumulator();
    for (const leaf of eventLeaves(1000)) acc.push(leaf);
    const stack = (acc as unknown as { stack: unknown[] }).stack;
    expect(stack).toHaveLength((1000).toString(2).replace(/0/g, '').length);
  });

  it('root() does not disturb later pushes', () => {
    const leaves = eventLeaves(9);
    const acc = new MerkleAccumulator();
    leaves.forEach((leaf) => {
      acc.push(leaf);
      acc.root();
    });
    expect(hex(acc.root())).toBe(hex(merkleRoot(leaves)));
  });

  it('depends on leaf order', () => {
    const [a, b, c] = eventLeaves(3);
    expect(hex(merkleRoot([a, b, c]))).not.toBe(hex(merkleRoot([b, a, c])));
  });
});

describe('inclusion proofs, sizes 1..33', () => {
  const all = eventLeaves(33);

  for (let n = 1; n <= 33; n++) {
    it(`every leaf of a ${n}-leaf tree verifies, and tampering fails`, () => {
      const leaves = all.slice(0, n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(leaves, i);
        const lh = leafHash(leaves[i]);
        expect(verifyInclusion(lh, i, n, proof, root)).toBe(true);

        for (let j = 0; j < n; j++) {
          if (j !== i) expect(verifyInclusion(lh, j, n, proof, root)).toBe(false);
        }
        expect(verifyInclusion(lh, n, n, proof, root)).toBe(false);
        expect(verifyInclusion(lh, -1, n, proof, root)).toBe(false);
        expect(verifyInclusion(flipByte(lh), i, n, proof, root)).toBe(false);
        // The leaf bytes themselves are not the leaf hash.
        expect(verifyInclusion(leaves[i], i, n, proof, root)).toBe(false);
        expect(verifyInclusion(lh, i, n, proof, flipByte(root, 31))).toBe(false);
        proof.forEach((_, k) => {
          const bad = proof.map((p, x) => (x === k ? flipByte(p, k % 32) : p));
          expect(verifyInclusion(lh, i, n, bad, root)).toBe(false);
        });
        if (proof.length > 0) expect(verifyInclusion(lh, i, n, proof.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(lh, i, n, [...proof, root], root)).toBe(false);
      }
    });
  }

  it('rejects malformed inputs without throwing', () => {
    const leaves = all.slice(0, 5);
    const root = merkleRoot(leaves);
    const proof = inclusionProof(leaves, 2);
    const lh = leafHash(leaves[2]);
    expect(verifyInclusion(lh, 2, 5, [...proof.slice(0, -1), proof[2].subarray(0, 31)], root)).toBe(false);
    expect(verifyInclusion(lh.subarray(1), 2, 5, proof, root)).toBe(false);
    expect(verifyInclusion(lh, 2, 5, proof, root.subarray(0, 16))).toBe(false);
    expect(verifyInclusion(lh, 2.5, 5, proof, root)).toBe(false);
    expect(verifyInclusion(lh, 0, 0, [], EMPTY_TREE_ROOT)).toBe(false);
  });

  it('refuses to build a proof for an index outside the tree', () => {
    expect(() => inclusionProof(all.slice(0, 4), 4)).toThrow(RangeError);
    expect(() => inclusionProof(all.slice(0, 4), -1)).toThrow(RangeError);
    expect(() => inclusionProof([], 0)).toThrow(RangeError);
  });
});

describe('consistency proofs, 1 ≤ m ≤ n ≤ 33', () => {
  const all = eventLeaves(33);
  const roots = Array.from({ length: 34 }, (_, n) => merkleRoot(all.slice(0, n)));

  for (let n = 1; n <= 33; n++) {
    it(`every m ≤ ${n} verifies, and tampering fails`, () => {
      const leaves = all.slice(0, n);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(leaves, m);
        expect(verifyConsistency(m, n, roots[m], roots[n], proof)).toBe(true);

        expect(verifyConsistency(m, n, flipByte(roots[m]), roots[n], proof)).toBe(false);
        expect(verifyConsistency(m, n, roots[m], flipByte(roots[n]), proof)).toBe(false);
        if (m > 1) expect(verifyConsistency(m - 1, n, roots[m], roots[n], proof)).toBe(false);
        if (m < n) expect(verifyConsistency(m + 1, n, roots[m], roots[n], proof)).toBe(false);
        // No "wrong n" case: RFC 9162 binds n through the signed root, and some sizes share a
        // proof shape (e.g. 2→3 and 2→4), so the same proof can legitimately pass for n + 1.
        proof.forEach((_, k) => {
          const bad = proof.map((p, x) => (x === k ? flipByte(p, k % 32) : p));
          expect(verifyConsistency(m, n, roots[m], roots[n], bad)).toBe(false);
        });
        if (proof.length > 0) expect(verifyConsistency(m, n, roots[m], roots[n], proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(m, n, roots[m], roots[n], [...proof, roots[n]])).toBe(false);
      }
    });
  }

  it('a proof for one old tree does not vouch for a different old tree', () => {
    const forkedRoot = merkleRoot([...all.slice(0, 4), flipByte(all[4])]);
    const proof = consistencyProof(all.slice(0, 9), 5);
    expect(verifyConsistency(5, 9, forkedRoot, roots[9], proof)).toBe(false);
  });

  it('m = n needs an empty proof and equal roots', () => {
    expect(verifyConsistency(7, 7, roots[7], roots[7], [])).toBe(true);
    expect(verifyConsistency(7, 7, roots[7], roots[6], [])).toBe(false);
    expect(verifyConsistency(7, 7, roots[7], roots[7], [roots[7]])).toBe(false);
  });

  it('rejects m = 0, m > n and malformed hashes without throwing', () => {
    expect(verifyConsistency(0, 5, EMPTY_TREE_ROOT, roots[5], [])).toBe(false);
    expect(verifyConsistency(6, 5, roots[6], roots[5], [])).toBe(false);
    expect(verifyConsistency(3, 5, roots[3].subarray(1), roots[5], consistencyProof(all.slice(0, 5), 3))).toBe(false);
    expect(verifyConsistency(3, 5, roots[3], roots[5], [Buffer.alloc(31)])).toBe(false);
  });

  it('refuses to build a proof for m outside 1..n', () => {
    expect(() => consistencyProof(all.slice(0, 4), 0)).toThrow(RangeError);
    expect(() => consistencyProof(all.slice(0, 4), 5)).toThrow(RangeError);
  });
});
