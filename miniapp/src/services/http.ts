/**
 * The one HTTP client of the mini-program.
 *
 * Every call resolves (never throws) to one result shape:
 *   { ok: true, data, status } | { ok: false, error: ApiErrorBody, status }
 * so a page handles success and failure the same way everywhere.
 *
 * - Base URL: TARO_APP_API_BASE (build-time; '' on H5 = same origin, http://localhost:3000 on weapp).
 * - Adds `Authorization: Bearer <token>` when a token is stored (services/session.ts).
 * - Session: a 401 `SESSION_EXPIRED` renews the tokens once (POST /auth/refresh, shared by every call
 *   that hit the expiry at the same time) and repeats the call with the new token. When the server
 *   refuses to renew (or says the session is unknown), the tokens are cleared and the session's end
 *   is announced (hooks/useMe then offers 登录). A refresh that cannot reach the server keeps the
 *   tokens and returns the network error, so the person can press 重试 when the signal is back.
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
  type TokenPair,
} from '@village/shared';
import { messages } from '../constants/messages';
import { randomId } from './ids';
import {
  endSession,
  readAccessToken,
  readRefreshToken,
  saveTokens,
  TOKEN_STORAGE_KEY,
  type SessionEndReason,
} from './session';

export { TOKEN_STORAGE_KEY };

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
  /** Send the stored token. Default true; login and refresh calls send none. */
  withToken?: boolean;
  /** On a 401, renew the session once and repeat the call. Default true. */
  recoverSession?: boolean;
  /** Set by `upload()`: send this file as multipart/form-data instead of a JSON body. */
  upload?: UploadFile;
  /** Set by `download()`: save the answer as a file with this name. */
  download?: DownloadFile;
  /**
   * Writes: send this Idempotency-Key instead of a new one. A page whose write the person may repeat
   * by hand (重试 after an unanswered vote) keeps one key for all the taps, so the server answers the
   * repeat with the first answer instead of running the write twice.
   */
  idempotencyKey?: string;
}

/** A file the server sends (a spreadsheet): saved (H5) or opened in WeChat's document viewer (weapp). */
export interface DownloadFile {
  fileName: string;
  /** For WeChat's openDocument: xlsx, pdf, …; a csv (which openDocument cannot show) is handed to WeChat to send on. */
  fileType: 'xlsx' | 'pdf' | 'docx' | 'csv';
  /** H5: show the file in a new browser tab (to read or print a PDF) instead of saving it; saved when the tab is blocked. */
  openInBrowser?: boolean;
}

/** A file to send as multipart/form-data (Taro.uploadFile: a temp path on weapp, a blob: URL on H5). */
export interface UploadFile {
  filePath: string;
  /** Form field name of the file. */
  name: string;
  /** File name as the person picked it (H5 needs it; weapp takes it from the path). */
  fileName?: string;
  /** Other form fields. */
  formData?: Record<string, string>;
  /** Called with 0–100 as the file goes up (a retry starts again from 0). */
  onProgress?: (percent: number) => void;
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
  /** Present for multipart uploads (POST). */
  upload?: UploadFile;
  /** Present for file downloads (GET). */
  download?: DownloadFile;
}

/** What http needs from the session store; tests pass their own. */
export interface SessionDeps {
  getRefreshToken: () => string | null;
  saveTokens: (pair: TokenPair) => void;
  /** Clears the tokens and tells the app the session is over. */
  end: (reason: SessionEndReason) => void;
}

/** The server's codes for "no valid session" (401). */
export const SESSION_ERROR_CODES = {
  expired: 'SESSION_EXPIRED',
  unauthenticated: 'UNAUTHENTICATED',
  refreshInvalid: 'REFRESH_INVALID',
} as const;

export interface HttpDeps {
  baseUrl: string;
  transport: (req: TransportRequest) => Promise<RawResponse>;
  getToken: () => string | null;
  session: SessionDeps;
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
    if (req.download) return downloadTransport(req, req.download);
    if (req.upload) {
      const { filePath, name, fileName, formData, onProgress } = req.upload;
      const task = Taro.uploadFile({
        url: req.url,
        filePath,
        name,
        fileName,
        formData,
        header: req.header,
        timeout: req.timeout,
      });
      // The upload task's onProgressUpdate: Taro hangs it on the returned promise as `.progress()` (weapp and H5).
      if (onProgress && typeof (task as { progress?: unknown }).progress === 'function') {
        task.progress((p) => onProgress(Math.max(0, Math.min(100, Math.round(p.progress)))));
      }
      const res = await task;
      return { statusCode: res.statusCode, data: parseJsonText(res.data) };
    }
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
  getToken: readAccessToken,
  session: {
    getRefreshToken: readRefreshToken,
    saveTokens,
    end: endSession,
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

/**
 * Downloads: H5 fetches the file and hands it to the browser's save dialog; weapp downloads it to a
 * temp file and opens it in WeChat's document viewer (where it can be forwarded or saved). An error
 * answer is read as the usual JSON error body.
 */
async function downloadTransport(req: TransportRequest, file: DownloadFile): Promise<RawResponse> {
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(req.url, { headers: req.header });
    if (!res.ok) return { statusCode: res.status, data: parseJsonText(await res.text()) };
    const url = URL.createObjectURL(await res.blob());
    if (file.openInBrowser && window.open(url, '_blank')) {
      setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
      return { statusCode: res.status, data: null };
    }
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { statusCode: res.status, data: null };
  }
  const res = await Taro.downloadFile({ url: req.url, header: req.header, timeout: req.timeout } as Taro.downloadFile.Option);
  if (res.statusCode < 200 || res.statusCode >= 300) {
    let text = '';
    try {
      text = String(Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8'));
    } catch {
      text = '';
    }
    return { statusCode: res.statusCode, data: parseJsonText(text) };
  }
  if (file.fileType === 'csv') {
    // WeChat's document viewer cannot open CSV: send the file on (to 文件传输助手 or a colleague) instead.
    await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName: file.fileName } as Taro.shareFileMessage.Option);
    return { statusCode: res.statusCode, data: null };
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: file.fileType, showMenu: true } as Taro.openDocument.Option);
  return { statusCode: res.statusCode, data: null };
}

