import { createHash } from 'node:crypto';
import type { MatterFile } from '@village/shared';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { MediaCheckService, type MediaCheckVerdict } from '../../src/modules/wechat/media-check.service';
import { fakeOpenId } from '../../src/modules/wechat/fake/fake-wechat-server';
import { bearer, loginAs } from '../support/auth';
import { startTestAppWithPush, TEST_PUSH_TOKEN } from '../support/media-check';
import { FILES } from '../support/notices';
import type { TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const PURPOSE = 'e2e_photo';

function signed(token = TEST_PUSH_TOKEN, timestamp = String(Math.floor(Date.now() / 1000)), nonce = '12345'): Record<string, string> {
  const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
  return { signature, timestamp, nonce };
}

describe.each(testDatabaseKinds())('WeChat media check (mediaCheckAsync + 消息推送) on %s', (kind) => {
  let t: TestApp & { baseUrl: string };
  let checks: MediaCheckService;
  let villageId: string;
  /** What the registered handler saw, in order. */
  const applied: { subjectId: string; verdict: MediaCheckVerdict }[] = [];
  /** Makes the handler throw once, to show its writes and the row's roll back together. */
  let failNext = false;

  beforeAll(async () => {
    t = await startTestAppWithPush(kind);
    checks = t.app.get(MediaCheckService);
    checks.onResult(PURPOSE, async (subjectId, verdict, manager, work) => {
      if (failNext) {
        failNext = false;
        await work.record({ action: 'e2e.photo.checked', entityType: 'e2e_photo', entityId: subjectId, after: { status: verdict.status } });
        throw new Error('handler failed');
      }
      // Inside the same transaction: the row is already resolved here.
      const [row] = await manager.query('SELECT status FROM media_check WHERE trace_id = ?', [verdict.traceId]);
      expect(row.status).toBe(verdict.status);
      await work.record({ action: 'e2e.photo.checked', entityType: 'e2e_photo', entityId: subjectId, after: { status: verdict.status } });
      applied.push({ subjectId, verdict });
    });
    const [village] = await t.dataSource.query("SELECT id FROM village WHERE code = '140431203201'");
    villageId = village.id;
  });
  afterAll(() => t.close());

  /** A photo stored by the app, and its signed link (relative, as the app hands it out). */
  async function photo(name: string): Promise<MatterFile> {
    const villager = await loginAs(t, 'villager');
    const res = await t.http.post('/api/matter-files').set(...bearer(villager)).attach('file', FILES.png, name).expect(201);
    return res.body as MatterFile;
  }

  async function start(file: MatterFile): Promise<string> {
    const uow = t.app.get(UnitOfWork);
    const row = await uow.run({ villageId, actorId: null, actorRole: 'system', correlationId: 'e2e' }, (work) =>
      checks.start(work, { purpose: PURPOSE, subjectId: file.id, mediaUrl: file.url, openid: fakeOpenId('uploader') }),
    );
    expect(row.status).toBe('pending');
    return row.traceId;
  }

  const statusOf = async (traceId: string): Promise<{ status: string; label: number | null }> => {
    const [row] = await t.dataSource.query('SELECT status, label FROM media_check WHERE trace_id = ?', [traceId]);
    return { status: row.status, label: row.label === null ? null : Number(row.label) };
  };

  it("answers WeChat's URL verification with echostr only when signed with the token", async () => {
    const ok = await t.http.get('/api/wechat/push').query({ ...signed(), echostr: '4375120948345356249' }).expect(200);
    expect(ok.text).toBe('4375120948345356249');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    const wrong = await t.http.get('/api/wechat/push').query({ ...signed('otherToken'), echostr: '1' }).expect(403);
    expect(wrong.body.code).toBe('WECHAT_PUSH_SIGNATURE_INVALID');
    const unsigned = await t.http.get('/api/wechat/push').query({ echostr: '1' }).expect(401);
    expect(unsigned.body.code).toBe('WECHAT_PUSH_UNSIGNED');
  });

  it('starts a check, and the verdict pushed by WeChat resolves it and runs the handler once, audited', async () => {
    const file = await photo('村口的路.png');
    const traceId = await start(file);
    expect(await statusOf(traceId)).toEqual({ status: 'pending', label: null });
    const sent = t.wechat.mediaChecks.find((c) => c.traceId === traceId);
    expect(sent?.mediaUrl).toBe(`${t.baseUrl}${file.url}`);

    const [pushed] = await t.wechat.flushMediaChecks();
    // WeChat (the fake) could download the signed link, and the app accepted the signed push.
    expect(pushed).toMatchObject({ traceId, fetchStatus: 200, suggest: 'pass', deliveries: [200] });
    expect(await statusOf(traceId)).toEqual({ status: 'pass', label: 100 });
    expect(applied.filter((a) => a.verdict.traceId === traceId)).toEqual([{ subjectId: file.id, verdict: { traceId, status: 'pass', label: 100 } }]);

    // Delivered again (WeChat retries): accepted, not applied twice.
    expect((await t.wechat.pushAgain(traceId)).deliveries).toEqual([200, 200]);
    expect(applied.filter((a) => a.verdict.traceId === traceId)).toHaveLength(1);
    const count = async (sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'media_check.resolved' AND entity_id = (SELECT id FROM media_check WHERE trace_id = ?)", [traceId])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'e2e.photo.checked' AND entity_id = ?", [file.id])).toBe(1);
  });

  it('applies a verdict once even when two pushes of it arrive at the same time', async () => {
    const traceId = await start(await photo('同时推送.png'));
    await t.wechat.flushMediaChecks();
    const before = applied.length;
    const again = await Promise.all([t.wechat.pushAgain(traceId), t.wechat.pushAgain(traceId), t.wechat.pushAgain(traceId)]);
    expect(again[0].deliveries.every((status) => status === 200)).toBe(true);
    expect(applied.length).toBe(before);
  });

  it('passes on risky and review verdicts from the image (file name markers)', async () => {
    const risky = await start(await photo('risky-垃圾.png'));
    const review = await start(await photo('【待审】河道.png'));
    await t.wechat.flushMediaChecks();
    expect(await statusOf(risky)).toEqual({ status: 'risky', label: 20002 });
    expect(await statusOf(review)).toEqual({ status: 'review', label: 21000 });
    expect(applied.find((a) => a.verdict.traceId === risky)?.verdict.status).toBe('risky');
  });

  it('rolls the row back with the handler when the handler fails, so a later push applies it', async () => {
    const traceId = await start(await photo('处理失败.png'));
    failNext = true;
    const [first] = await t.wechat.flushMediaChecks();
    expect(first.deliveries).toEqual([500]);
    expect(await statusOf(traceId)).toEqual({ status: 'pending', label: null });
    await t.wechat.pushAgain(traceId);
    expect(await statusOf(traceId)).toEqual({ status: 'pass', label: 100 });
    expect(applied.filter((a) => a.verdict.traceId === traceId)).toHaveLength(1);
  });

  it('refuses pushes that are unsigned or signed with another token, and changes nothing', async () => {
    const traceId = await start(await photo('伪造推送.png'));
    const forged = { MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-test-app', trace_id: traceId, version: 2, result: { suggest: 'risky', label: '20002' }, detail: [] };
    const wrong = await t.http.post('/api/wechat/push').query(signed('notOurToken')).send(forged).expect(403);
    expect(wrong.body.code).toBe('WECHAT_PUSH_SIGNATURE_INVALID');
    await t.http.post('/api/wechat/push').send(forged).expect(401);
    expect(await statusOf(traceId)).toEqual({ status: 'pending', label: null });
    // The same event, signed: applied.
    const ok = await t.http.post('/api/wechat/push').query(signed()).send(forged).expect(200);
    expect(ok.text).toBe('success');
    expect(await statusOf(traceId)).toEqual({ status: 'risky', label: 20002 });
  });

  it('acknowledges other events, refuses unreadable ones and verdicts for checks it never started', async () => {
    await t.http.post('/api/wechat/push').query(signed()).send({ MsgType: 'event', Event: 'user_enter_tempsession' }).expect(200);
    const v1 = await t.http.post('/api/wechat/push').query(signed()).send({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'abc', isrisky: 0 }).expect(400);
    expect(v1.body.code).toBe('WECHAT_PUSH_MALFORMED');
    const unknown = await t.http
      .post('/api/wechat/push')
      .query(signed())
      .send({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'never-started', version: 2, result: { suggest: 'pass', label: 100 } })
      .expect(503);
    expect(unknown.body.code).toBe('WECHAT_PUSH_UNKNOWN_TRACE');
  });

  it('refreshes the access token when WeChat no longer knows it (40001) and starts the check', async () => {
    const file = await photo('令牌失效.png');
    await start(file); // a token is cached
    const issued = t.wechat.accessTokensIssued;
    t.wechat.revokeAccessTokens();
    const traceId = await start(file);
    expect(t.wechat.accessTokensIssued).toBe(issued + 1);
    await t.wechat.flushMediaChecks();
    expect((await statusOf(traceId)).status).toBe('pass');
  });

  it('rolls back the caller when WeChat refuses to start a check', async () => {
    const file = await photo('限流.png');
    t.wechat.failNext(45011, 1);
    await expect(start(file)).rejects.toMatchObject({ code: 'WECHAT_RATE_LIMITED' });
    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM media_check WHERE subject_id = ?', [file.id]);
    expect(Number(row.n)).toBe(0);
  });
});
