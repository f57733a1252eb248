require('reflect-metadata');
const { DataSource } = require('typeorm');
const { databaseOptions } = require('../dist/config/database-options');
const { AuditRepository } = require('../dist/modules/audit/audit.repository');
const { ChainVerifier, MerkleAccumulator, hashHexToBytes, hashEvent } = require('../dist/modules/audit/domain');
const { performance } = require('perf_hooks');
(async () => {
  const ds = await new DataSource(databaseOptions('sqlite:' + process.argv[2])).initialize();
  const repo = new AuditRepository(ds);
  const [{ village_id }] = await ds.query('SELECT village_id FROM audit_chain_head');
  const all = [];
  let after = 0;
  for (;;) { const rows = await repo.chainPage(village_id, { afterSeq: after, upToSeq: 1e9, limit: 1000 }); all.push(...rows); if (rows.length < 1000) break; after = rows[rows.length-1].seq; }
  let t = performance.now();
  for (const r of all) hashEvent(r.prevHash, r);
  console.log('hashEvent only', (performance.now() - t).toFixed(0));
  t = performance.now();
  const v = new ChainVerifier(village_id); const acc = new MerkleAccumulator();
  for (const r of all) { v.push(r); acc.push(hashHexToBytes(r.hash)); }
  console.log('verifier+merkle', (performance.now() - t).toFixed(0), v.finish().ok);
  t = performance.now();
  for (const r of all) { JSON.parse(JSON.stringify(r.after)); }
  console.log('json roundtrip', (performance.now() - t).toFixed(0));
  await ds.destroy();
})();
