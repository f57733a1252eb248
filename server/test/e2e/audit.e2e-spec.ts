import type { LoginResult } from '@village/shared';
import { AuditCheckpointService } from '../../src/modules/audit/audit-checkpoint.service';
import {
  checkpointMessage,
  hashEvent,
  leafHash,
  loadPublicKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  type CheckpointStatement,
  type JsonValue,
} from '../../src/modules/audit/domain';
import { appendEvents, checkpointsSettled, demoVillageId, headSeq } from '../support/audit';
import { bearer, loginAs } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const unhex = (h: string): Buffer => Buffer.from(h, 'hex');

/** RFC 4180, enough for our own export: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe.each(testDatabaseKinds())('audit trail API on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  const logins: Record<string, LoginResult> = {};

  beforeAll(async () => {
    t = await startTestApp(kind, { AUDIT_CHECKPOINT_EVERY: '5' , AUDIT_CHECKPOINT_NOTICES: 'false' });
    villageId = await demoVillageId(t);
    for (const persona of ['supervisor', 'secretary', 'committee', 'villager', 'household_rep', 'grid_leader', 'new']) {
      logins[persona] = await loginAs(t, persona);
    }
    const residents: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM resident WHERE village_id = ? AND status = 'active' ORDER BY name LIMIT 3",
      [villageId],
    );
    for (const r of residents) {
      await t.http.post(`/api/residents/${r.id}/binding-codes`).set(...bearer(logins.secretary)).expect(201);
    }
    await appendEvents(t, villageId, 10);
    await checkpointsSettled(t);
  });
  afterAll(() => t.close());

  const get = (path: string, persona?: string) => {
    const req = t.http.get(path);
    return persona ? req.set(...bearer(logins[persona])) : req;
  };

  describe('GET /api/audit/verify', () => {
    it.each(['supervisor', 'secretary', 'committee'])('answers %s with a passing verdict', async (persona) => {
      const head = await headSeq(t, villageId);
      const res = await get('/api/audit/verify', persona).expect(200);
      expect(res.body).toMatchObject({
        ok: true,
        villageId,
        eventsChecked: head,
        lastSeq: head,
        problem: null,
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        verifiedAt: expect.any(String),
        durationMs: expect.any(Number),
      });
      expect(res.body.checkpointsChecked).toBeGreaterThanOrEqual(2);
      expect(res.body.lastCheckpoint.treeSize % 5).toBe(0);
    });

    it.each(['villager', 'household_rep', 'grid_leader'])('refuses %s with 403 in Chinese', async (persona) => {
      const res = await get('/api/audit/verify', persona).expect(403);
      expect(res.body).toMatchObject({ code: 'ROLE_REQUIRED', message: expect.stringContaining('村务监督委员会成员') });
    });

    it('refuses the unbound and the anonymous', async () => {
      expect((await get('/api/audit/verify', 'new').expect(403)).body.code).toBe('NOT_BOUND');
      await get('/api/audit/verify').expect(401);
    });
  });

  describe('GET /api/audit/events', () => {
    it('pages newest first, with the actor’s name', async () => {
      const head = await headSeq(t, villageId);
      const res = await get('/api/audit/events?pageSize=5&page=2', 'supervisor').expect(200);
      expect(res.body).toMatchObject({ total: head, page: 2, pageSize: 5 });
      expect(res.body.items.map((e: { seq: number }) => e.seq)).toEqual([head - 5, head - 6, head - 7, head - 8, head - 9]);
      const first = await get('/api/audit/events', 'secretary').expect(200);
      expect(first.body.pageSize).toBe(20);
      expect(first.body.items[0]).toMatchObject({ seq: head, action: 'test.touched', actorName: null, actorRole: 'system' });
    });

    it('filters by action prefix, actor, entity and date', async () => {
      const secretaryId = logins.secretary.me.resident?.id as string;
      const byPrefix = await get('/api/audit/events?action=resident.binding_code', 'supervisor').expect(200);
      expect(byPrefix.body.total).toBe(3);
      expect(byPrefix.body.items.every((e: { action: string }) => e.action === 'resident.binding_code.issued')).toBe(true);
      expect(byPrefix.body.items[0]).toMatchObject({ actorId: secretaryId, actorRole: 'secretary', actorName: expect.any(String) });

      expect((await get('/api/audit/events?action=resident.binding', 'supervisor').expect(200)).body.total).toBe(0);
      expect((await get('/api/audit/events?action=test.touched', 'supervisor').expect(200)).body.total).toBe(10);
      expect((await get(`/api/audit/events?actor=${secretaryId}&action=resident.binding_code.issued`, 'supervisor').expect(200)).body.total).toBe(3);

      const one = byPrefix.body.items[0];
      const byEntity = await get(`/api/audit/events?entityType=${one.entityType}&entityId=${one.entityId}`, 'supervisor').expect(200);
      expect(byEntity.body.items.map((e: { seq: number }) => e.seq)).toContain(one.seq);
      expect(byEntity.body.items.every((e: { entityId: string }) => e.entityId === one.entityId)).toBe(true);

      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const head = await headSeq(t, villageId);
      expect((await get(`/api/audit/events?from=${today}&to=${today}`, 'supervisor').expect(200)).body.total).toBe(head);
      expect((await get('/api/audit/events?to=2020-01-01', 'supervisor').expect(200)).body.total).toBe(0);
    });

    it('validates the query in Chinese', async () => {
      const big = await get('/api/audit/events?pageSize=101', 'supervisor').expect(400);
      expect(big.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('每页最多 100 条') });
      expect((await get('/api/audit/events?page=0', 'supervisor').expect(400)).body.message).toContain('页码从 1 开始');
      expect((await get('/api/audit/events?from=2026-13-01', 'supervisor').expect(400)).body.message).toContain('开始日期');
      expect((await get('/api/audit/events?actor=nobody', 'supervisor').expect(400)).body.message).toContain('操作人编号');
      expect((await get('/api/audit/events?action=DROP%20TABLE', 'supervisor').expect(400)).body.message).toContain('操作类型');
      expect((await get('/api/audit/events?from=2026-02-02&to=2026-02-01', 'supervisor').expect(400)).body.message).toContain(
        '开始日期不能晚于结束日期',
      );
      expect((await get('/api/audit/events?extra=1', 'supervisor').expect(400)).body.message).toContain('不认识的字段');
    });

    it('opens one event with before/after parsed', async () => {
      const [row] = await t.dataSource.query("SELECT seq FROM audit_event WHERE village_id = ? AND action = 'test.touched' ORDER BY seq LIMIT 1", [villageId]);
      const res = await get(`/api/audit/events/${row.seq}`, 'committee').expect(200);
      expect(res.body).toMatchObject({ seq: Number(row.seq), villageId, before: null, after: { n: 0, note: '第0次' }, action: 'test.touched' });
      const seeded = await get('/api/audit/events/1', 'supervisor').expect(200);
      expect(seeded.body).toMatchObject({ seq: 1, action: 'village.seeded', after: expect.objectContaining({ name: '土岭底村' }) });
    });

    it('answers an unknown or malformed seq with 404 and 400', async () => {
      expect((await get('/api/audit/events/999999', 'supervisor').expect(404)).body).toMatchObject({ code: 'AUDIT_EVENT_NOT_FOUND', message: '本村没有第 999999 条审计记录' });
      expect((await get('/api/audit/events/abc', 'supervisor').expect(400)).body.message).toContain('记录序号');
      await get('/api/audit/events/0', 'supervisor').expect(400);
    });

    it('refuses a plain villager', async () => {
      for (const path of ['/api/audit/events', '/api/audit/events/1', '/api/audit/events.csv']) {
        expect((await get(path, 'villager').expect(403)).body.code).toBe('ROLE_REQUIRED');
      }
    });
  });

  describe('GET /api/audit/events.csv', () => {
    it('streams UTF-8 with a BOM, one row per event, and each row re-hashes to its hash', async () => {
      const res = await get('/api/audit/events.csv', 'supervisor')
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
      expect(header.slice(0, 4)).toEqual(['序号 seq', '时间（北京时间）', '操作人', '身份']);
      expect(rows).toHaveLength(await headSeq(t, villageId));
      const col = (name: string): number => header.indexOf(name);
      const nullable = (v: string): string | null => (v === '' ? null : v);
      for (const r of rows) {
        const content = {
          villageId: r[col('villageId')],
          seq: Number(r[0]),
          occurredAt: r[col('occurredAt')],
          actorId: nullable(r[col('actorId')]),
          actorRole: nullable(r[col('actorRole')]),
          action: r[col('action')],
          entityType: r[col('entityType')],
          entityId: r[col('entityId')],
          before: r[col('before')] === '' ? null : (JSON.parse(r[col('before')]) as JsonValue),
          after: r[col('after')] === '' ? null : (JSON.parse(r[col('after')]) as JsonValue),
          correlationId: nullable(r[col('correlationId')]),
        };
        expect(hashEvent(r[col('prevHash')], content)).toBe(r[col('hash')]);
      }
      expect(rows[0][2]).toBe('系统');
      const issued = rows.find((r) => r[col('action')] === 'resident.binding_code.issued');
      expect(issued?.[3]).toBe('书记');
    });

    it('applies the same filters', async () => {
      const res = await get('/api/audit/events.csv?action=test.touched', 'secretary').expect(200);
      expect(parseCsv(res.text.replace(/^\uFEFF/, ''))).toHaveLength(11);
      const bad = await get('/api/audit/events.csv?pageSize=5', 'secretary').expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('checkpoints', () => {
    const statementOf = (c: Record<string, unknown>): CheckpointStatement => ({
      villageId: c.villageId as string,
      treeSize: c.treeSize as number,
      rootHash: c.rootHash as string,
      lastSeq: c.lastSeq as number,
      headHash: c.headHash as string,
      createdAt: c.createdAt as string,
    });

    it('publishes every-N checkpoints to any villager, each verifiable with the public key', async () => {
      const key = await t.http.get('/api/audit/public-key').expect(200);
      expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{16}$/), signedMessagePrefix: 'village-council/audit-checkpoint/v1\n' });
      const publicKey = loadPublicKey(key.body.publicKeyPem);

      const res = await get('/api/audit/checkpoints', 'villager').expect(200);
      const head = await headSeq(t, villageId);
      // One checkpoint per unit of work that crossed a multiple of 5, at the largest multiple it
      // reached: a quarter's points publication appends hundreds of events in one unit.
      expect(res.body.total).toBeGreaterThan(1);
      expect(res.body.total).toBeLessThanOrEqual(Math.floor(head / 5));
      expect(res.body.items[0].treeSize).toBe(Math.floor(head / 5) * 5);
      for (const c of res.body.items) {
        expect(c).toMatchObject({ villageId, trigger: 'every_n', requestedBy: null, keyId: key.body.keyId });
        expect(c.treeSize % 5).toBe(0);
        expect(verifyCheckpoint(statementOf(c), c.signature, publicKey)).toBe(true);
        expect(c.signedMessage).toBe(checkpointMessage(statementOf(c)).toString('utf8'));
      }
      const paged = await get('/api/audit/checkpoints?page=2&pageSize=1', 'household_rep').expect(200);
      expect(paged.body.items[0].treeSize).toBe(res.body.items[1].treeSize);
      await get('/api/audit/checkpoints').expect(401);
    });

    it('creates one on demand (201), returns the same one when nothing changed (200)', async () => {
      // One event past the last every-N checkpoint, however many events the demo seed wrote.
      await appendEvents(t, villageId, (await headSeq(t, villageId)) % 5 === 4 ? 2 : 1);
      await checkpointsSettled(t);
      const head = await headSeq(t, villageId);
      expect(head % 5).not.toBe(0);
      const created = await t.http.post('/api/audit/checkpoints').set(...bearer(logins.supervisor)).expect(201);
      expect(created.body).toMatchObject({ treeSize: head, lastSeq: head, trigger: 'manual', requestedBy: logins.supervisor.me.resident?.id });
      const again = await t.http.post('/api/audit/checkpoints').set(...bearer(logins.committee)).expect(200);
      expect(again.body.id).toBe(created.body.id);
      expect((await t.http.post('/api/audit/checkpoints').set(...bearer(logins.villager)).expect(403)).body.code).toBe('ROLE_REQUIRED');
      expect((await get('/api/audit/verify', 'supervisor').expect(200)).body.lastCheckpoint.treeSize).toBe(head);
    });

    it('makes a daily checkpoint once the newest is a day old and there is something new, and only once', async () => {
      const service = t.app.get(AuditCheckpointService);
      const tomorrow = new Date(Date.now() + 25 * 3_600_000);
      expect(await service.createDue(tomorrow)).toBe(0); // nothing new since the manual one
      await appendEvents(t, villageId, 2);
      await checkpointsSettled(t);
      const head = await headSeq(t, villageId);
      expect(await service.createDue()).toBe(0); // the newest checkpoint is not a day old yet
      expect(await service.createDue(tomorrow)).toBe(head % 5 === 0 ? 0 : 1);
      expect(await service.createDue(tomorrow)).toBe(0);
      const [latest] = (await get('/api/audit/checkpoints', 'villager').expect(200)).body.items;
      expect(latest.treeSize).toBe(head);
    });
  });

  describe('proofs', () => {
    it('proves an event is in a signed checkpoint (inclusion, RFC 9162)', async () => {
      const res = await get('/api/audit/events/3/inclusion-proof', 'villager').expect(200);
      const p = res.body;
      expect(p).toMatchObject({ seq: 3, leafIndex: 2, checkpoint: expect.objectContaining({ treeSize: p.treeSize }) });
      expect(p.rootHash).toBe(p.checkpoint.rootHash);
      expect(p.leafHash).toBe(leafHash(unhex(p.eventHash)).toString('hex'));
      expect(verifyInclusion(unhex(p.leafHash), 2, p.treeSize, p.auditPath.map(unhex), unhex(p.rootHash))).toBe(true);
      expect(verifyInclusion(unhex(p.leafHash), 3, p.treeSize, p.auditPath.map(unhex), unhex(p.rootHash))).toBe(false);
      const [row] = await t.dataSource.query('SELECT hash FROM audit_event WHERE village_id = ? AND seq = 3', [villageId]);
      expect(p.eventHash).toBe(row.hash);
    });

    it('proves inclusion in a chosen tree size, and checks the range', async () => {
      const res = await get('/api/audit/events/7/inclusion-proof?treeSize=7', 'villager').expect(200);
      expect(verifyInclusion(unhex(res.body.leafHash), 6, 7, res.body.auditPath.map(unhex), unhex(res.body.rootHash))).toBe(true);
      const small = await get('/api/audit/events/7/inclusion-proof?treeSize=6', 'villager').expect(400);
      expect(small.body).toMatchObject({ code: 'AUDIT_TREE_SIZE_OUT_OF_RANGE', message: expect.stringContaining('treeSize 必须在 7 到') });
      await get('/api/audit/events/999999/inclusion-proof', 'villager').expect(404);
      expect((await get('/api/audit/events/1/inclusion-proof?treeSize=x', 'villager').expect(400)).body.message).toContain('treeSize 必须是整数');
      await get('/api/audit/events/1/inclusion-proof').expect(401);
    });

    it('proves a newer checkpoint only appended to an older one (consistency, RFC 9162)', async () => {
      const { items } = (await get('/api/audit/checkpoints?pageSize=100', 'villager').expect(200)).body;
      const oldest = items[items.length - 1];
      const newest = items[0];
      const res = await get(`/api/audit/consistency-proof?from=${oldest.treeSize}&to=${newest.treeSize}`, 'villager').expect(200);
      const p = res.body;
      expect(p.fromRoot).toBe(oldest.rootHash);
      expect(p.toRoot).toBe(newest.rootHash);
      expect(p.fromCheckpoint.id).toBe(oldest.id);
      expect(p.toCheckpoint.id).toBe(newest.id);
      expect(verifyConsistency(p.from, p.to, unhex(p.fromRoot), unhex(p.toRoot), p.proof.map(unhex))).toBe(true);

      const odd = (await get('/api/audit/consistency-proof?from=3&to=11', 'household_rep').expect(200)).body;
      expect(odd.fromCheckpoint).toBeNull();
      expect(verifyConsistency(3, 11, unhex(odd.fromRoot), unhex(odd.toRoot), odd.proof.map(unhex))).toBe(true);
    });

    it('validates the consistency range', async () => {
      expect((await get('/api/audit/consistency-proof?to=3', 'villager').expect(400)).body.message).toContain('from');
      expect((await get('/api/audit/consistency-proof?from=4&to=3', 'villager').expect(400)).body.code).toBe('AUDIT_TREE_SIZE_OUT_OF_RANGE');
      expect((await get('/api/audit/consistency-proof?from=1&to=999999', 'villager').expect(400)).body.code).toBe('AUDIT_TREE_SIZE_OUT_OF_RANGE');
    });
  });
});
