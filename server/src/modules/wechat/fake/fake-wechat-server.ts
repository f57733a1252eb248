import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  /** Where mediaCheckAsync verdicts are pushed (WeChat's 消息推送 URL and 令牌); none: kept until configured. */
  push?: FakePushTarget;
}

export interface FakePushTarget {
  /** The app's 消息推送 URL, e.g. PUBLIC_BASE_URL + /api/wechat/push. */
  url: string;
  /** The 令牌 the signature is made with (the app's WECHAT_PUSH_TOKEN). */
  token: string;
  /**
   * Push each verdict this many ms after the check was asked for (the demo); null: only when a test
   * calls flushMediaChecks() or POST /__fake/media-check/flush.
   */
  delayMs?: number | null;
}

/** One mediaCheckAsync request the fake received, and what became of it. */
export interface FakeMediaCheck {
  traceId: string;
  openid: string;
  mediaUrl: string;
  scene: number;
  /** Set once the fake has downloaded the media and decided. */
  suggest: FakeContentSuggestion | null;
  /** HTTP status of the download of media_url (null: unreachable). */
  fetchStatus: number | null;
  /** HTTP status of each push of the verdict to the app (null: unreachable). */
  deliveries: (number | null)[];
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
 * The fake mediaCheckAsync's verdict on an image, so the demo and the browser tests can show a photo
 * waiting for review or refused: an image whose URL, file name (Content-Disposition of the download)
 * or first 512 bytes contain `risky` or 【违规】 is risky; `review` or 【待审】 wants review; anything
 * else passes. (Case-insensitive; risky wins when both appear.) A media URL the fake cannot download
 * gets `review` — WeChat's own behaviour for an unreachable URL is not documented.
 */
export const FAKE_MEDIA_CHECK_MARKERS: Record<Exclude<FakeContentSuggestion, 'pass'>, readonly string[]> = {
  risky: ['risky', FAKE_SEC_CHECK_MARKERS.risky],
  review: ['review', FAKE_SEC_CHECK_MARKERS.review],
};

/** Labels of the media check: 100 normal, 20002 色情 for a risky image, 21000 其他 for review. */
const MEDIA_CHECK_LABELS: Record<FakeContentSuggestion, number> = { pass: 100, review: 21000, risky: 20002 };

export interface FakeMediaEvidence {
  mediaUrl: string;
  fileName?: string | null;
  /** The first bytes of the downloaded file; null when the download failed. */
  head?: Buffer | null;
}

/** FAKE_MEDIA_CHECK_MARKERS applied to what the fake knows of an image. */
export function fakeMediaVerdict(evidence: FakeMediaEvidence): FakeContentSuggestion {
  if (evidence.head === null) return 'review';
  let url = evidence.mediaUrl;
  try {
    url = decodeURIComponent(url);
  } catch {
    // a malformed escape: look at the URL as it is
  }
  const texts = [url, evidence.fileName ?? '', evidence.head ? evidence.head.subarray(0, 512).toString('utf8') : ''].map((t) => t.toLowerCase());
  for (const suggest of ['risky', 'review'] as const) {
    if (FAKE_MEDIA_CHECK_MARKERS[suggest].some((marker) => texts.some((t) => t.includes(marker.toLowerCase())))) return suggest;
  }
  return 'pass';
}

/**
 * A small HTTP server that speaks the parts of WeChat's server API this project calls, with the same
 * URLs, parameters, JSON bodies and errcodes. The real client talks to it over HTTP in tests and in the
 * local demo, so the code that runs against api.weixin.qq.com is the code that was tested.
 *
 * Besides WeChat's own endpoints it has `/__fake/*` controls that stand in for what happens on the
 * phone: `wx.login` minting a code, `wx.getShareInfo` encrypting a group id, and WeChat misbehaving
 * (`/__fake/fail`, `/__fake/expire-tokens`, `/__fake/revoke-tokens`) or judging text (`/__fake/sec-check`
 * {suggest, times} for the next checks, or {suggest, contains} for a rule; text with
 * FAKE_SEC_CHECK_MARKERS gets that verdict) and images (`/__fake/media-check` {suggest, times}; else
 * FAKE_MEDIA_CHECK_MARKERS). Image verdicts are pushed to the app's 消息推送 URL, signed with its 令牌,
 * like WeChat does: after `push.delayMs`, or on `/__fake/media-check/flush`; `/__fake/push-target`
 * {url, token, delayMs} sets where.
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
  /** Every image mediaCheckAsync was asked about, in order. */
  readonly mediaChecks: FakeMediaCheck[] = [];
  /** Verdicts for the next media checks, before the markers. */
  private readonly mediaCheckQueue: FakeContentSuggestion[] = [];
  /** Trace ids whose verdict has not been pushed yet. */
  private readonly pendingPushes: string[] = [];
  private pushTarget: FakePushTarget | null;
  private readonly timers = new Set<NodeJS.Timeout>();
  accessTokensIssued = 0;

