import type { ApiErrorBody, TokenPair } from '@village/shared';
import * as taro from '../__mocks__/taro';
import { createHttp, type RawResponse, type SessionDeps, type TransportRequest } from '../src/services/http';
import {
  endSession,
  onSessionEnded,
  readAccessToken,
  readRefreshToken,
  REFRESH_TOKEN_STORAGE_KEY,
  saveTokens,
  TOKEN_STORAGE_KEY,
} from '../src/services/session';

const expired: ApiErrorBody = { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录', correlationId: 's1' };
const unknown: ApiErrorBody = { code: 'UNAUTHENTICATED', message: '请先登录', correlationId: 's2' };
const refreshInvalid: ApiErrorBody = { code: 'REFRESH_INVALID', message: '登录已过期，请重新登录', correlationId: 's3' };

function pair(n: number): TokenPair {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    accessExpiresAt: '2026-11-25T10:00:00Z',
    refreshExpiresAt: '2026-12-25T10:00:00Z',
  };
}

/**
 * A client over a fake server: `/api/auth/refresh` answers from `refreshAnswers`, every other call
 * is 401 SESSION_EXPIRED unless it carries a token in `validTokens`.
 */
function setup(opts: {
  access?: string | null;
  refresh?: string | null;
  validTokens?: string[];
  refreshAnswers?: Array<RawResponse | Error>;
  otherAnswer?: (req: TransportRequest) => RawResponse | null;
}) {
  const store = { access: opts.access ?? null, refresh: opts.refresh ?? null };
  const ended: string[] = [];
  const calls: TransportRequest[] = [];
  const refreshAnswers = [...(opts.refreshAnswers ?? [])];
  const valid = new Set(opts.validTokens ?? []);
  const session: SessionDeps = {
    getRefreshToken: () => store.refresh,
    saveTokens: (p) => {
      store.access = p.accessToken;
      store.refresh = p.refreshToken;
      valid.add(p.accessToken);
    },
    end: (reason) => {
      store.access = null;
      store.refresh = null;
      ended.push(reason);
    },
  };
  const transport = jest.fn(async (req: TransportRequest): Promise<RawResponse> => {
    calls.push(req);
    if (req.url.endsWith('/api/auth/refresh')) {
      const answer = refreshAnswers.shift() ?? { statusCode: 401, data: refreshInvalid };
      if (answer instanceof Error) throw answer;
      return answer;
    }
    const special = opts.otherAnswer?.(req);
    if (special) return special;
    const token = req.header.Authorization?.replace('Bearer ', '');
    if (token && valid.has(token)) return { statusCode: 200, data: { token } };
    return { statusCode: 401, data: expired };
  });
  let ids = 0;
  const client = createHttp({
    baseUrl: '',
    transport,
    getToken: () => store.access,
    session,
    newId: () => `id-${++ids}`,
    sleep: async () => undefined,
    loading: { show: jest.fn(), hide: jest.fn() },
  });
  const refreshCalls = () => calls.filter((c) => c.url.endsWith('/api/auth/refresh'));
  return { client, store, ended, calls, refreshCalls };
}

