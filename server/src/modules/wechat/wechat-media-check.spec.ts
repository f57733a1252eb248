import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeWechatServer } from './fake/fake-wechat-server';
import { verifyWechatPushSignature } from './push/push-signature';
import { WechatClient } from './wechat.client';
import { WechatErrorCode } from './wechat.exception';

interface Received {
  query: URLSearchParams;
  body: Record<string, unknown>;
  signed: boolean;
}

/** A stand-in for the app's 消息推送 URL (the e2e tests use the real app) and the image it serves. */
async function receiver(token: string): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const read = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(url.pathname.slice(7))}` });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    }
    read(req).then((text) => {
      const query = url.searchParams;
      received.push({ query, body: JSON.parse(text) as Record<string, unknown>, signed: verifyWechatPushSignature(token, Object.fromEntries(query)) });
      res.end('success');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('WechatClient.mediaCheckAsync against the fake, with the pushed verdict', () => {
  const fake = new FakeWechatServer({ appId: 'wx-test', appSecret: 'secret' });
  let client: WechatClient;
  let app: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    const baseUrl = await fake.listen();
    app = await receiver('push-token');
    fake.configurePush({ url: `${app.url}/api/wechat/push`, token: 'push-token', delayMs: null });
    client = new WechatClient({ baseUrl, appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
  });
  afterAll(async () => {
    await fake.close();
    await app.close();
  });

  it('gets a trace id at once, then the signed v2 event with the verdict on flush', async () => {
    const traceId = await client.mediaCheckAsync({ mediaUrl: `${app.url}/files/村口.png`, openid: 'o-uploader' });
    expect(traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(fake.mediaChecks.at(-1)).toMatchObject({ traceId, openid: 'o-uploader', scene: 3, suggest: null });
    expect(app.received).toHaveLength(0);

    const [pushed] = await fake.flushMediaChecks();
    expect(pushed).toMatchObject({ traceId, suggest: 'pass', fetchStatus: 200, deliveries: [200] });
    const event = app.received.at(-1) as Received;
    expect(event.signed).toBe(true);
    expect(event.body).toMatchObject({ MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, appid: 'wx-test', result: { suggest: 'pass', label: '100' } });
  });

  it('decides by the downloaded file name, or by what a test queued', async () => {
    const risky = await client.mediaCheckAsync({ mediaUrl: `${app.url}/files/${encodeURIComponent('risky.png')}`, openid: 'o-uploader' });
    expect((await fake.flushMediaChecks()).map((p) => [p.traceId, p.suggest])).toEqual([[risky, 'risky']]);
    fake.nextMediaCheck('review');
    const queued = await client.mediaCheckAsync({ mediaUrl: `${app.url}/files/plain.png`, openid: 'o-uploader' });
    expect((await fake.flushMediaChecks()).map((p) => [p.traceId, p.suggest])).toEqual([[queued, 'review']]);
  });

  it('pushes a decided verdict again when asked, unchanged', async () => {
    const traceId = await client.mediaCheckAsync({ mediaUrl: `${app.url}/files/risky-again.png`, openid: 'o-uploader' });
    await fake.flushMediaChecks();
    const again = await fake.pushAgain(traceId);
    expect(again.deliveries).toEqual([200, 200]);
    expect(app.received.filter((r) => r.body.trace_id === traceId).map((r) => (r.body.result as { suggest: string }).suggest)).toEqual(['risky', 'risky']);
  });

  it('refreshes a token WeChat no longer knows (40001) and asks again', async () => {
    await client.mediaCheckAsync({ mediaUrl: `${app.url}/files/a.png`, openid: 'o-uploader' });
    const before = fake.accessTokensIssued;
    fake.revokeAccessTokens();
    await expect(client.mediaCheckAsync({ mediaUrl: `${app.url}/files/b.png`, openid: 'o-uploader' })).resolves.toEqual(expect.any(String));
    expect(fake.accessTokensIssued - before).toBe(1);
  });

  it('maps a refused request (bad URL → 47001) to unavailable', async () => {
    await expect(client.mediaCheckAsync({ mediaUrl: 'not-a-url', openid: 'o-uploader' })).rejects.toMatchObject({
      code: WechatErrorCode.Unavailable,
      details: { errcode: 47001 },
    });
  });
});

describe('the fake pushing on its own (the demo)', () => {
  it('pushes after the delay, and again when the app did not answer 200', async () => {
    const statuses = [503, 200];
    const app = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // GET: the image WeChat downloads; POST: the push.
        res.statusCode = req.method === 'POST' ? (statuses.shift() ?? 200) : 200;
        res.end('success');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    const fake = new FakeWechatServer({ appId: 'wx-test', appSecret: 'secret', push: { url: `${appUrl}/api/wechat/push`, token: 't0ken', delayMs: 20 } });
    try {
      const client = new WechatClient({ baseUrl: await fake.listen(), appId: 'wx-test', appSecret: 'secret', retryDelayMs: 1 });
      const traceId = await client.mediaCheckAsync({ mediaUrl: `${appUrl}/files/x.png`, openid: 'o-demo' });
      for (let i = 0; i < 50 && (fake.mediaChecks[0]?.deliveries.length ?? 0) < 2; i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(fake.mediaChecks[0]).toMatchObject({ traceId, suggest: 'pass', fetchStatus: 200, deliveries: [503, 200] });
      expect(await fake.flushMediaChecks()).toEqual([]); // nothing left to push
    } finally {
      await fake.close();
      await new Promise((resolve) => app.close(resolve));
    }
  });
});
