import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
}

interface IssuedCode {
  openid: string;
  unionid: string | null;
  expiresAt: number;
}

const CODE_TTL_MS = 5 * 60 * 1000;

/**
 * A small HTTP server that speaks the parts of WeChat's server API this project calls, with the same
 * URLs, parameters, JSON bodies and errcodes. The real client talks to it over HTTP in tests and in the
 * local demo, so the code that runs against api.weixin.qq.com is the code that was tested.
 *
 * Besides WeChat's own endpoints it has `/__fake/*` controls that stand in for what happens on the
 * phone: `wx.login` minting a code, `wx.getShareInfo` encrypting a group id, and WeChat misbehaving.
 */
export class FakeWechatServer {
  private readonly server: Server;
  private readonly codes = new Map<string, IssuedCode>();
  private readonly sessionKeys = new Map<string, Buffer>();
  private readonly failures: number[] = [];

  constructor(private readonly options: FakeWechatOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { errcode: -1, errmsg: String(error) }));
    });
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    return this.url;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** What wx.login does on the phone: a one-time code for this user, valid for 5 minutes. */
  mintCode(openid: string, unionid: string | null = null): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, unionid, expiresAt: Date.now() + CODE_TTL_MS });
    return code;
  }

  /** The next `times` WeChat API calls answer with `errcode` (e.g. -1 busy, 45011 rate limit). */
  failNext(errcode: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push(errcode);
  }

  /** What wx.getShareInfo returns: the group's openGId encrypted with the user's current session key. */
  encryptShareInfo(openid: string, openGId: string): { encryptedData: string; iv: string } {
    const key = this.sessionKeys.get(openid);
    if (!key) throw new Error(`no session for ${openid}: log in first`);
    const iv = randomBytes(16);
    const payload = JSON.stringify({ openGId, watermark: { appid: this.options.appId, timestamp: Math.floor(Date.now() / 1000) } });
    const cipher = createCipheriv('aes-128-cbc', key, iv);
    const encrypted = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
    return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/__fake/')) return this.control(url.pathname, req, res);

    const failure = this.failures.shift();
    if (failure !== undefined) return send(res, 200, { errcode: failure, errmsg: failureMessage(failure) });

    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') return this.code2Session(url.searchParams, res);
    send(res, 404, { errcode: 40066, errmsg: 'invalid url' });
  }

  private code2Session(params: URLSearchParams, res: ServerResponse): void {
    if (params.get('appid') !== this.options.appId) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
    if (params.get('secret') !== this.options.appSecret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
    const code = params.get('js_code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code); // a code works once, as on WeChat
    if (!issued || issued.expiresAt < Date.now()) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
    const sessionKey = randomBytes(16);
    this.sessionKeys.set(issued.openid, sessionKey);
    send(res, 200, {
      openid: issued.openid,
      session_key: sessionKey.toString('base64'),
      ...(issued.unionid ? { unionid: issued.unionid } : {}),
    });
  }

  private async control(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req)) as Record<string, unknown>;
    if (path === '/__fake/login') {
      const openid = String(body.openid ?? '');
      if (!openid) return send(res, 400, { error: 'openid required' });
      return send(res, 200, { code: this.mintCode(openid, typeof body.unionid === 'string' ? body.unionid : null) });
    }
    if (path === '/__fake/fail') {
      this.failNext(Number(body.errcode), Number(body.times ?? 1));
      return send(res, 200, { ok: true });
    }
    if (path === '/__fake/share-info') {
      return send(res, 200, this.encryptShareInfo(String(body.openid), String(body.openGId)));
    }
    send(res, 404, { error: 'unknown control' });
  }
}

/** A stable fake openid for a demo or test user, shaped like WeChat's 28-character ids. */
export function fakeOpenId(seed: string): string {
  return `o${createHash('sha256').update(seed).digest('base64url').slice(0, 27)}`;
}

function failureMessage(errcode: number): string {
  if (errcode === -1) return 'system error';
  if (errcode === 45011) return 'api minute-quota reach limit  mustslower  retry next minute';
  return 'error';
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
