import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { databaseOptions } from '../../src/config/database-options';
import { AuditRepository } from '../../src/modules/audit/audit.repository';
import { AuditSigningKey } from '../../src/modules/audit/audit-signing-key';
import { AuditVerificationService } from '../../src/modules/audit/audit-verification.service';
import { writeSyntheticTrail } from '../../src/modules/audit/bench/synthetic-trail';
import { tamper } from '../support/audit';
import { createTestDatabase, TestDatabase, testDatabaseKinds } from '../support/test-database';

/**
 * Verification at size, in bounded memory. The default is small so the suite stays fast; for the
 * real thing run `AUDIT_BENCH_EVENTS=1000000 npx jest --config test/jest-e2e.config.js audit-bench`
 * or the benchmark `pnpm --filter @village/server audit:bench --events 1000000`, which also reports
 * throughput beside raw SHA-256 and the verifier's peak RSS.
 */
const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 20_000);
const PAGE = 1000;
const CHECKPOINT_EVERY = 1000;

describe.each(testDatabaseKinds())(`verifying ${EVENTS} synthetic events on %s`, (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: AuditVerificationService;
  const villageId = randomUUID();
  const key = AuditSigningKey.generate();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dataSource = await new DataSource(databaseOptions(database.url)).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await writeSyntheticTrail(dataSource, { villageId, events: EVENTS, checkpointEvery: CHECKPOINT_EVERY, key });
    service = new AuditVerificationService(new AuditRepository(dataSource), key, (read) => read(), new Clock(), PAGE);
  }, 600_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('streams the trail a page at a time and verifies every event and checkpoint', async () => {
    const pages: number[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const { report } = await service.run(villageId, {
      onPage: (rows) => {
        pages.push(rows);
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      },
    });
    expect(report).toMatchObject({ ok: true, eventsChecked: EVENTS, lastSeq: EVENTS, checkpointsChecked: EVENTS / CHECKPOINT_EVERY, problem: null });
    expect(report.lastCheckpoint?.treeSize).toBe(EVENTS);
    // Never more than one page of rows in hand: memory does not grow with the trail.
    expect(Math.max(...pages)).toBe(PAGE);
    expect(pages).toHaveLength(Math.floor(EVENTS / PAGE) + 1);
    expect(heapPeak - heapBefore).toBeLessThan(200 * 1024 * 1024);
    process.stdout.write(`${kind}: ${EVENTS} events verified in ${report.durationMs} ms (${Math.round(EVENTS / (report.durationMs / 1000))} events/s)\n`);
  }, 600_000);

  it('finds one edited event deep in the trail at its position', async () => {
    const seq = Math.floor(EVENTS * 0.61);
    const undo = await tamper.editField(dataSource, villageId, seq, 'entity_id', 'tampered');
    try {
      const { report } = await service.run(villageId);
      expect(report).toMatchObject({ ok: false, problem: { kind: 'edited', seq, position: seq } });
    } finally {
      await undo();
    }
  }, 600_000);
});