/** uploadFile answers with text; JSON answers become objects, anything else stays as it is. */
function parseJsonText(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

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
  /** GETs a file and saves (H5) or opens (weapp) it; same result shape, retries and session handling. */
  download(path: string, file: DownloadFile, options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<void>>;
  /** POSTs one file as multipart/form-data; same result shape, retries and session handling. */
  upload<T>(path: string, file: UploadFile, options?: Omit<RequestOptions, 'method' | 'data'>): Promise<Result<T>>;
}

type RefreshOutcome = { kind: 'refreshed' } | { kind: 'rejected' } | { kind: 'unreachable'; error: ApiErrorBody };

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

  let refreshing: Promise<RefreshOutcome> | null = null;

  /** One refresh at a time: calls that hit the expiry together share it. */
  function refreshSession(): Promise<RefreshOutcome> {
    if (!refreshing) {
      refreshing = (async (): Promise<RefreshOutcome> => {
        const refreshToken = deps.session.getRefreshToken();
        if (!refreshToken) return { kind: 'rejected' };
        const result = await request<TokenPair>('/auth/refresh', {
          method: 'POST',
          data: { refreshToken },
          withToken: false,
          recoverSession: false,
          showLoading: false,
        });
        if (result.ok) {
          deps.session.saveTokens(result.data);
          return { kind: 'refreshed' };
        }
        // The server answered and said no (401 REFRESH_INVALID, or any 4xx): the session is over.
        if (result.status !== null && result.status < 500) return { kind: 'rejected' };
        return { kind: 'unreachable', error: result.error };
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<Result<T>> {
    const method = options.method ?? 'GET';
    const correlationId = deps.newId();
    const header: Record<string, string> = {
      Accept: options.download ? '*/*' : 'application/json',
      [CORRELATION_HEADER]: correlationId,
    };
    if (method !== 'GET') {
      if (!options.upload) header['Content-Type'] = 'application/json';
      header[IDEMPOTENCY_HEADER] = options.idempotencyKey ?? deps.newId();
    }
    const sentToken = options.withToken === false ? null : deps.getToken();

    const stop = options.showLoading === false ? () => undefined : trackSlow();
    try {
      const first = await withRetries<T>(path, method, header, sentToken, options, correlationId);
      if (first.ok || first.status !== 401 || !sentToken || options.recoverSession === false) return first;

      // 401 with a token: renew once (or pick up a token another call has just renewed) and repeat.
      let retryToken: string | null = null;
      const stored = deps.getToken();
      if (stored && stored !== sentToken) {
        retryToken = stored;
      } else if (first.error.code === SESSION_ERROR_CODES.expired) {
        const outcome = await refreshSession();
        if (outcome.kind === 'unreachable') return { ok: false, error: outcome.error, status: null };
        if (outcome.kind === 'refreshed') retryToken = deps.getToken();
      }
      if (retryToken) {
        const second = await withRetries<T>(path, method, header, retryToken, options, correlationId);
        if (second.ok || second.status !== 401) return second;
        deps.session.end('expired');
        return second;
      }
      deps.session.end('expired');
      return first;
    } finally {
      stop();
    }
  }

  async function withRetries<T>(
    path: string,
    method: HttpMethod,
    baseHeader: Record<string, string>,
    token: string | null,
    options: RequestOptions,
    correlationId: string,
  ): Promise<Result<T>> {
    const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    const header = token ? { ...baseHeader, Authorization: `Bearer ${token}` } : baseHeader;
    let last: Result<T> | null = null;
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      if (attempt > 0) await deps.sleep(deps.backoffMs(attempt));
      const outcome = await once<T>(path, method, header, options, correlationId);
      last = outcome.result;
      if (!outcome.retriable) return outcome.result;
    }
    return last as Result<T>;
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
        ...(options.upload ? { upload: options.upload } : {}),
        ...(options.download ? { download: options.download } : {}),
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
    upload: (path, file, options) => request(path, { ...options, method: 'POST', upload: file }),
    download: (path, file, options) => request<void>(path, { ...options, method: 'GET', download: file }),
  };
}

/** The app's client. Tests build their own with createHttp({ transport, ... }). */
export const http = createHttp();
