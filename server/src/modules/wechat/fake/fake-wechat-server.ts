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
const ACCESS_TOKEN_TTL_S = 7200;

export type FakeContentSuggestion = 'pass' | 'review' | 'risky';

/**
 * Text containing one of these gets that verdict from the fake msgSecCheck, so the demo and the
 * browser tests can show a query that waits for review or is held.
 */
export const FAKE_SEC_CHECK_MARKERS: Record<Exclude<FakeContentSuggestion, 'pass'>, string> = {
  review: '【待审】',
  risky: '【违规】',
};

const SEC_CHECK_LABELS: Record<FakeContentSuggestion, number> = { pass: 100, review: 21000, risky: 20006 };

/**
 * A small HTTP server that speaks the parts of WeChat's server API this project calls, with the same
 * URLs, parameters, JSON bodies and errcodes. The real client talks to it over HTTP in tests and in the
 * local demo, so the code that runs against api.weixin.qq.com is the code that was tested.
 *
 * Besides WeChat's own endpoints it has `/__fake/*` controls that stand in for what happens on the
 * phone: `wx.login` minting a code, `wx.getShareInfo` encrypting a group id, and WeChat misbehaving
 * (`/__fake/fail`, `/__fake/expire-tokens`) or judging text (`/__fake/sec-check` {suggest, times} for
 * the next checks, or {suggest, contains} for a rule; text with FAKE_SEC_CHECK_MARKERS gets that verdict).
 */
export class FakeWechatServer {
  private readonly server: Server;
  private readonly codes = new Map<string, IssuedCode>();
  private readonly sessionKeys = new Map<string, Buffer>();
  private readonly failures: number[] = [];
  /** Issued access tokens and when each expires (ms). */
  private readonly accessTokens = new Map<string, number>();
  /** Verdicts for the next msgSecCheck calls, before any rule. */
  private readonly secCheckQueue: FakeContentSuggestion[] = [];
  private readonly secCheckRules: { contains: string; suggest: FakeContentSuggestion }[] = Object.entries(FAKE_SEC_CHECK_MARKERS).map(
    ([suggest, contains]) => ({ contains, suggest: suggest as FakeContentSuggestion }),
  );
  /** Every text msgSecCheck was asked about, with its openid (tests check what was sent). */
  readonly secChecks: { openid: string; content: string; suggest: FakeContentSuggestion }[] = [];
  accessTokensIssued = 0;

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

  /** The next `times` msgSecCheck calls answer `suggest`, whatever the text. */
  nextSecCheck(suggest: FakeContentSuggestion, times = 1): void {
    for (let i = 0; i < times; i += 1) this.secCheckQueue.push(suggest);
  }

  /** From now on, text containing `contains` gets `suggest` (checked after the queue, before the markers). */
  addSecCheckRule(contains: string, suggest: FakeContentSuggestion): void {
    this.secCheckRules.unshift({ contains, suggest });
  }

  /** Every access token issued so far stops working (WeChat answers 42001), as after two hours. */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 0);
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
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') return this.accessToken(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/wxa/msg_sec_check') return this.msgSecCheck(url.searchParams, req, res);
    send(res, 404, { errcode: 40066, errmsg: 'invalid url' });
  }

  private accessToken(params: URLSearchParams, res: ServerResponse): void {
    if (params.get('grant_type') !== 'client_credential') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
    if (params.get('appid') !== this.options.appId) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
    if (params.get('secret') !== this.options.appSecret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
    const token = randomBytes(24).toString('base64url');
    this.accessTokens.set(token, Date.now() + ACCESS_TOKEN_TTL_S * 1000);
    this.accessTokensIssued += 1;
    send(res, 200, { access_token: token, expires_in: ACCESS_TOKEN_TTL_S });
  }

  /** security.msgSecCheck v2, answering from the queue, then the rules, else pass. */
  private async msgSecCheck(params: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const expiresAt = this.accessTokens.get(params.get('access_token') ?? '');
    if (expiresAt === undefined) return send(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    if (expiresAt <= Date.now()) return send(res, 200, { errcode: 42001, errmsg: 'access_token expired' });
    const body = (await readJson(req)) as { content?: unknown; version?: unknown; scene?: unknown; openid?: unknown };
    if (body.version !== 2 || typeof body.content !== 'string' || typeof body.openid !== 'string' || ![1, 2, 3, 4].includes(Number(body.scene))) {
      return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
    }
    if (!body.openid) return send(res, 200, { errcode: 40003, errmsg: 'invalid openid' });
    const content = body.content;
    const suggest = this.secCheckQueue.shift() ?? this.secCheckRules.find((r) => content.includes(r.contains))?.suggest ?? 'pass';
    this.secChecks.push({ openid: body.openid, content, suggest });
    const label = SEC_CHECK_LABELS[suggest];
    send(res, 200, {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
      trace_id: randomBytes(12).toString('hex'),
    });
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
    if (path === '/__fake/sec-check') {
      const suggest = String(body.suggest ?? '');
      if (!isSuggestion(suggest)) return send(res, 400, { error: 'suggest must be pass, review or risky' });
      if (typeof body.contains === 'string' && body.contains) this.addSecCheckRule(body.contains, suggest);
      else this.nextSecCheck(suggest, Number(body.times ?? 1));
      return send(res, 200, { ok: true });
    }
    if (path === '/__fake/expire-tokens') {
      this.expireAccessTokens();
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

function isSuggestion(value: string): value is FakeContentSuggestion {
  return value === 'pass' || value === 'review' || value === 'risky';
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
