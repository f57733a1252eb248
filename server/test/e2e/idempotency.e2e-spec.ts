import { IDEMPOTENCY_HEADER } from '@village/shared';
import { loginAs, bearer, loginWithOpenId } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

describe.each(testDatabaseKinds())('idempotent writes on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const codeCount = async (residentId: string): Promise<number> =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM binding_code WHERE resident_id = ?', [residentId]))[0].n);

  it('answers a retried write from its first result instead of running it again', async () => {
    const secretary = await loginAs(t, 'secretary');
    const [resident] = await t.dataSource.query("SELECT id FROM resident WHERE relation_to_head = '子' ORDER BY id LIMIT 1");
    const send = () =>
      t.http.post(`/api/residents/${resident.id}/binding-codes`).set(...bearer(secretary)).set(IDEMPOTENCY_HEADER, 'retry-key-0001');

    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.code).toBe(first.body.code);
    expect(await codeCount(resident.id)).toBe(1);

    // Without a key every request is a new one.
    await t.http.post(`/api/residents/${resident.id}/binding-codes`).set(...bearer(secretary)).expect(201);
    expect(await codeCount(resident.id)).toBe(2);
  });

  it('refuses the same key for a different request', async () => {
    const login = await loginWithOpenId(t, 'o-idem-1');
    await t.http.post('/api/me/privacy-consent').set(...bearer(login)).set(IDEMPOTENCY_HEADER, 'consent-key-01').send({ version: login.me.account.currentPrivacyNoticeVersion }).expect(200);
    const res = await t.http
      .post('/api/me/privacy-consent')
      .set(...bearer(login))
      .set(IDEMPOTENCY_HEADER, 'consent-key-01')
      .send({ version: 'other' })
      .expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('releases the key when the write fails, so a corrected retry can run', async () => {
    const login = await loginWithOpenId(t, 'o-idem-2');
    const key = 'failing-key-01';
    await t.http.post('/api/me/binding').set(...bearer(login)).set(IDEMPOTENCY_HEADER, key).send({ code: 'ZZZZZZ' }).expect(400);
    const again = await t.http.post('/api/me/binding').set(...bearer(login)).set(IDEMPOTENCY_HEADER, key).send({ code: 'ZZZZZZ' }).expect(400);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps keys of different users apart, and rejects malformed keys', async () => {
    const a = await loginWithOpenId(t, 'o-idem-3');
    const b = await loginWithOpenId(t, 'o-idem-4');
    const version = a.me.account.currentPrivacyNoticeVersion;
    await t.http.post('/api/me/privacy-consent').set(...bearer(a)).set(IDEMPOTENCY_HEADER, 'shared-key-01').send({ version }).expect(200);
    const other = await t.http.post('/api/me/privacy-consent').set(...bearer(b)).set(IDEMPOTENCY_HEADER, 'shared-key-01').send({ version }).expect(200);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    const bad = await t.http.post('/api/me/privacy-consent').set(...bearer(a)).set(IDEMPOTENCY_HEADER, 'no').send({ version }).expect(400);
    expect(bad.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});
