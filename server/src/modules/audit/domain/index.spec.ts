import {
  AuditChainRow,
  AuditEventContent,
  ChainVerifier,
  CheckpointStatement,
  consistencyProof,
  GENESIS_HASH,
  generateSigningKeyPair,
  hashEvent,
  hashHexToBytes,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  signCheckpoint,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from './index';

/** The whole flow through the public API: append, verify while streaming, checkpoint, prove. */
describe('audit domain, end to end', () => {
  const village = 'v-009';
  const rows: AuditChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= 25; seq++) {
    const content: AuditEventContent = {
      villageId: village,
      seq,
      occurredAt: new Date(Date.UTC(2024, 0, 1) + seq * 60_000).toISOString(),
      actorId: 'u-1',
      actorRole: 'accountant',
      action: 'ledger.entry.posted',
      entityType: 'ledger_entry',
      entityId: `le-${seq}`,
      before: null,
      after: { amountFen: seq * 1000, memo: '办公用品' },
      correlationId: null,
    };
    const hash = hashEvent(prevHash, content);
    rows.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  const leaves = rows.map((row) => hashHexToBytes(row.hash));

  function streamCheckpoint(upTo: number, createdAt: string): CheckpointStatement {
    const verifier = new ChainVerifier(village);
    const acc = new MerkleAccumulator();
    for (const row of rows.slice(0, upTo)) {
      verifier.push(row);
      acc.push(hashHexToBytes(row.hash));
    }
    const verdict = verifier.finish();
    if (!verdict.ok) throw new Error(verdict.problem.message);
    return {
      villageId: village,
      treeSize: acc.size,
      rootHash: acc.root().toString('hex'),
      lastSeq: verdict.lastSeq,
      headHash: verdict.headHash,
      createdAt,
    };
  }

  it('signs a checkpoint whose root and head a later verification can rely on', () => {
    const { privateKey, publicKey } = generateSigningKeyPair();
    const older = streamCheckpoint(10, '2024-01-02T00:00:00.000Z');
    const newer = streamCheckpoint(25, '2024-01-03T00:00:00.000Z');
    const signature = signCheckpoint(newer, privateKey);
    expect(verifyCheckpoint(newer, signature, publicKey)).toBe(true);
    expect(newer.rootHash).toBe(merkleRoot(leaves).toString('hex'));

    // A villager holding the notice can check one event is in it.
    const proof = inclusionProof(leaves, 6);
    expect(verifyInclusion(leafHash(leaves[6]), 6, newer.treeSize, proof, Buffer.from(newer.rootHash, 'hex'))).toBe(true);

    // And that the newer notice extends the older one rather than rewriting it.
    const consistency = consistencyProof(leaves, older.treeSize);
    const oldRoot = Buffer.from(older.rootHash, 'hex');
    const newRoot = Buffer.from(newer.rootHash, 'hex');
    expect(verifyConsistency(older.treeSize, newer.treeSize, oldRoot, newRoot, consistency)).toBe(true);

    // Re-verifying the stored rows against the signed head catches a cut tail.
    const verifier = new ChainVerifier(village);
    rows.slice(0, 22).forEach((row) => verifier.push(row));
    expect(verifier.finish({ lastSeq: newer.lastSeq, headHash: newer.headHash })).toMatchObject({
      ok: false,
      problem: { kind: 'truncated', message: '最后 3 条记录被删除' },
    });
  });
});
