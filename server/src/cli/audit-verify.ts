import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from '../config/database-options';
import { AuditRepository } from '../modules/audit/audit.repository';
import { AuditSigningKey } from '../modules/audit/audit-signing-key';
import { AuditVerificationService, type AuditProblem, type VerificationReport } from '../modules/audit/audit-verification.service';

/**
 * `pnpm --filter @village/server audit:verify --village <id or 12-digit code>`
 *   [--public-key <spki.pem>]  check checkpoint signatures with a published key instead of the server's own
 *   [--json]                   print the report as JSON
 *
 * Streams the village's trail from the database in DATABASE_URL (constant memory) and prints a
 * Chinese and an English summary. Exit 0: intact; 2: tampered; 1: could not run.
 */
const USAGE = '用法 usage: audit:verify --village <村编号或 12 位村代码 village id or code> [--public-key <公钥.pem>] [--json]';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_TAMPERED = 2;

export function describeProblemInEnglish(problem: AuditProblem): string {
  const n = problem.seq;
  switch (problem.kind) {
    case 'edited':
      return `event #${n} was modified after it was recorded`;
    case 'missing':
      return `event #${n} (and possibly more) is missing`;
    case 'reordered':
      return `event #${n} is out of place (rows were moved or swapped)`;
    case 'broken_link':
      return `event #${n} does not link to event #${n - 1}`;
    case 'wrong_village':
      return `event #${n} belongs to another village`;
    case 'malformed':
      return `event #${n} is malformed and cannot be checked`;
    case 'truncated':
      return `events from #${n} on were deleted from the end of the trail`;
    case 'head_mismatch':
      return `the end of the trail (around event #${n}) does not match the recorded head`;
    case 'bad_signature':
      return `the checkpoint at event #${n} has an invalid signature (forged or altered)`;
    case 'checkpoint_mismatch':
      return `events up to #${n} do not match the signed checkpoint (rewritten)`;
  }
}

export function summarise(report: VerificationReport, villageLabel: string): string {
  const seconds = (report.durationMs / 1000).toFixed(2);
  const cp = report.lastCheckpoint;
  if (report.ok) {
    return [
      `【通过】${villageLabel}的审计记录完整：校验了 ${report.eventsChecked} 条记录、${report.checkpointsChecked} 个签名检查点` +
        `${cp ? `（最新的覆盖第 1 至 ${cp.treeSize} 条）` : ''}，用时 ${seconds} 秒。`,
      `[OK] audit trail of ${villageLabel} is intact: ${report.eventsChecked} events and ${report.checkpointsChecked} signed checkpoints verified` +
        `${cp ? ` (latest covers events 1-${cp.treeSize})` : ''} in ${seconds} s.`,
    ].join('\n');
  }
  const problem = report.problem as AuditProblem;
  return [
    `【未通过】${villageLabel}的审计记录被篡改：${problem.message}（位置 ${problem.position}，类型 ${problem.kind}）。`,
    `[TAMPERED] audit trail of ${villageLabel}: ${describeProblemInEnglish(problem)} (position ${problem.position}, kind ${problem.kind}).`,
    `  已读取 ${report.eventsChecked} 条记录 / ${report.eventsChecked} events read, ${report.checkpointsChecked} checkpoints checked, ${seconds} s.`,
  ].join('\n');
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The command, callable from tests: returns the exit code and writes through `out` / `err`. */
export async function runAuditVerify(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const villageArg = argument(args, '--village');
  if (!villageArg) {
    err(`${USAGE}\n`);
    return EXIT_ERROR;
  }
  const config = loadConfig(env);
  const publicKeyFile = argument(args, '--public-key');
  const key = publicKeyFile ? AuditSigningKey.fromPublicPem(readFileSync(publicKeyFile, 'utf8')) : AuditSigningKey.existing(config);
  if (!key) {
    err(
      '找不到检查点签名密钥：请设置 AUDIT_SIGNING_KEY，或用 --public-key 指定公钥文件（GET /api/audit/public-key）。\n' +
        'No checkpoint key: set AUDIT_SIGNING_KEY or pass --public-key <file> (from GET /api/audit/public-key).\n',
    );
    return EXIT_ERROR;
  }

  const dataSource = await new DataSource(databaseOptions(config.DATABASE_URL)).initialize();
  try {
    const repo = new AuditRepository(dataSource);
    const village = await repo.findVillage(villageArg);
    if (!village) {
      err(`没有找到村 ${villageArg} / no village with id or code ${villageArg}\n`);
      return EXIT_ERROR;
    }
    // A command-line run has its own connection and reads committed rows only: no in-process queue needed.
    const service = new AuditVerificationService(repo, key, (read) => read(), new Clock());
    const { report } = await service.run(village.id);
    out(args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${summarise(report, `${village.name}（${village.code}）`)}\n`);
    return report.ok ? EXIT_OK : EXIT_TAMPERED;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runAuditVerify(
    process.argv.slice(2),
    process.env,
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`校验没有完成 / verification did not complete: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(EXIT_ERROR);
    },
  );
}
