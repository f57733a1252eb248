/**
 * The one HTTP client of the mini-program.
 *
 * Every call resolves (never throws) to one result shape:
 *   { ok: true, data, status } | { ok: false, error: ApiErrorBody, status }
 * so a page handles success and failure the same way everywhere.
 *
 * - Base URL: TARO_APP_API_BASE (build-time; '' on H5 = same origin, http://localhost:3000 on weapp).
 * - Adds `Authorization: Bearer <token>` when a token is stored (login comes later).
 * - Sends a new `x-correlation-id` for each call; retries of the same call keep it, so the server's
 *   log lines of one tap belong together and match the id shown with an error.
 * - Retries network failures, time-outs and 5xx up to 2 more times with growing waits. Writes
 *   (POST/PUT/PATCH/DELETE) carry one `idempotency-key` that every retry reuses, so the server
 *   applies a retried write only once.
 * - Feedback: when a call takes longer than 300 ms, the native loading indicator (Taro.showLoading)
 *   appears until every slow call is done. Errors are NOT shown as toasts here: a toast vanishes
 *   before an older reader has finished it (UX.md: nothing times out while the person reads), so
 *   each page shows `error.message` inline with a 重试 button (see components/ErrorState).
 */
import Taro from '@tarojs/taro';
import {
  API_PREFIX,
  CORRELATION_HEADER,
  IDEMPOTENCY_HEADER,
  isApiErrorBody,
  type ApiErrorBody,
} from '@village/shared';
import { messages } from '../constants/messages';
import { randomId } from './ids';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Result<T> =
  | { ok: true; data: T; status: number }
  | { ok: false; error: ApiErrorBody; status: number | null };

/** Error codes the client makes up itself when the server did not answer with an ApiErrorBody. */
export const CLIENT_ERROR_CODES = {
  network: 'CLIENT_NETWORK_ERROR',
  timeout: 'CLIENT_TIMEOUT',
  server: 'CLIENT_SERVER_ERROR',
  badResponse: 'CLIENT_BAD_RESPONSE',
} as const;

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body for writes; query parameters for GET. */
  data?: Record<string, unknown> | unknown[];
  /** Extra attempts after the first one, for network failures and 5xx. Default 2. */
  retries?: number;
  /** Show the native loading indicator when the call is slow. Default true. */
  showLoading?: boolean;
  timeoutMs?: number;
}

export interface RawResponse {
  statusCode: number;
  data: unknown;
}

export interface TransportRequest {
  url: string;
  method: HttpMethod;
  header: Record<string, string>;
  data?: unknown;
  timeout: number;
}

