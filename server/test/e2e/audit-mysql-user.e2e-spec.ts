import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConnection, type Connection } from 'mysql2/promise';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { AuditCheckpointService } from '../../src/modules/audit/audit-checkpoint.service';
import { FakeWechatServer } from '../../src/modules/wechat/fake/fake-wechat-server';
import { generateSigningKeyPair, privateKeyPem } from '../../src/modules/audit/domain';
import { bearer, loginAs } from '../support/auth';
import { splitSqlScript } from '../support/sql-script';
import { startTestApp, TEST_WECHAT, TestApp } from '../support/test-app';

const SCRIPT = join(__dirname, '..', '..', 'sql', 'app-user.sql');
const MYSQL_URL = process.env.TEST_MYSQL_URL;

/** What CI must grant the test user (as root) so this suite can create a restricted user. */
const CI_GRANTS =
  "GRANT CREATE USER ON *.* TO 'village_test'@'…'; GRANT ALL PRIVILEGES ON `village\\_test%`.* TO 'village_test'@'…' WITH GRANT OPTION;";

/**
 * docs/deploy.md's hardening, tested: server/sql/app-user.sql creates an application user that can
 * run the whole app, but whose UPDATE, DELETE, TRUNCATE or DROP on the audit tables the database
 * itself refuses. Migrations run as the owner (the test user); the app then runs as the restricted user.
 */
