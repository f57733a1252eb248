import { FakeWechatServer } from './fake/fake-wechat-server';
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
