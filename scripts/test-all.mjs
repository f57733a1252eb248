// Command 2 of the README: every test of every package, then one line "tests: N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, installDependencies, ROOT, run, step } from './lib.mjs';

const RESULTS = join(ROOT, 'artifacts', 'test-results');

/** Each jest run writes a JSON report; counts come from there, not from scraping the console. */
const SUITES = [
  { name: 'shared unit', dir: 'shared', args: [] },
  { name: 'server unit', dir: 'server', args: [] },
  { name: 'server e2e', dir: 'server', args: ['--config', 'test/jest-e2e.config.js'] },
  { name: 'miniapp unit', dir: 'miniapp', args: [] },
  { name: 'miniapp browser', dir: 'miniapp', args: ['--config', 'e2e/jest.config.js'] },
];

/** Checks that are not test runners: each counts as one test, passed or failed. */
const CHECKS = [
  { name: 'typecheck shared', command: 'pnpm', args: ['--filter', '@village/shared', 'typecheck'] },
  { name: 'typecheck server', command: 'pnpm', args: ['--filter', '@village/server', 'typecheck'] },
  { name: 'typecheck miniapp', command: 'pnpm', args: ['--filter', '@village/miniapp', 'typecheck'] },
];

installDependencies();
buildAll({ weapp: true });

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const rows = [];

for (const check of CHECKS) {
  step(check.name);
  const ok = run(check.command, check.args) === 0;
  ok ? (passed += 1) : (failed += 1);
  rows.push([check.name, ok ? 1 : 0, ok ? 0 : 1]);
}

for (const [i, suite] of SUITES.entries()) {
  step(suite.name);
  const out = join(RESULTS, `${i}-${suite.dir}.json`);
  const jest = join(ROOT, suite.dir, 'node_modules', '.bin', 'jest');
  const code = run(jest, [...suite.args, '--ci', '--json', `--outputFile=${out}`], { cwd: join(ROOT, suite.dir) });
  let p = 0;
  let f = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    p = report.numPassedTests;
    // A suite that fails to load has no failed tests of its own but must still count as a failure.
    f = report.numFailedTests + report.numRuntimeErrorTestSuites;
  }
  if (code !== 0 && f === 0) f = 1;
  if (p + f === 0) f = 1; // a runner that ran nothing has not shown anything works
  passed += p;
  failed += f;
  rows.push([suite.name, p, f]);
}

process.stdout.write('\nsummary\n');
for (const [name, p, f] of rows) process.stdout.write(`  ${name.padEnd(20)} ${String(p).padStart(4)} passed ${String(f).padStart(3)} failed\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
