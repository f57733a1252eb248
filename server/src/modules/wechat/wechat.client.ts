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

/** errcodes documented for auth.code2Session. */
const INVALID_CODE = 40029;
const CODE_ALREADY_USED = 40163;
const RATE_LIMITED = 45011;
const SYSTEM_BUSY = -1;

/**
 * The real HTTP client for WeChat's server API, behind a configurable base URL
 * (https://api.weixin.qq.com in production, a local fake speaking the same protocol elsewhere).
 */
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

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

  private async getJson<T extends WechatErrorBody>(url: URL): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let body: T;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
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