export interface HttpDeps {
  baseUrl: string;
  transport: (req: TransportRequest) => Promise<RawResponse>;
  getToken: () => string | null;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  loading: { show: () => void; hide: () => void };
  /** Delay before the loading indicator appears. */
  loadingDelayMs: number;
  /** Wait before retry n (1-based). */
  backoffMs: (attempt: number) => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export const TOKEN_STORAGE_KEY = 'village.token';
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 2;

function defaultBaseUrl(): string {
  // Replaced at build time by config/index.ts (env.TARO_APP_API_BASE).
  const configured = process.env.TARO_APP_API_BASE;
  return typeof configured === 'string' ? configured : '';
}

const defaultDeps: HttpDeps = {
  baseUrl: defaultBaseUrl(),
  transport: async (req) => {
    const res = await Taro.request({
      url: req.url,
      method: req.method,
      header: req.header,
      data: req.data as Record<string, unknown> | undefined,
      timeout: req.timeout,
      dataType: 'json',
    });
    return { statusCode: res.statusCode, data: res.data };
  },
  getToken: () => {
    try {
      const token: unknown = Taro.getStorageSync(TOKEN_STORAGE_KEY);
      return typeof token === 'string' && token !== '' ? token : null;
    } catch {
      return null;
    }
  },
  newId: randomId,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  loading: {
    show: () => {
      void Taro.showLoading({ title: messages.common.loading, mask: false });
    },
    hide: () => {
      void Taro.hideLoading();
    },
  },
  loadingDelayMs: 300,
  backoffMs: (attempt) => 500 * 3 ** (attempt - 1), // 0.5 s, 1.5 s
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function isRetriableStatus(status: number): boolean {
  return status >= 500 && status !== 501;
}

function joinUrl(base: string, path: string): string {
  const cleanPath = path.startsWith('/') ? path : `/${path}`;
  const prefixed = cleanPath.startsWith(`/${API_PREFIX}/`) ? cleanPath : `/${API_PREFIX}${cleanPath}`;
  return base.replace(/\/+$/, '') + prefixed;
}

function clientError(code: string, message: string, correlationId: string, details?: unknown): ApiErrorBody {
  return details === undefined ? { code, message, correlationId } : { code, message, correlationId, details };
}

function describeFailure(err: unknown): 'timeout' | 'network' {
  const text =
    typeof err === 'object' && err !== null
      ? String((err as { errMsg?: unknown; message?: unknown; name?: unknown }).errMsg ?? '') +
        String((err as { message?: unknown }).message ?? '') +
        String((err as { name?: unknown }).name ?? '')
      : String(err);
  return /timeout|timed out|abort/i.test(text) ? 'timeout' : 'network';
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<Result<T>>;
  get<T>(path: string, query?: Record<string, unknown>, options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<T>>;
  post<T>(path: string, body?: RequestOptions['data'], options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<T>>;
  put<T>(path: string, body?: RequestOptions['data'], options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<T>>;
  patch<T>(path: string, body?: RequestOptions['data'], options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<T>>;
  delete<T>(path: string, options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<T>>;
}

export function createHttp(overrides: Partial<HttpDeps> = {}): HttpClient {
  const deps: HttpDeps = { ...defaultDeps, ...overrides };
  let slowCalls = 0;

  /** Shows the loading indicator once the call has run for `loadingDelayMs`; returns a stop function. */
  function trackSlow(): () => void {
    let shown = false;
    const handle = deps.setTimer(() => {
      shown = true;
      slowCalls += 1;
      if (slowCalls === 1) deps.loading.show();
    }, deps.loadingDelayMs);
    return () => {
      deps.clearTimer(handle);
      if (shown) {
        slowCalls -= 1;
        if (slowCalls === 0) deps.loading.hide();
      }
    };
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<Result<T>> {
    const method = options.method ?? 'GET';
    const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    const correlationId = deps.newId();
    const header: Record<string, string> = {
      Accept: 'application/json',
      [CORRELATION_HEADER]: correlationId,
    };
    if (method !== 'GET') {
      header['Content-Type'] = 'application/json';
      header[IDEMPOTENCY_HEADER] = deps.newId();
    }
    const token = deps.getToken();
    if (token) header.Authorization = `Bearer ${token}`;

    const stop = options.showLoading === false ? () => undefined : trackSlow();
    try {
      let last: Result<T> | null = null;
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (attempt > 0) await deps.sleep(deps.backoffMs(attempt));
        const outcome = await once<T>(path, method, header, options, correlationId);
        last = outcome.result;
        if (!outcome.retriable) return outcome.result;
      }
      return last as Result<T>;
    } finally {
      stop();
    }
  }

  async function once<T>(
    path: string,
    method: HttpMethod,
    header: Record<string, string>,
    options: RequestOptions,
    correlationId: string,
  ): Promise<{ result: Result<T>; retriable: boolean }> {
    let res: RawResponse;
    try {
      res = await deps.transport({
        url: joinUrl(deps.baseUrl, path),
        method,
        header: { ...header },
        data: options.data,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    } catch (err) {
      const kind = describeFailure(err);
      const error =
        kind === 'timeout'
          ? clientError(CLIENT_ERROR_CODES.timeout, messages.network.timeout, correlationId)
          : clientError(CLIENT_ERROR_CODES.network, messages.network.offline, correlationId);
      return { result: { ok: false, error, status: null }, retriable: true };
    }

    const { statusCode, data } = res;
    if (statusCode >= 200 && statusCode < 300) {
      return { result: { ok: true, data: data as T, status: statusCode }, retriable: false };
    }
    const retriable = isRetriableStatus(statusCode);
    if (isApiErrorBody(data)) {
      return { result: { ok: false, error: data, status: statusCode }, retriable };
    }
    const error =
      statusCode >= 500
        ? clientError(CLIENT_ERROR_CODES.server, messages.network.serverBusy, correlationId, { status: statusCode })
        : clientError(CLIENT_ERROR_CODES.badResponse, messages.network.badResponse, correlationId, {
            status: statusCode,
          });
    return { result: { ok: false, error, status: statusCode }, retriable };
  }

  return {
    request,
    get: (path, query, options) => request(path, { ...options, method: 'GET', data: query }),
    post: (path, body, options) => request(path, { ...options, method: 'POST', data: body }),
    put: (path, body, options) => request(path, { ...options, method: 'PUT', data: body }),
    patch: (path, body, options) => request(path, { ...options, method: 'PATCH', data: body }),
    delete: (path, options) => request(path, { ...options, method: 'DELETE' }),
  };
}

/** The app's client. Tests build their own with createHttp({ transport, ... }). */
export const http = createHttp();