  constructor(private readonly options: FakeWechatOptions) {
    this.pushTarget = options.push ?? null;
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
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Where (and with which 令牌) verdicts are pushed, as configured in WeChat's admin console. */
  configurePush(target: FakePushTarget): void {
    this.pushTarget = target;
  }

  /** The next `times` media checks get `suggest`, whatever the image. */
  nextMediaCheck(suggest: FakeContentSuggestion, times = 1): void {
    for (let i = 0; i < times; i += 1) this.mediaCheckQueue.push(suggest);
  }

  /**
   * Decides and pushes every media check not pushed yet, in order (what WeChat does within 30
   * minutes). Returns the checks pushed, each with the HTTP status the app answered.
   */
  async flushMediaChecks(): Promise<FakeMediaCheck[]> {
    const done: FakeMediaCheck[] = [];
    while (this.pendingPushes.length > 0) {
      const traceId = this.pendingPushes.shift() as string;
      done.push(await this.deliverMediaCheck(traceId));
    }
    return done;
  }

  /** Pushes an already decided verdict once more, as WeChat may (the app must not apply it twice). */
  async pushAgain(traceId: string): Promise<FakeMediaCheck> {
    return this.deliverMediaCheck(traceId);
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

  /**
   * Every access token issued so far becomes unknown (WeChat answers 40001), as when another server
   * fetched a new token for the same app.
   */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
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
    if (req.method === 'POST' && url.pathname === '/wxa/media_check_async') return this.mediaCheckAsync(url.searchParams, req, res);
    send(res, 404, { errcode: 40066, errmsg: 'invalid url' });
  }

  /** 40001 / 42001 as WeChat answers a bad or expired access_token; null when it is good. */
  private tokenProblem(params: URLSearchParams): { errcode: number; errmsg: string } | null {
    const expiresAt = this.accessTokens.get(params.get('access_token') ?? '');
    if (expiresAt === undefined) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return null;
  }

  /**
   * security.mediaCheckAsync v2: accepts the request and answers a trace_id at once; the verdict is
   * decided and pushed to the 消息推送 URL later (after delayMs, or when a test flushes).
   */
  private async mediaCheckAsync(params: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const problem = this.tokenProblem(params);
    if (problem) return send(res, 200, problem);
    const body = (await readJson(req)) as { media_url?: unknown; media_type?: unknown; version?: unknown; scene?: unknown; openid?: unknown };
    if (
      body.version !== 2 ||
      typeof body.media_url !== 'string' ||
      !/^https?:\/\//.test(body.media_url) ||
      ![1, 2].includes(Number(body.media_type)) ||
      typeof body.openid !== 'string' ||
      ![1, 2, 3, 4].includes(Number(body.scene))
    ) {
      return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
    }
    if (!body.openid) return send(res, 200, { errcode: 40003, errmsg: 'invalid openid' });
    // Shaped like WeChat's trace ids ("690b03d2-301f6111-35ffbd44").
    const traceId = [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
    this.mediaChecks.push({ traceId, openid: body.openid, mediaUrl: body.media_url, scene: Number(body.scene), suggest: null, fetchStatus: null, deliveries: [] });
    this.pendingPushes.push(traceId);
    const delayMs = this.pushTarget?.delayMs;
    if (this.pushTarget && delayMs !== null && delayMs !== undefined) {
      this.schedulePush(traceId, delayMs, 1);
    }
    send(res, 200, { errcode: 0, errmsg: 'ok', trace_id: traceId });
  }

  /**
   * The demo's timed push. A push the app did not answer with 200 is tried again, up to three times
   * in all (WeChat retries undelivered pushes; its exact schedule is not documented).
   */
  private schedulePush(traceId: string, delayMs: number, attempt: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const index = this.pendingPushes.indexOf(traceId);
      if (index >= 0) this.pendingPushes.splice(index, 1);
      else if (attempt === 1) return; // a test flushed it already
      this.deliverMediaCheck(traceId)
        .then((check) => {
          if (check.deliveries.at(-1) !== 200 && attempt < 3) this.schedulePush(traceId, delayMs * 2, attempt + 1);
        })
        .catch(() => undefined);
    }, delayMs);
    this.timers.add(timer);
  }