describe('session renewal in http', () => {
  it('on 401 SESSION_EXPIRED renews once, stores the new pair and repeats the call with the new token', async () => {
    const t = setup({ access: 'access-0', refresh: 'refresh-0', refreshAnswers: [{ statusCode: 200, data: pair(1) }] });

    const result = await t.client.post('/me/binding', { code: 'K7M2QX' });

    expect(result).toEqual({ ok: true, data: { token: 'access-1' }, status: 200 });
    expect(t.refreshCalls()).toHaveLength(1);
    expect(t.refreshCalls()[0].data).toEqual({ refreshToken: 'refresh-0' });
    expect(t.refreshCalls()[0].header).not.toHaveProperty('Authorization');
    expect(t.store).toEqual({ access: 'access-1', refresh: 'refresh-1' });
    const writes = t.calls.filter((c) => c.url.endsWith('/api/me/binding'));
    expect(writes.map((c) => c.header.Authorization)).toEqual(['Bearer access-0', 'Bearer access-1']);
    // The repeat is the same write: the server sees one idempotency key.
    expect(writes[0].header['idempotency-key']).toBe(writes[1].header['idempotency-key']);
    expect(t.ended).toEqual([]);
  });

  it('shares one refresh between calls that hit the expiry together (the old refresh token dies on use)', async () => {
    const t = setup({ access: 'access-0', refresh: 'refresh-0', refreshAnswers: [{ statusCode: 200, data: pair(1) }] });

    const [a, b, c] = await Promise.all([t.client.get('/me'), t.client.get('/roster/households'), t.client.get('/roster/grids')]);

    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    expect(t.refreshCalls()).toHaveLength(1);
    expect(t.ended).toEqual([]);
  });

  it('when the server refuses to renew, clears the session, says it ended, and returns the 401', async () => {
    const t = setup({ access: 'access-0', refresh: 'refresh-0', refreshAnswers: [{ statusCode: 401, data: refreshInvalid }] });

    const result = await t.client.get('/me');

    expect(result).toEqual({ ok: false, error: expired, status: 401 });
    expect(t.ended).toEqual(['expired']);
    expect(t.store).toEqual({ access: null, refresh: null });
    expect(t.refreshCalls()).toHaveLength(1);
  });

  it('ends the session without a refresh call when no refresh token is stored', async () => {
    const t = setup({ access: 'access-0', refresh: null });
    const result = await t.client.get('/me');
    expect(result.ok).toBe(false);
    expect(t.refreshCalls()).toHaveLength(0);
    expect(t.ended).toEqual(['expired']);
  });

  it('keeps the tokens and returns the network error when the refresh cannot reach the server', async () => {
    const offline = new Error('request:fail net::ERR_INTERNET_DISCONNECTED');
    const t = setup({ access: 'access-0', refresh: 'refresh-0', refreshAnswers: [offline, offline, offline] });

    const result = await t.client.get('/me');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CLIENT_NETWORK_ERROR');
    expect(result.error.message).toBe('网络不好，没有连上服务器。请稍后再试。');
    expect(t.ended).toEqual([]);
    expect(t.store).toEqual({ access: 'access-0', refresh: 'refresh-0' });
  });

  it('treats UNAUTHENTICATED (session revoked or unknown) as over: no refresh, session ended', async () => {
    const t = setup({
      access: 'access-0',
      refresh: 'refresh-0',
      otherAnswer: () => ({ statusCode: 401, data: unknown }),
    });
    const result = await t.client.get('/me');
    expect(result).toEqual({ ok: false, error: unknown, status: 401 });
    expect(t.refreshCalls()).toHaveLength(0);
    expect(t.ended).toEqual(['expired']);
  });

  it('repeats with the stored token when another call renewed it meanwhile (no second refresh)', async () => {
    const t = setup({ access: 'access-0', refresh: 'refresh-0', validTokens: ['access-5'] });
    t.calls.length = 0;
    // The first answer arrives after someone else has stored access-5.
    const original = t.client;
    const pending = original.get('/me');
    t.store.access = 'access-5';
    const result = await pending;
    expect(result).toEqual({ ok: true, data: { token: 'access-5' }, status: 200 });
    expect(t.refreshCalls()).toHaveLength(0);
  });

  it('ends the session when the renewed token is refused as well', async () => {
    const t = setup({
      access: 'access-0',
      refresh: 'refresh-0',
      refreshAnswers: [{ statusCode: 200, data: pair(1) }],
      otherAnswer: () => ({ statusCode: 401, data: expired }),
    });
    const result = await t.client.get('/me');
    expect(result.ok).toBe(false);
    expect(t.refreshCalls()).toHaveLength(1);
    expect(t.ended).toEqual(['expired']);
  });

  it('does nothing special for a 401 without a token, or when asked not to recover', async () => {
    const signedOut = setup({ access: null, refresh: 'refresh-0' });
    expect((await signedOut.client.get('/me')).status).toBe(401);
    expect(signedOut.refreshCalls()).toHaveLength(0);
    expect(signedOut.ended).toEqual([]);

    const noRecover = setup({ access: 'access-0', refresh: 'refresh-0' });
    expect((await noRecover.client.post('/auth/logout', undefined, { recoverSession: false })).status).toBe(401);
    expect(noRecover.refreshCalls()).toHaveLength(0);
    expect(noRecover.ended).toEqual([]);
  });

  it('sends no token at all with withToken: false (login calls)', async () => {
    const t = setup({ access: 'access-0', otherAnswer: () => ({ statusCode: 200, data: {} }) });
    await t.client.post('/auth/demo-login', { persona: 'new' }, { withToken: false, recoverSession: false });
    expect(t.calls[0].header).not.toHaveProperty('Authorization');
  });
});

