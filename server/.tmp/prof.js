require('reflect-metadata');
const { DataSource } = require('typeorm');
const { databaseOptions } = require('/work/main/server/dist/config/database-options');
const { AuditRepository } = require('/work/main/server/dist/modules/audit/audit.repository');
const { performance } = require('perf_hooks');
(async () => {
  const file = process.argv[2];
  const ds = await new DataSource(databaseOptions('sqlite:' + file)).initialize();
  const repo = new AuditRepository(ds);
  const [{ village_id }] = await ds.query('SELECT village_id FROM audit_chain_head');
  let t = performance.now(); let after = 0; let n = 0;
  for (;;) { const rows = await repo.chainPage(village_id, { afterSeq: after, upToSeq: 1e9, limit: 1000 }); n += rows.length; if (rows.length < 1000) break; after = rows[rows.length-1].seq; }
  console.log('repo.chainPage', n, (performance.now() - t).toFixed(0), 'ms');
  t = performance.now(); after = 0; n = 0;
  for (;;) { const rows = await ds.query('SELECT * FROM audit_event WHERE village_id = ? AND seq > ? ORDER BY seq LIMIT 1000', [village_id, after]); n += rows.length; if (rows.length < 1000) break; after = rows[rows.length-1].seq; }
  console.log('raw query', n, (performance.now() - t).toFixed(0), 'ms');
  await ds.destroy();
})();