(MYSQL_URL ? describe : describe.skip)('MySQL application user without UPDATE/DELETE on the audit trail', () => {
  const appUser = `village_app_${randomBytes(4).toString('hex')}`;
  const appPassword = randomBytes(12).toString('hex');
  const auditKey = privateKeyPem(generateSigningKeyPair().privateKey);
  let owner: TestApp;
  let app: NestExpressApplication;
  // Passed in explicitly: app.close() does not stop the fake that createApp starts for 'fake'.
  const wechat = new FakeWechatServer(TEST_WECHAT);
  let http: ReturnType<typeof request>;
  let asApp: Connection;
  let database: string;

  beforeAll(async () => {
    const admin = await createConnection({ uri: MYSQL_URL });
    try {
      const grants = ((await admin.query('SHOW GRANTS'))[0] as Record<string, string>[]).map((row) => Object.values(row)[0]).join('\n');
      if (!/CREATE USER/.test(grants) || !/village\\+_test%.*WITH GRANT OPTION/.test(grants)) {
        throw new Error(`the TEST_MYSQL_URL user cannot create users or grant rights; CI must run as root: ${CI_GRANTS}\n${grants}`);
      }
    } finally {
      await admin.end();
    }

    owner = await startTestApp('mysql', { AUDIT_SIGNING_KEY: auditKey });
    const ownerUrl = new URL(owner.database.url);
    database = ownerUrl.pathname.slice(1);

    const setup = await createConnection({ uri: owner.database.url });
    try {
      await setup.query('SET @app_user = ?, @app_host = ?, @app_password = ?', [appUser, '%', appPassword]);
      for (const statement of splitSqlScript(readFileSync(SCRIPT, 'utf8'))) await setup.query(statement);
      // Re-running after a release must be harmless.
      for (const statement of splitSqlScript(readFileSync(SCRIPT, 'utf8'))) await setup.query(statement);
    } finally {
      await setup.end();
    }

    const appUrl = new URL(owner.database.url);
    appUrl.username = appUser;
    appUrl.password = appPassword;
    asApp = await createConnection({ uri: appUrl.toString() });
    app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: appUrl.toString(),
        MIGRATIONS_RUN: 'false',
        LOG_LEVEL: 'silent',
        H5_DIR: mkdtempSync(join(tmpdir(), 'village-h5-')),
        KEYS_DIR: mkdtempSync(join(tmpdir(), 'village-keys-')),
        AUDIT_SIGNING_KEY: auditKey,
        AUDIT_CHECKPOINT_EVERY: '3',
        AUDIT_CHECKPOINT_NOTICES: 'false',
        WECHAT_API_BASE: await wechat.listen(),
        WECHAT_APP_ID: TEST_WECHAT.appId,
        WECHAT_APP_SECRET: TEST_WECHAT.appSecret,
      }),
    );
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    await wechat.close();
    await asApp?.end();
    await owner?.close();
    if (MYSQL_URL) {
      const admin = await createConnection({ uri: MYSQL_URL });
      await admin.query(`DROP USER IF EXISTS '${appUser}'@'%'`);
      await admin.end();
    }
  });

  it('runs the app: sign-in, audited changes, automatic and manual checkpoints, verification', async () => {
    const t = { http } as TestApp;
    const secretary = await loginAs(t, 'secretary');
    const supervisor = await loginAs(t, 'supervisor');
    const [{ n: before }] = (await asApp.query('SELECT COUNT(*) AS n FROM audit_event'))[0] as { n: number }[];
    const residents = (await asApp.query("SELECT id FROM resident WHERE status = 'active' ORDER BY id LIMIT 4"))[0] as { id: string }[];
    for (const r of residents) await http.post(`/api/residents/${r.id}/binding-codes`).set(...bearer(secretary)).expect(201);
    await app.get(AuditCheckpointService).settled();

    const [{ n: after }] = (await asApp.query('SELECT COUNT(*) AS n FROM audit_event'))[0] as { n: number }[];
    expect(Number(after)).toBe(Number(before) + 4);
    const [[{ n: checkpoints }]] = (await asApp.query('SELECT COUNT(*) AS n FROM audit_checkpoint')) as [{ n: number }[], unknown];
    expect(Number(checkpoints)).toBeGreaterThanOrEqual(1);
    await http.post('/api/audit/checkpoints').set(...bearer(supervisor)).expect((res) => expect([200, 201]).toContain(res.status));
    const verdict = await http.get('/api/audit/verify').set(...bearer(supervisor)).expect(200);
    expect(verdict.body).toMatchObject({ ok: true, eventsChecked: Number(after) });
  });

  it.each([
    ['UPDATE audit_event', "UPDATE audit_event SET action = 'x.forged' WHERE seq = 1"],
    ['DELETE FROM audit_event', 'DELETE FROM audit_event WHERE seq = 1'],
    ['TRUNCATE audit_event', 'TRUNCATE TABLE audit_event'],
    ['DROP audit_event', 'DROP TABLE audit_event'],
    ['UPDATE audit_checkpoint', "UPDATE audit_checkpoint SET signature = 'x'"],
    ['DELETE FROM audit_checkpoint', 'DELETE FROM audit_checkpoint'],
    ['DELETE FROM audit_chain_head', 'DELETE FROM audit_chain_head'],
    ['ALTER audit_event', 'ALTER TABLE audit_event ADD COLUMN x INT'],
  ])('the database refuses %s to the application user', async (_, sql) => {
    await expect(asApp.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/^ER_(TABLEACCESS|DBACCESS)_DENIED_ERROR$/) });
  });

  it('still lets it read and append to the trail and change ordinary tables', async () => {
    await expect(asApp.query('SELECT COUNT(*) FROM audit_event')).resolves.toBeDefined();
    await expect(asApp.query("UPDATE household SET address = address WHERE id = 'none'")).resolves.toBeDefined();
    const [grants] = (await asApp.query('SHOW GRANTS')) as [Record<string, string>[], unknown];
    const text = grants.map((row) => Object.values(row)[0]).join('\n');
    expect(text).toContain(`GRANT SELECT, INSERT ON \`${database}\`.\`audit_event\``);
    expect(text).toContain(`GRANT SELECT, INSERT ON \`${database}\`.\`audit_checkpoint\``);
    expect(text).not.toMatch(new RegExp(`ON \\\`${database}\\\`\\.\\*`));
  });
});