describe('session store (Taro storage)', () => {
  beforeEach(() => taro.resetTaroMock());

  it('keeps the access token under village.token and the refresh token beside it', () => {
    saveTokens(pair(3));
    expect(taro.getStorageSync(TOKEN_STORAGE_KEY)).toBe('access-3');
    expect(taro.getStorageSync(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-3');
    expect(readAccessToken()).toBe('access-3');
    expect(readRefreshToken()).toBe('refresh-3');
  });

  it('endSession clears both tokens and tells every listener why', () => {
    saveTokens(pair(4));
    const heard: string[] = [];
    const stop = onSessionEnded((reason) => heard.push(reason));
    endSession('expired');
    stop();
    endSession('signedOut');
    expect(heard).toEqual(['expired']);
    expect(readAccessToken()).toBeNull();
    expect(readRefreshToken()).toBeNull();
  });

  it('the default client renews through Taro.request and stores the new pair', async () => {
    saveTokens(pair(0));
    taro.request
      .mockResolvedValueOnce({ statusCode: 401, data: expired, header: {} })
      .mockResolvedValueOnce({ statusCode: 200, data: pair(1), header: {} })
      .mockResolvedValueOnce({ statusCode: 200, data: { name: '王建国' }, header: {} });
    const client = createHttp({ baseUrl: '', sleep: async () => undefined });

    const result = await client.get('/me', undefined, { showLoading: false });

    expect(result).toEqual({ ok: true, data: { name: '王建国' }, status: 200 });
    expect(taro.request.mock.calls.map((c) => c[0].url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
    expect(taro.request.mock.calls[2][0].header.Authorization).toBe('Bearer access-1');
    expect(readRefreshToken()).toBe('refresh-1');
  });
});

describe('uploads', () => {
  beforeEach(() => taro.resetTaroMock());

  it('sends the file with Taro.uploadFile (multipart, no JSON content type) and parses the JSON text answer', async () => {
    saveTokens(pair(2));
    taro.uploadFile.mockResolvedValue({ statusCode: 200, data: JSON.stringify({ dataRows: 3 }) });
    const client = createHttp({ baseUrl: 'http://api.test', sleep: async () => undefined });

    const result = await client.upload(
      '/roster/imports?mode=dry-run',
      { filePath: 'blob:x', name: 'file', fileName: '花名册.xlsx' },
      { showLoading: false },
    );

    expect(result).toEqual({ ok: true, data: { dataRows: 3 }, status: 200 });
    const arg = taro.uploadFile.mock.calls[0][0];
    expect(arg.url).toBe('http://api.test/api/roster/imports?mode=dry-run');
    expect(arg.filePath).toBe('blob:x');
    expect(arg.name).toBe('file');
    expect(arg.fileName).toBe('花名册.xlsx');
    expect(arg.header.Authorization).toBe('Bearer access-2');
    expect(arg.header['Content-Type']).toBeUndefined();
    expect(arg.header['idempotency-key']).toEqual(expect.any(String));
  });

  it("passes on the server's error body from an upload", async () => {
    const body: ApiErrorBody = { code: 'IMPORT_FILE_UNREADABLE', message: '文件打不开。请另存为 .xlsx 再试。', correlationId: 'u1' };
    taro.uploadFile.mockResolvedValue({ statusCode: 400, data: JSON.stringify(body) });
    const client = createHttp({ baseUrl: '', sleep: async () => undefined });
    const result = await client.upload('/roster/imports', { filePath: 'p', name: 'file' }, { showLoading: false });
    expect(result).toEqual({ ok: false, error: body, status: 400 });
  });
});
