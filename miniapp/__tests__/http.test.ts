import { CORRELATION_HEADER, IDEMPOTENCY_HEADER, type ApiErrorBody } from '@village/shared';
import { messages } from '../src/constants/messages';
import { CLIENT_ERROR_CODES, createHttp, type HttpDeps, type RawResponse, type TransportRequest } from '../src/services/http';

/** A client whose transport answers from a script, and whose waits are recorded instead of slept. */
function setup(answers: Array<RawResponse | Error>, overrides: Partial<HttpDeps> = {}) {
  const calls: TransportRequest[] = [];
  const waits: number[] = [];
  let next = 0;
  let ids = 0;
  const transport = jest.fn(async (req: TransportRequest) => {
    calls.push(req);
    const answer = answers[Math.min(next, answers.length - 1)];
    next += 1;
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const loading = { show: jest.fn(), hide: jest.fn() };
  const client = createHttp({
    baseUrl: 'http://api.test',
    transport,
    getToken: () => null,
    newId: () => `id-${++ids}`,
    sleep: async (ms) => {
      waits.push(ms);
    },
    loading,
    ...overrides,
  });
  return { client, calls, waits, transport, loading };
}

const serverError = (status: number, body: ApiErrorBody): RawResponse => ({ statusCode: status, data: body });

describe('http result shape', () => {
  it('returns { ok: true, data } for a 2xx answer and calls /api/<path> on the base URL', async () => {
    const { client, calls } = setup([{ statusCode: 200, data: { name: '土岭底村' } }]);

    const result = await client.get<{ name: string }>('/villages/current');

    expect(result).toEqual({ ok: true, data: { name: '土岭底村' }, status: 200 });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('http://api.test/api/villages/current');
    expect(calls[0].method).toBe('GET');
  });

  it('does not double the /api prefix and copes with a trailing slash on the base URL', async () => {
    const { client, calls } = setup([{ statusCode: 200, data: {} }], { baseUrl: 'http://api.test/' });
    await client.get('/api/health');
    expect(calls[0].url).toBe('http://api.test/api/health');
  });

  it("passes the server's ApiErrorBody through unchanged and does not retry a 4xx", async () => {
    const body: ApiErrorBody = { code: 'VILLAGE_NOT_FOUND', message: '没有找到这个村。请联系村委会。', correlationId: 'srv-1' };
    const { client, transport } = setup([serverError(404, body)]);

    const result = await client.get('/villages/current');

    expect(result).toEqual({ ok: false, error: body, status: 404 });
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('maps a 4xx without an error body to a Chinese "bad response" error', async () => {
    const { client } = setup([{ statusCode: 404, data: '<html>not found</html>' }]);
    const result = await client.get('/nowhere');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(CLIENT_ERROR_CODES.badResponse);
    expect(result.error.message).toBe(messages.network.badResponse);
    expect(result.error.correlationId).toBe('id-1');
  });
});

describe('http headers', () => {
  it('sends a correlation id on every call, a new one per call', async () => {
    const { client, calls } = setup([{ statusCode: 200, data: {} }]);
    await client.get('/a');
    await client.get('/b');
    expect(calls[0].header[CORRELATION_HEADER]).toBe('id-1');
    expect(calls[1].header[CORRELATION_HEADER]).toBe('id-2');
  });

  it('adds the bearer token only when one is stored', async () => {
    const withToken = setup([{ statusCode: 200, data: {} }], { getToken: () => 'tok-123' });
    await withToken.client.get('/a');
    expect(withToken.calls[0].header.Authorization).toBe('Bearer tok-123');

    const without = setup([{ statusCode: 200, data: {} }]);
    await without.client.get('/a');
    expect(without.calls[0].header).not.toHaveProperty('Authorization');
  });

  it('puts an idempotency key on writes but not on reads', async () => {
    const { client, calls } = setup([{ statusCode: 200, data: {} }]);
    await client.get('/a');
    await client.post('/b', { x: 1 });
    expect(calls[0].header).not.toHaveProperty(IDEMPOTENCY_HEADER);
    expect(calls[1].header[IDEMPOTENCY_HEADER]).toEqual(expect.any(String));
    expect(calls[1].header[IDEMPOTENCY_HEADER]).not.toBe(calls[1].header[CORRELATION_HEADER]);
    expect(calls[1].data).toEqual({ x: 1 });
  });
});

describe('http retries', () => {
  it('retries a network failure with growing waits, then says so in Chinese', async () => {
    const { client, transport, waits } = setup([new Error('request:fail net::ERR_CONNECTION_REFUSED')]);

    const result = await client.get('/villages/current');

    expect(transport).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([500, 1500]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBeNull();
    expect(result.error.code).toBe(CLIENT_ERROR_CODES.network);
    expect(result.error.message).toBe('网络不好，没有连上服务器。请稍后再试。');
    expect(result.error.correlationId).toBe('id-1');
  });

  it('tells a time-out apart from other network failures', async () => {
    const { client } = setup([Object.assign(new Error('x'), { errMsg: 'request:fail timeout' })]);
    const result = await client.get('/slow', undefined, { retries: 0 });
    expect(!result.ok && result.error.code).toBe(CLIENT_ERROR_CODES.timeout);
    expect(!result.ok && result.error.message).toBe(messages.network.timeout);
  });

  it('recovers when a retry succeeds', async () => {
    const { client, transport } = setup([new Error('offline'), { statusCode: 200, data: { ok: 1 } }]);
    const result = await client.get('/a');
    expect(transport).toHaveBeenCalledTimes(2);
    expect(result).toEqual({ ok: true, data: { ok: 1 }, status: 200 });
  });

  it('reuses one idempotency key (and correlation id) across the retries of a write', async () => {
    const busy: ApiErrorBody = { code: 'UNAVAILABLE', message: '服务器正忙，请稍后再试。', correlationId: 'srv' };
    const { client, calls } = setup([serverError(503, busy), new Error('offline'), { statusCode: 201, data: { id: 'p1' } }]);

    const result = await client.post('/proposals', { title: '修路' });

    expect(result).toEqual({ ok: true, data: { id: 'p1' }, status: 201 });
    expect(calls).toHaveLength(3);
    const keys = calls.map((c) => c.header[IDEMPOTENCY_HEADER]);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    expect(new Set(calls.map((c) => c.header[CORRELATION_HEADER])).size).toBe(1);
  });

  it('gives two separate writes different idempotency keys', async () => {
    const { client, calls } = setup([{ statusCode: 201, data: {} }]);
    await client.post('/a', {});
    await client.post('/a', {});
    expect(calls[0].header[IDEMPOTENCY_HEADER]).not.toBe(calls[1].header[IDEMPOTENCY_HEADER]);
  });

  it("returns the server's own message after the last 5xx retry", async () => {
    const body: ApiErrorBody = { code: 'DB_DOWN', message: '数据库暂时连不上，请稍后再试。', correlationId: 'srv-9' };
    const { client, transport } = setup([serverError(500, body)]);
    const result = await client.get('/a');
    expect(transport).toHaveBeenCalledTimes(3);
    expect(result).toEqual({ ok: false, error: body, status: 500 });
  });

  it('maps a 5xx without an error body to "server busy"', async () => {
    const { client } = setup([{ statusCode: 502, data: 'Bad Gateway' }]);
    const result = await client.get('/a', undefined, { retries: 1 });
    expect(!result.ok && result.error.code).toBe(CLIENT_ERROR_CODES.server);
    expect(!result.ok && result.error.message).toBe(messages.network.serverBusy);
    expect(!result.ok && result.status).toBe(502);
  });
});

describe('http loading indicator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function slowSetup(delayMs: number) {
    let resolve: (r: RawResponse) => void = () => undefined;
    const loading = { show: jest.fn(), hide: jest.fn() };
    const client = createHttp({
      baseUrl: '',
      transport: () =>
        new Promise<RawResponse>((r) => {
          resolve = r;
          if (delayMs === 0) r({ statusCode: 200, data: {} });
        }),
      getToken: () => null,
      newId: () => 'id',
      sleep: async () => undefined,
      loading,
    });
    return { client, loading, finish: () => resolve({ statusCode: 200, data: {} }) };
  }

  it('shows loading only after 300 ms and hides it when the call ends', async () => {
    const { client, loading, finish } = slowSetup(1000);
    const pending = client.get('/a');

    jest.advanceTimersByTime(299);
    expect(loading.show).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(loading.show).toHaveBeenCalledTimes(1);

    finish();
    await pending;
    expect(loading.hide).toHaveBeenCalledTimes(1);
  });

  it('never flashes loading for a fast call, nor when asked not to', async () => {
    const fast = slowSetup(0);
    await fast.client.get('/a');
    jest.advanceTimersByTime(1000);
    expect(fast.loading.show).not.toHaveBeenCalled();
    expect(fast.loading.hide).not.toHaveBeenCalled();

    const quiet = slowSetup(1000);
    const pending = quiet.client.get('/a', undefined, { showLoading: false });
    jest.advanceTimersByTime(1000);
    quiet.finish();
    await pending;
    expect(quiet.loading.show).not.toHaveBeenCalled();
  });
});

describe('http default wiring (Taro.request, stored token)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro') as typeof import('../__mocks__/taro');

  beforeEach(() => taro.resetTaroMock());

  it('sends through Taro.request with the stored token and a JSON body', async () => {
    taro.setStorageSync('village.token', 'tok-9');
    taro.request.mockResolvedValue({ statusCode: 201, data: { id: 'x' }, header: {} });
    const client = createHttp({ baseUrl: '', sleep: async () => undefined });

    const result = await client.post('/things', { a: 1 }, { showLoading: false });

    expect(result).toEqual({ ok: true, data: { id: 'x' }, status: 201 });
    const arg = taro.request.mock.calls[0][0];
    expect(arg.url).toBe('/api/things');
    expect(arg.method).toBe('POST');
    expect(arg.data).toEqual({ a: 1 });
    expect(arg.header.Authorization).toBe('Bearer tok-9');
    expect(arg.header[CORRELATION_HEADER]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('maps a rejected Taro.request (e.g. fetch failed) to the network error', async () => {
    taro.request.mockRejectedValue(new TypeError('Failed to fetch'));
    const client = createHttp({ baseUrl: '', sleep: async () => undefined });
    const result = await client.get('/villages/current', undefined, { showLoading: false });
    expect(taro.request).toHaveBeenCalledTimes(3);
    expect(!result.ok && result.error.message).toBe(messages.network.offline);
  });
});
