import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { databaseOptions } from '../config/database-options';
import { AuditRepository } from '../modules/audit/audit.repository';
import { AuditSigningKey } from '../modules/audit/audit-signing-key';
import { AuditVerificationService, DEFAULT_PAGE_SIZE, type VerificationReport } from '../modules/audit/audit-verification.service';
import { writeSyntheticTrail, type SyntheticTrailStats } from '../modules/audit/bench/synthetic-trail';

/**
 * `pnpm --filter @village/server audit:bench [--events 1000000] [--checkpoint-every 100] [--page-size 1000]
 *   [--heap-limit-mb 96] [--keep]`
 *
 * Writes a synthetic trail into a temporary SQLite file (batched raw INSERTs, signed checkpoints),
 * then verifies it in a fresh child process — so the child's peak RSS is the verifier's alone — and
 * prints events/s beside raw SHA-256 throughput over exactly the bytes the event hashes cover.
 */
interface VerifyChildResult {
  report: VerificationReport;
  pages: number;
  largestPage: number;
  rssBeforeMb: number;
  peakRssMb: number;
  maxRssMb: number;
  peakHeapMb: number;
  /** Heap still in use right after a full GC, sampled every 10 pages: what the verifier really holds. */
  liveHeapMinMb: number;
  liveHeapMaxMb: number;
}

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} 必须是正整数 / must be a positive integer`);
  return value;
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

function bulkSha256MbPerSecond(): number {
  const buffer = Buffer.alloc(64 * 1048576, 7);
  const started = performance.now();
  createHash('sha256').update(buffer).digest();
  return 64 / ((performance.now() - started) / 1000);
}

async function generate(): Promise<void> {
  const events = argument('--events', 100_000);
  const checkpointEvery = argument('--checkpoint-every', 100);
  const pageSize = argument('--page-size', DEFAULT_PAGE_SIZE);
  // The verifier runs with a small heap cap: if its memory grew with the trail, a large run would die.
  const heapLimitMb = argument('--heap-limit-mb', 96);
  const dir = mkdtempSync(join(tmpdir(), 'village-audit-bench-'));
  const file = join(dir, 'bench.sqlite');
  const key = AuditSigningKey.generate();
  const villageId = randomUUID();

  process.stdout.write(`生成 ${events} 条模拟审计记录 / generating ${events} synthetic events into ${file}\n`);
  const dataSource = await new DataSource(databaseOptions(`sqlite:${file}`)).initialize();
  let stats: SyntheticTrailStats;
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    let nextReport = 0;
    stats = await writeSyntheticTrail(dataSource, {
      villageId,
      events,
      checkpointEvery,
      key,
      onProgress: (written) => {
        if (written >= nextReport) {
          process.stdout.write(`  ${written}\n`);
          nextReport += Math.max(100_000, Math.ceil(events / 10));
        }
      },
    });
  } finally {
    await dataSource.destroy();
  }

  const child = await new Promise<VerifyChildResult>((resolve, reject) => {
    const proc = fork(__filename, ['--verify-child', file, villageId, String(pageSize)], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--expose-gc', `--max-old-space-size=${heapLimitMb}`],
    });
    proc.once('message', (message) => resolve(message as VerifyChildResult));
    proc.once('error', reject);
    proc.once('exit', (code) => {
      if (code !== 0) reject(new Error(`verifier exited with ${code}`));
    });
    proc.send({ publicKeyPem: key.publicKeyPem });
  });

  const { report } = child;
  const seconds = report.durationMs / 1000;
  const eventsPerSecond = Math.round(report.eventsChecked / seconds);
  const shaMbPerSecond = stats.hashedBytes / 1048576 / (stats.sha256Ms / 1000);
  const shaEventsPerSecond = Math.round(events / (stats.sha256Ms / 1000));
  const lines = [
    '',
    `校验结果 / verdict: ${report.ok ? '通过 OK' : `未通过 ${JSON.stringify(report.problem)}`}`,
    `events                 ${report.eventsChecked}  (checkpoints verified: ${report.checkpointsChecked})`,
    `database file          ${mb(statSync(file).size)} MB`,
    `verify time            ${seconds.toFixed(2)} s  →  ${eventsPerSecond} events/s`,
    `raw SHA-256, same bytes ${mb(stats.hashedBytes)} MB in ${(stats.sha256Ms / 1000).toFixed(2)} s  →  ${shaMbPerSecond.toFixed(0)} MB/s, ${shaEventsPerSecond} events/s`,
    `verifier / raw SHA-256 ${(eventsPerSecond / shaEventsPerSecond * 100).toFixed(1)} %`,
    `SHA-256 in bulk        ${bulkSha256MbPerSecond().toFixed(0)} MB/s over one 64 MB buffer (no per-event call overhead)`,
    `pages read             ${child.pages} (largest ${child.largestPage} rows)`,
    `verifier process RSS   ${child.rssBeforeMb} MB before, peak ${child.peakRssMb} MB sampled per page, max RSS ${child.maxRssMb} MB`,
    `verifier heap          cap ${heapLimitMb} MB; peak ${child.peakHeapMb} MB; live after GC ${child.liveHeapMinMb}–${child.liveHeapMaxMb} MB (every 10 pages)`,
    `generation             ${(stats.writeMs / 1000).toFixed(1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.argv.includes('--keep')) process.stdout.write(`kept ${file}\n`);
  else rmSync(dir, { recursive: true, force: true });
  if (!report.ok) process.exitCode = 2;
}