  private async deliverMediaCheck(traceId: string): Promise<FakeMediaCheck> {
    const check = this.mediaChecks.find((c) => c.traceId === traceId);
    if (!check) throw new Error(`no media check ${traceId}`);
    if (!check.suggest) {
      const queued = this.mediaCheckQueue.shift();
      const evidence = await download(check.mediaUrl);
      check.fetchStatus = evidence.status;
      check.suggest = queued ?? fakeMediaVerdict({ mediaUrl: check.mediaUrl, fileName: evidence.fileName, head: evidence.head });
    }
    const target = this.pushTarget;
    if (!target) throw new Error('no push target: configurePush() first');
    const label = String(MEDIA_CHECK_LABELS[check.suggest]);
    // The v2 event as WeChat pushes it in 明文模式 with JSON (label arrives as a string there).
    const event = {
      ToUserName: 'gh_fakewechat0001',
      FromUserName: check.openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.options.appId,
      trace_id: check.traceId,
      version: 2,
      result: { suggest: check.suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: check.suggest, label, prob: check.suggest === 'pass' ? 0 : 90 }],
    };
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(randomBytes(4).readUInt32BE(0));
    const signature = createHash('sha1').update([target.token, timestamp, nonce].sort().join('')).digest('hex');
    const url = new URL(target.url);
    url.searchParams.set('signature', signature);
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    let status: number | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = null;
    }
    check.deliveries.push(status);
    return check;
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
    if (path === '/__fake/media-check') {
      const suggest = String(body.suggest ?? '');
      if (!isSuggestion(suggest)) return send(res, 400, { error: 'suggest must be pass, review or risky' });
      this.nextMediaCheck(suggest, Number(body.times ?? 1));
      return send(res, 200, { ok: true });
    }
    if (path === '/__fake/media-check/flush') {
      const pushed = await this.flushMediaChecks();
      return send(res, 200, { pushed });
    }
    if (path === '/__fake/push-target') {
      if (typeof body.url !== 'string' || typeof body.token !== 'string') return send(res, 400, { error: 'url and token required' });
      this.configurePush({ url: body.url, token: body.token, delayMs: typeof body.delayMs === 'number' ? body.delayMs : null });
      return send(res, 200, { ok: true });
    }
    if (path === '/__fake/revoke-tokens') {
      this.revokeAccessTokens();
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

/** What the fake learns by downloading an image, as WeChat's servers would. */
async function download(mediaUrl: string): Promise<{ status: number | null; fileName: string | null; head: Buffer | null }> {
  try {
    const response = await fetch(mediaUrl, { signal: AbortSignal.timeout(5000) });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) return { status: response.status, fileName: null, head: null };
    return { status: response.status, fileName: dispositionFileName(response.headers.get('content-disposition')), head: bytes.subarray(0, 512) };
  } catch {
    return { status: null, fileName: null, head: null };
  }
}

function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      return extended[1];
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1] ?? null;
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
