import { Logger } from '@nestjs/common';
import { WechatErrorCode, WechatException } from './wechat.exception';

export interface WechatClientOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** Retries after WeChat's "system busy" (-1) or a network failure; each waits `retryDelayMs × attempt`. */
  retries?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

export interface WechatSession {
  openid: string;
  unionid: string | null;
  /** Never logged or returned to a client: it decrypts the user's share and phone data. */
  sessionKey: string;
}

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

/** WeChat's verdict on a piece of user text (security.msgSecCheck v2). */
export const CONTENT_SUGGESTIONS = ['pass', 'review', 'risky'] as const;
export type ContentSuggestion = (typeof CONTENT_SUGGESTIONS)[number];

export interface ContentCheck {
  suggest: ContentSuggestion;
  /** WeChat's label: 100 normal, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他. */
  label: number;
  traceId: string | null;
}

/** msgSecCheck v2 scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. A villager's query on a notice is a comment. */
export const MSG_SEC_CHECK_SCENE_COMMENT = 2;

/** mediaCheckAsync v2 scenes, the same enumeration as msgSecCheck. A proposal is a forum post (论坛). */
export const MEDIA_CHECK_SCENES = [1, 2, 3, 4] as const;
export type MediaCheckScene = (typeof MEDIA_CHECK_SCENES)[number];
export const MEDIA_CHECK_SCENE_FORUM: MediaCheckScene = 3;
/** mediaCheckAsync media_type: 1 audio, 2 image. Only images are checked here. */
export const MEDIA_TYPE_IMAGE = 2;

export interface MediaCheckRequest {
  /** An http(s) URL WeChat's servers can download (a short-lived signed link to the stored file). */
  mediaUrl: string;
  /** The uploader, who must have used the mini-program in the last two hours (WeChat's rule). */
  openid: string;
  scene?: MediaCheckScene;
}