/** The child: opens the file and verifies it, sampling memory after every page. */
async function verifyChild(file: string, villageId: string, pageSize: number): Promise<void> {
  const { publicKeyPem } = await new Promise<{ publicKeyPem: string }>((resolve) =>
    process.once('message', (message) => resolve(message as { publicKeyPem: string })),
  );
  const dataSource = await new DataSource(databaseOptions(`sqlite:${file}`)).initialize();
  try {
    const key = AuditSigningKey.fromPublicPem(publicKeyPem);
    const service = new AuditVerificationService(new AuditRepository(dataSource), key, (read) => read(), new Clock(), pageSize);
    const rssBefore = process.memoryUsage().rss;
    let pages = 0;
    let largestPage = 0;
    let peakRss = rssBefore;
    let peakHeap = process.memoryUsage().heapUsed;
    let liveMin = Number.POSITIVE_INFINITY;
    let liveMax = 0;
    const gc = (globalThis as { gc?: () => void }).gc;
    const { report } = await service.run(villageId, {
      onPage: (rows) => {
        pages++;
        if (gc && pages % 10 === 0) {
          gc();
          const live = process.memoryUsage().heapUsed;
          liveMin = Math.min(liveMin, live);
          liveMax = Math.max(liveMax, live);
        }
        largestPage = Math.max(largestPage, rows);
        const usage = process.memoryUsage();
        peakRss = Math.max(peakRss, usage.rss);
        peakHeap = Math.max(peakHeap, usage.heapUsed);
      },
    });
    const result: VerifyChildResult = {
      report,
      pages,
      largestPage,
      rssBeforeMb: mb(rssBefore),
      peakRssMb: mb(peakRss),
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      peakHeapMb: mb(peakHeap),
      liveHeapMinMb: liveMax === 0 ? 0 : mb(liveMin),
      liveHeapMaxMb: mb(liveMax),
    };
    await new Promise<void>((resolve) => process.send?.(result, () => resolve()));
  } finally {
    await dataSource.destroy();
  }
}

const childArgs = process.argv.indexOf('--verify-child');
const run = childArgs >= 0 ? verifyChild(process.argv[childArgs + 1], process.argv[childArgs + 2], Number(process.argv[childArgs + 3])) : generate();
run.then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
