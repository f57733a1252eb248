import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORRELATION_HEADER } from '@village/shared';
import { buildOpenApiDocument } from '../../src/openapi';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

describe.each(testDatabaseKinds())('platform on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { DEMO_SEED: 'false' });
  });
  afterAll(() => t.close());

  it('reports health including the database', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('names an unknown API route in the one error shape', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: '没有这个接口：GET /api/no-such-thing',
      correlationId: res.headers[CORRELATION_HEADER],
    });
  });

  it('answers malformed JSON with 400 and a correlation id', async () => {
    const res = await t.http
      .post('/api/villages/current')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores a correlation id that does not look like one', async () => {
    const res = await t.http.get('/api/health').set(CORRELATION_HEADER, 'bad id with spaces').expect(200);
    expect(res.headers[CORRELATION_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the H5 mini-program at / and hands unknown page paths to its router', async () => {
    const index = await t.http.get('/').set('accept', 'text/html').expect(200);
    expect(index.text).toContain('<title>村民议事</title>');
    const deep = await t.http.get('/pages/mine/index?mode=elder').set('accept', 'text/html').expect(200);
    expect(deep.text).toContain('<title>村民议事</title>');
    await t.http.get('/app.js').expect(200).expect('content-type', /javascript/);
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.paths).toHaveProperty('/api/villages/current');
    expect(doc.body.paths).toHaveProperty('/api/health');
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('keeps docs/openapi.json true to the code (regenerate with pnpm --filter @village/server openapi)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'openapi.json'), 'utf8'));
    expect(buildOpenApiDocument(t.app)).toEqual(committed);
  });

  it('reports 503 in the one error shape when the database is gone', async () => {
    await t.dataSource.destroy();
    const res = await t.http.get('/api/health').expect(503);
    expect(res.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: '服务暂时不可用，请稍后再试',
      details: { status: 'error', error: { database: { status: 'down' } } },
    });
  });
});
