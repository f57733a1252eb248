import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const MINIAPP_DIR = path.resolve(__dirname, '..', '..');
export const REPO_DIR = path.resolve(MINIAPP_DIR, '..');
export const H5_DIR = process.env.VILLAGE_H5_DIR ?? path.join(MINIAPP_DIR, 'dist', 'h5');
export const SERVER_MAIN = process.env.VILLAGE_SERVER_MAIN ?? path.join(REPO_DIR, 'server', 'dist', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  logs: string[];
  /** The server's SQLite file (tests that tamper with the database directly, e.g. the audit trail). */
  databaseFile: string;
  /**
   * Stops the server and starts it again on the same port and database with `env` added — e.g.
   * CLOCK_OFFSET_DAYS to live through a 7-day 公示期 in one run. The page's origin stays the same.
   */
  restart: (env: Record<string, string>) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts `node server/dist/main.js` on a free port with a fresh SQLite file; waits for /api/health. */
export async function startServer(): Promise<RunningServer> {
  for (const [what, file] of [
    ['server build (pnpm --filter @village/server build)', SERVER_MAIN],
    ['H5 build (pnpm --filter @village/miniapp build:h5)', path.join(H5_DIR, 'index.html')],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`Missing ${what}: ${file}`);
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'village-e2e-'));
  // Serve a copy of the H5 build: a rebuild of dist/h5 during the run (another terminal, watch
  // mode) would otherwise swap the hashed chunks under the browser ("Loading chunk … failed").
  const h5Copy = path.join(dataDir, 'h5');
  fs.cpSync(H5_DIR, h5Copy, { recursive: true });
  const logs: string[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  const baseEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite:${path.join(dataDir, 'village.sqlite')}`,
    H5_DIR: h5Copy,
    // Links the server writes (attachment URLs, share links, QR codes) point at this server.
    PUBLIC_BASE_URL: baseUrl,
  };
  let child = await launch(baseEnv, baseUrl, logs).catch((err) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });

  const stop = async () => {
    await child.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const restart = async (env: Record<string, string>) => {
    await child.stop();
    try {
      child = await launch({ ...baseEnv, ...env }, baseUrl, logs);
    } catch (err) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  };
  return { baseUrl, logs, databaseFile: path.join(dataDir, 'village.sqlite'), restart, stop };
}

/** One server process, answered once /api/health answers (within 60 s); `stop` sends SIGTERM, then SIGKILL after 5 s. */
async function launch(env: NodeJS.ProcessEnv, baseUrl: string, logs: string[]): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], { cwd: path.dirname(path.dirname(SERVER_MAIN)), env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (b: Buffer) => logs.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => logs.push(b.toString()));
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const stop = async () => {
    if (exited === null && child.pid) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`Server exited with code ${exited} before it was ready:\n${logs.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return { stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Server did not answer /api/health within 60 s:\n${logs.join('')}`);
}
