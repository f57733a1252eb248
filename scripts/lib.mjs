// Helpers for the two README commands. Plain Node (no dependencies): they run before anything is installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function step(title) {
  process.stdout.write(`\n▶ ${title}\n`);
}

/** Runs a command with inherited output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) {
    process.stderr.write(`${command}: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

export function mustRun(command, args, options = {}) {
  const code = run(command, args, options);
  if (code !== 0) {
    process.stderr.write(`\n✖ ${command} ${args.join(' ')} failed (exit ${code})\n`);
    process.exit(code);
  }
}

function pinnedPnpm() {
  const { packageManager } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return packageManager.split('@')[1];
}

/** pnpm at the version pinned in package.json, installed globally with npm when missing or different. */
export function ensurePnpm() {
  const wanted = pinnedPnpm();
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() === wanted) return;
  step(`installing pnpm ${wanted}`);
  mustRun('npm', ['install', '--global', `pnpm@${wanted}`]);
}

/** Installs the workspace exactly as locked; fast when nothing changed. */
export function installDependencies() {
  ensurePnpm();
  step('installing dependencies (pnpm install --frozen-lockfile)');
  mustRun('pnpm', ['install', '--frozen-lockfile']);
}

export function buildAll({ weapp }) {
  step('building shared, server and the H5 mini-program');
  mustRun('pnpm', ['--filter', '@village/shared', 'build']);
  mustRun('pnpm', ['--filter', '@village/server', 'build']);
  mustRun('pnpm', ['--filter', '@village/miniapp', 'build:h5']);
  if (weapp) {
    step('building the weapp package');
    mustRun('pnpm', ['--filter', '@village/miniapp', 'build:weapp']);
  }
}
