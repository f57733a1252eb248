import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FieldCipher } from '../../src/common/crypto/field-cipher';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/** The built server as an operator starts it: `node server/dist/main.js`. */
describe('server process', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "pnpm --filter @village/server build" first`);
    dir = mkdtempSync(join(tmpdir(), 'village-proc-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start on bad configuration, naming each problem in Chinese', async () => {
    const proc = run({ PORT: 'eighty', DATABASE_URL: 'postgres://nope' });
    expect(await proc.exit).toBe(78);
    expect(proc.output()).toContain('配置有误，服务没有启动');
    expect(proc.output()).toContain('PORT 必须是整数');
    expect(proc.output()).toContain('DATABASE_URL 必须是');
  });

  it('starts on an empty SQLite file, migrates, seeds, serves, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const proc = run({ PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'new', 'village.sqlite')}`, H5_DIR: dir });
    let body: { name?: string } = {};
    for (let i = 0; i < 100 && !body.name; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      body = await fetch(`http://127.0.0.1:${port}/api/villages/current`)
        .then((r) => (r.ok ? r.json() : {}))
        .catch(() => ({}));
    }
    expect(body.name).toBe('土岭底村');
    expect(existsSync(join(dir, 'new', 'village.sqlite'))).toBe(true);

    proc.child.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
    expect(proc.output()).toContain('SIGTERM received');
  });

  it('never writes phone, ID number, tokens or the WeChat session key to its log, even at trace level', async () => {
    const port = await freePort();
    const file = join(dir, 'logs', 'village.sqlite');
    const key = randomBytes(32);
    const proc = run({
      PORT: String(port),
      DATABASE_URL: `sqlite:${file}`,
      H5_DIR: dir,
      LOG_LEVEL: 'trace',
      FIELD_ENCRYPTION_KEY: key.toString('base64'),
      KEYS_DIR: join(dir, 'keys'),
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    }
    const login = (await (
      await fetch(`${base}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'household_rep' }),
      })
    ).json()) as { accessToken: string; refreshToken: string; me: { resident: { id: string } } };

    const phone = '13987654321';
    const idNumber = '14043119680215123X';
    const cipher = new FieldCipher(key);
    const db = new Database(file);
    db.prepare('UPDATE resident SET phone_enc = ?, id_number_enc = ? WHERE id = ?').run(
      cipher.encrypt(phone),
      cipher.encrypt(idNumber),
      login.me.resident.id,
    );
    db.close();

    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${login.accessToken}` } });
    const body = await me.text();
    expect(me.status).toBe(200);
    expect(body).toContain('139****4321');
    proc.child.kill('SIGTERM');
    await proc.exit;

    const log = proc.output();
    expect(log).toContain('"url":"/api/me"'); // the request was logged …
    for (const secret of [phone, idNumber, login.accessToken, login.refreshToken, 'session_key', 'sessionKey']) {
      expect(log).not.toContain(secret); // … but nothing personal or secret with it
    }
    expect(body).not.toContain(phone);
    expect(body).not.toContain(idNumber);
  });
});
