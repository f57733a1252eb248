import { FAKE_SEC_CHECK_MARKERS, FakeWechatServer } from './fake/fake-wechat-server';
import { WechatClient } from './wechat.client';
import { WechatErrorCode, WechatException } from './wechat.exception';

/** The real client against a local server speaking WeChat's protocol over HTTP. */
describe('WechatClient.code2Session', () => {
  const fake = new FakeWechatServer({ appId: 'wx-test', appSecret: 'secret' });
  let client: WechatClient;

  beforeAll(async () => {
    const baseUrl = await fake.listen();
    client = new WechatClient({ baseUrl, appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
  });
  afterAll(() => fake.close());

  it('exchanges a fresh code for openid and session key', async () => {
    const session = await client.code2Session(fake.mintCode('o-villager-1', 'u-1'));
    expect(session.openid).toBe('o-villager-1');
    expect(session.unionid).toBe('u-1');
    expect(Buffer.from(session.sessionKey, 'base64')).toHaveLength(16);
  });

  it('refuses an unknown or reused code as invalid (40029)', async () => {
    const code = fake.mintCode('o-villager-2');
    await client.code2Session(code);
    await expect(client.code2Session(code)).rejects.toMatchObject({ code: WechatErrorCode.InvalidCode });
    await expect(client.code2Session('nonsense')).rejects.toBeInstanceOf(WechatException);
  });

  it('retries when WeChat is busy (-1), then succeeds', async () => {
    fake.failNext(-1, 2);
    const session = await client.code2Session(fake.mintCode('o-villager-3'));
    expect(session.openid).toBe('o-villager-3');
  });

  it('gives up after its retries when WeChat stays busy', async () => {
    fake.failNext(-1, 3);
    await expect(client.code2Session(fake.mintCode('o-villager-4'))).rejects.toMatchObject({
      code: WechatErrorCode.Unavailable,
    });
  });

  it('does not retry a rate limit (45011), and says so in Chinese', async () => {
    fake.failNext(45011, 1);
    const error = await client.code2Session(fake.mintCode('o-villager-5')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: WechatErrorCode.RateLimited, message: '登录太频繁了，请过一分钟再试' });
    expect((error as WechatException).httpStatus()).toBe(429);
  });

  it('reports an unreachable server as unavailable', async () => {
    const offline = new WechatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
    await expect(offline.code2Session('x')).rejects.toMatchObject({ code: WechatErrorCode.Unavailable });
  });
});

describe('WechatClient.msgSecCheck', () => {
  const fake = new FakeWechatServer({ appId: 'wx-test', appSecret: 'secret' });
  let client: WechatClient;

  beforeAll(async () => {
    const baseUrl = await fake.listen();
    client = new WechatClient({ baseUrl, appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
  });
  afterAll(() => fake.close());

  it('passes ordinary text, sending v2, scene 2 (comment) and the author’s openid', async () => {
    const check = await client.msgSecCheck('o-asker-1', '请问村道硬化工程什么时候开工？');
    expect(check).toMatchObject({ suggest: 'pass', label: 100, traceId: expect.any(String) });
    expect(fake.secChecks.at(-1)).toEqual({ openid: 'o-asker-1', content: '请问村道硬化工程什么时候开工？', suggest: 'pass' });
  });

  it('reports review and risky as WeChat decides them (queued or by marker)', async () => {
    fake.nextSecCheck('risky');
    expect((await client.msgSecCheck('o-asker-1', '普通的话')).suggest).toBe('risky');
    expect((await client.msgSecCheck('o-asker-1', `这段话${FAKE_SEC_CHECK_MARKERS.review}`)).suggest).toBe('review');
    fake.addSecCheckRule('某个词', 'risky');
    expect(await client.msgSecCheck('o-asker-1', '含有某个词的话')).toMatchObject({ suggest: 'risky', label: 20006 });
    expect((await client.msgSecCheck('o-asker-1', '别的话')).suggest).toBe('pass');
  });

  it('fetches the access token once and reuses it, also for concurrent calls', async () => {
    const fresh = new WechatClient({ baseUrl: fake.url, appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
    const before = fake.accessTokensIssued;
    await Promise.all([fresh.msgSecCheck('o-a', '一'), fresh.msgSecCheck('o-b', '二'), fresh.msgSecCheck('o-c', '三')]);
    await fresh.msgSecCheck('o-d', '四');
    expect(fake.accessTokensIssued - before).toBe(1);
  });

  it('refreshes an expired token (42001) once and carries on', async () => {
    await client.msgSecCheck('o-asker-2', '先拿一个令牌');
    const before = fake.accessTokensIssued;
    fake.expireAccessTokens();
    expect((await client.msgSecCheck('o-asker-2', '令牌过期后再问')).suggest).toBe('pass');
    expect(fake.accessTokensIssued - before).toBe(1);
  });

  it('refreshes a token WeChat no longer knows (40001)', async () => {
    const other = new FakeWechatServer({ appId: 'wx-test', appSecret: 'secret' });
    const baseUrl = await other.listen();
    try {
      const c = new WechatClient({ baseUrl, appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
      await c.msgSecCheck('o-x', '第一次');
      other.failNext(40001);
      expect((await c.msgSecCheck('o-x', '第二次')).suggest).toBe('pass');
      expect(other.accessTokensIssued).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('takes its verdicts over HTTP too (/__fake/sec-check), as the browser tests do', async () => {
    const control = (body: object) =>
      fetch(`${fake.url}/__fake/sec-check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await control({ suggest: 'review', times: 1 })).status).toBe(200);
    expect((await client.msgSecCheck('o-asker-3', '随便一句话')).suggest).toBe('review');
    expect((await control({ suggest: 'risky', contains: '违禁样例' })).status).toBe(200);
    expect((await client.msgSecCheck('o-asker-3', '这里有违禁样例')).suggest).toBe('risky');
    expect((await control({ suggest: 'maybe' })).status).toBe(400);
    expect((await fetch(`${fake.url}/__fake/expire-tokens`, { method: 'POST' })).status).toBe(200);
    expect((await client.msgSecCheck('o-asker-3', `标记${FAKE_SEC_CHECK_MARKERS.risky}`)).suggest).toBe('risky');
  });

  it('refuses a wrong app secret as unavailable, without leaking it', async () => {
    const wrong = new WechatClient({ baseUrl: fake.url, appId: 'wx-test', appSecret: 'wrong', retryDelayMs: 1 });
    const error = await wrong.msgSecCheck('o-y', '文字').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: WechatErrorCode.Unavailable, details: { errcode: 40125 } });
  });
});