/** errcodes documented for auth.code2Session. */
const INVALID_CODE = 40029;
const CODE_ALREADY_USED = 40163;
const RATE_LIMITED = 45011;
const SYSTEM_BUSY = -1;
/** The access_token was refused: invalid (40001, 40014) or expired (42001). A fresh one is fetched once. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** Refresh the cached access_token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;

/**
 * The real HTTP client for WeChat's server API, behind a configurable base URL
 * (https://api.weixin.qq.com in production, a local fake speaking the same protocol elsewhere).
 */
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;
  /** The app's access_token (getAccessToken), shared by every server API call that needs one. */
  private token: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;

  constructor(private readonly options: WechatClientOptions) {
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** auth.code2Session: exchanges the code from wx.login for the user's openid and session key. */
  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.options.baseUrl);
    url.search = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const body = await this.getJson<WechatErrorBody & { openid?: string; unionid?: string; session_key?: string }>(url);
    if (!body.openid || !body.session_key) {
      throw new WechatException(WechatErrorCode.Unavailable, { errcode: body.errcode ?? 0, errmsg: 'no openid in reply' });
    }
    return { openid: body.openid, unionid: body.unionid ?? null, sessionKey: body.session_key };
  }

  /**
   * security.msgSecCheck v2: whether a user's text may be shown to others. `openid` is the author, who
   * must have used the mini-program in the last two hours (WeChat's rule).
   */
  async msgSecCheck(openid: string, content: string): Promise<ContentCheck> {
    const body = await this.withAccessToken(async (token) => {
      const url = new URL('/wxa/msg_sec_check', this.options.baseUrl);
      url.search = new URLSearchParams({ access_token: token }).toString();
      return this.requestJson<WechatErrorBody & { result?: { suggest?: string; label?: number }; trace_id?: string }>(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content, version: 2, scene: MSG_SEC_CHECK_SCENE_COMMENT, openid }),
      });
    });
    const suggest = body.result?.suggest;
    if (!(CONTENT_SUGGESTIONS as readonly string[]).includes(suggest ?? '')) {
      throw new WechatException(WechatErrorCode.Unavailable, { errcode: body.errcode ?? 0, errmsg: 'no result.suggest in reply' });
    }
    return { suggest: suggest as ContentSuggestion, label: body.result?.label ?? 0, traceId: body.trace_id ?? null };
  }

  /**
   * security.mediaCheckAsync v2 (POST /wxa/media_check_async): asks WeChat to check an image. WeChat
   * answers at once with a trace_id and later POSTs the verdict to the mini-program's 消息推送 URL
   * (event `wxa_media_check`, within 30 minutes), matched by that trace_id: see WechatPushController.
   */
  async mediaCheckAsync(request: MediaCheckRequest): Promise<string> {
    const body = await this.withAccessToken(async (token) => {
      const url = new URL('/wxa/media_check_async', this.options.baseUrl);
      url.search = new URLSearchParams({ access_token: token }).toString();
      return this.requestJson<WechatErrorBody & { trace_id?: string; traceId?: string }>(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          media_url: request.mediaUrl,
          media_type: MEDIA_TYPE_IMAGE,
          version: 2,
          scene: request.scene ?? MEDIA_CHECK_SCENE_FORUM,
          openid: request.openid,
        }),
      });
    });
    // The HTTPS API answers trace_id; WeChat's cloud-call variant answers traceId (developer community).
    const traceId = body.trace_id ?? body.traceId;
    if (!traceId) throw new WechatException(WechatErrorCode.Unavailable, { errcode: body.errcode ?? 0, errmsg: 'no trace_id in reply' });
    return traceId;
  }

  /**
   * auth.getAccessToken (GET /cgi-bin/token), cached until shortly before it expires; concurrent
   * callers share one request.
   */
  accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return Promise.resolve(this.token.value);
    if (!this.tokenRequest) {
      this.tokenRequest = this.fetchAccessToken().finally(() => {
        this.tokenRequest = null;
      });
    }
    return this.tokenRequest;
  }

  private async fetchAccessToken(): Promise<string> {
    const url = new URL('/cgi-bin/token', this.options.baseUrl);
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    }).toString();
    const body = await this.requestJson<WechatErrorBody & { access_token?: string; expires_in?: number }>(url);
    if (!body.access_token) throw new WechatException(WechatErrorCode.Unavailable, { errcode: body.errcode ?? 0, errmsg: 'no access_token in reply' });
    const lifetimeMs = Math.max(60_000, (body.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS);
    this.token = { value: body.access_token, expiresAt: Date.now() + lifetimeMs };
    return body.access_token;
  }

  /** Runs a call with the cached access_token; if WeChat says the token is stale, refreshes it and retries once. */
  private async withAccessToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatException) || !STALE_TOKEN.has(errcodeOf(error))) throw error;
      if (this.token?.value === token) this.token = null;
      return call(await this.accessToken());
    }
  }

  private getJson<T extends WechatErrorBody>(url: URL): Promise<T> {
    return this.requestJson<T>(url);
  }

  private async requestJson<T extends WechatErrorBody>(url: URL, init: RequestInit = {}): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let body: T;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
        body = (await response.json()) as T;
      } catch (error) {
        if (attempt < this.retries) {
          await this.pause(attempt);
          continue;
        }
        this.logger.warn({ path: url.pathname, error: String(error) }, 'WeChat API unreachable');
        throw new WechatException(WechatErrorCode.Unavailable, { errcode: 0, errmsg: 'unreachable' });
      }
      const errcode = body.errcode ?? 0;
      if (errcode === 0) return body;
      if (errcode === SYSTEM_BUSY && attempt < this.retries) {
        await this.pause(attempt);
        continue;
      }
      this.logger.warn({ path: url.pathname, errcode, errmsg: body.errmsg }, 'WeChat API refused');
      throw new WechatException(this.codeFor(errcode), { errcode, errmsg: body.errmsg });
    }
  }

  private codeFor(errcode: number): WechatErrorCode {
    if (errcode === INVALID_CODE || errcode === CODE_ALREADY_USED) return WechatErrorCode.InvalidCode;
    if (errcode === RATE_LIMITED) return WechatErrorCode.RateLimited;
    return WechatErrorCode.Unavailable;
  }

  private pause(attempt: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * (attempt + 1)));
  }
}

function errcodeOf(error: WechatException): number {
  const details = error.details as { errcode?: unknown } | undefined;
  return typeof details?.errcode === 'number' ? details.errcode : 0;
}
