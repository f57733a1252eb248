import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResult } from '@village/shared';
import { EXIT_ERROR, EXIT_OK, EXIT_TAMPERED, runAuditVerify } from '../../src/cli/audit-verify';
import { AuditSigningKey } from '../../src/modules/audit/audit-signing-key';
import { generateSigningKeyPair, privateKeyPem } from '../../src/modules/audit/domain';
import { UnauditedWriteError } from '../../src/modules/audit/audit-write.guard';
import { MissingAuditEventError, UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { Household } from '../../src/modules/villages/entities';
import { appendEvents, checkpointsSettled, demoVillageId, headSeq, seqs, tamper } from '../support/audit';
import { bearer, loginAs } from '../support/auth';
import { seedDemoVillage } from '../../src/seed/demo-seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

/**
 * The trail is tampered with the way someone with database access would (raw SQL), and
 * GET /api/audit/verify must name the first broken position. Each test undoes its tampering, so the
 * trail verifies again between tests.
 */
describe.each(testDatabaseKinds())('audit trail tampering and concurrency on %s', (kind) => {
  let t: TestApp;
  let supervisor: LoginResult;
  let villageId: string;
  let head: number;

  beforeAll(async () => {
    // Only the demo village itself (one audit event): the rest of the demo seed writes hundreds.
    t = await startTestApp(kind, { AUDIT_CHECKPOINT_EVERY: '10', AUDIT_CHECKPOINT_NOTICES: 'false', DEMO_SEED: 'false' });
    await seedDemoVillage(t.dataSource);
    villageId = await demoVillageId(t);
    supervisor = await loginAs(t, 'supervisor');
    // Up to exactly 40 events, so checkpoints sit at 10, 20, 30 and 40.
    await appendEvents(t, villageId, 40 - (await headSeq(t, villageId)));
    await checkpointsSettled(t);
    head = await headSeq(t, villageId);
  });
  afterAll(() => t.close());

  const verify = async (): Promise<Record<string, unknown>> => {
    const res = await t.http.get('/api/audit/verify').set(...bearer(supervisor)).expect(200);
    return res.body;
  };

  /** Tampers, expects the problem, undoes, and checks the trail verifies again. */
  const expectDetected = async (doTamper: () => Promise<() => Promise<void>>, problem: Record<string, unknown>): Promise<void> => {
    const undo = await doTamper();
    try {
      const verdict = await verify();
      expect(verdict).toMatchObject({ ok: false, problem });
    } finally {
      await undo();
    }
    expect(await verify()).toMatchObject({ ok: true, problem: null });
  };

  it('starts from an intact trail of 40 events with 4 every-N checkpoints', async () => {
    expect(head).toBe(40);
    expect(await seqs(t.dataSource, villageId)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, eventsChecked: 40, lastSeq: 40, checkpointsChecked: 4, problem: null });
    expect(verdict.lastCheckpoint).toMatchObject({ treeSize: 40 });
    const checkpoints = await t.dataSource.query('SELECT tree_size, trigger_kind FROM audit_checkpoint WHERE village_id = ? ORDER BY tree_size', [villageId]);
    expect(checkpoints.map((c: { tree_size: number }) => Number(c.tree_size))).toEqual([10, 20, 30, 40]);
    expect(new Set(checkpoints.map((c: { trigger_kind: string }) => c.trigger_kind))).toEqual(new Set(['every_n']));
  });

  it.each([
    ['after_json', '{"n":999,"note":"改过"}'],
    ['action', 'test.forged'],
    ['actor_id', '00000000-0000-4000-8000-000000000000'],
    ['occurred_at', '2020-01-01T00:00:00.000Z'],
  ])('edited: one field (%s) of row 12 changed → 第 12 条记录被修改过', async (column, value) => {
    await expectDetected(() => tamper.editField(t.dataSource, villageId, 12, column, value), {
      kind: 'edited',
      seq: 12,
      position: 12,
      message: '第 12 条记录被修改过',
    });
  });

  it('edited: a signed checkpoint is refused while the trail is broken', async () => {
    const undo = await tamper.editField(t.dataSource, villageId, 33, 'entity_id', 'someone-else');
    try {
      const res = await t.http.post('/api/audit/checkpoints').set(...bearer(supervisor)).expect(409);
      expect(res.body).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', details: { problem: { kind: 'edited', seq: 33 } } });
      expect(res.body.message).toContain('第 33 条记录被修改过');
    } finally {
      await undo();
    }
  });

  it('missing: row 15 deleted → 第 15 条记录缺失', async () => {
    await expectDetected(() => tamper.deleteRows(t.dataSource, villageId, 15), {
      kind: 'missing',
      seq: 15,
      position: 15,
      message: '第 15 条记录缺失',
    });
  });

  it('missing: rows 3 to 5 deleted', async () => {
    await expectDetected(() => tamper.deleteRows(t.dataSource, villageId, 3, 5), { kind: 'missing', seq: 3, message: '第 3 至 5 条记录缺失' });
  });

  it('reordered: rows 7 and 9 swapped (seq values exchanged) → 第 7 条 moved from 9', async () => {
    await expectDetected(() => tamper.swapSeqs(t.dataSource, villageId, 7, 9), {
      kind: 'reordered',
      seq: 7,
      position: 7,
      message: '第 7 条记录的位置被调换过（它原本是第 9 条）',
    });
  });

  it('reordered: neighbours 21 and 22 swapped', async () => {
    await expectDetected(() => tamper.swapSeqs(t.dataSource, villageId, 21, 22), {
      kind: 'reordered',
      seq: 21,
      message: '第 21 条记录的位置被调换过（它原本是第 22 条）',
    });
  });

  it('truncated: last 3 rows deleted and the head rewound, so only the signed checkpoint at 40 reveals it', async () => {
    await expectDetected(
      async () => {
        const restoreRows = await tamper.deleteRows(t.dataSource, villageId, 38, 40);
        const restoreHead = await tamper.rewindHead(t.dataSource, villageId, 37);
        return async () => {
          await restoreRows();
          await restoreHead();
        };
      },
      { kind: 'truncated', seq: 38, position: 38, message: '最后 3 条记录被删除' },
    );
  });

  it('truncated: last 2 rows deleted without touching the head', async () => {
    await expectDetected(() => tamper.deleteRows(t.dataSource, villageId, 39, 40), { kind: 'truncated', seq: 39, message: '最后 2 条记录被删除' });
  });

  it('head_mismatch: the head rewound while the rows stay', async () => {
    await expectDetected(() => tamper.rewindHead(t.dataSource, villageId, 35), { kind: 'head_mismatch', seq: 36 });
  });

  it('bad_signature: checkpoint 20 re-signed with another key', async () => {
    const [row] = await t.dataSource.query('SELECT * FROM audit_checkpoint WHERE village_id = ? AND tree_size = 20', [villageId]);
    const forger = AuditSigningKey.generate();
    const forged = forger.sign({
      villageId,
      treeSize: 20,
      lastSeq: 20,
      rootHash: row.root_hash,
      headHash: row.head_hash,
      createdAt: row.created_at,
    });
    await expectDetected(() => tamper.editCheckpoint(t.dataSource, villageId, 20, 'signature', forged), {
      kind: 'bad_signature',
      seq: 20,
      position: 20,
      checkpointTreeSize: 20,
      message: '第 20 条处的检查点签名不对，检查点被伪造或改动过',
    });
  });

  it('bad_signature: the root of checkpoint 30 replaced (signature no longer matches)', async () => {
    await expectDetected(() => tamper.editCheckpoint(t.dataSource, villageId, 30, 'root_hash', 'a'.repeat(64)), { kind: 'bad_signature', seq: 30 });
  });

  it('checkpoint_mismatch: row 25 rewritten and the rest of the chain rehashed, caught by checkpoint 30', async () => {
    await expectDetected(() => tamper.rewriteAndRehash(t.dataSource, villageId, 25, { after: { n: 0, note: '篡改后重算了哈希' } }), {
      kind: 'checkpoint_mismatch',
      seq: 30,
      checkpointTreeSize: 30,
      message: expect.stringContaining('前 30 条记录与'),
    });
  });

  it('reports the earliest of several problems', async () => {
    const undoLate = await tamper.deleteRows(t.dataSource, villageId, 31);
    const undoEarly = await tamper.editField(t.dataSource, villageId, 8, 'action', 'x.y');
    try {
      expect(await verify()).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 8 } });
    } finally {
      await undoEarly();
      await undoLate();
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  describe('command line: audit:verify', () => {
    const cli = async (args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const code = await runAuditVerify(
        args,
        { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: t.database.url, KEYS_DIR: mkdtempSync(join(tmpdir(), 'village-cli-keys-')), ...env },
        (text) => (out += text),
        (text) => (err += text),
      );
      return { code, out, err };
    };
    let publicKeyFile: string;

    beforeAll(async () => {
      const res = await t.http.get('/api/audit/public-key').expect(200);
      publicKeyFile = join(mkdtempSync(join(tmpdir(), 'village-pub-')), 'audit.pem');
      writeFileSync(publicKeyFile, res.body.publicKeyPem);
    });

    it('exits 0 with a Chinese and an English summary for an intact trail (by code or id)', async () => {
      const byCode = await cli(['--village', '140431203201', '--public-key', publicKeyFile]);
      expect(byCode).toMatchObject({ code: EXIT_OK, err: '' });
      expect(byCode.out).toContain('【通过】土岭底村（140431203201）的审计记录完整');
      expect(byCode.out).toContain('[OK] audit trail of 土岭底村（140431203201） is intact: 40 events and 4 signed checkpoints verified');
      const byId = await cli(['--village', villageId, '--public-key', publicKeyFile, '--json']);
      expect(byId.code).toBe(EXIT_OK);
      expect(JSON.parse(byId.out)).toMatchObject({ ok: true, eventsChecked: 40, checkpointsChecked: 4 });
    });

    it('exits 2 and names the position when the trail was tampered with', async () => {
      const undo = await tamper.deleteRows(t.dataSource, villageId, 17);
      try {
        const res = await cli(['--village', '140431203201', '--public-key', publicKeyFile]);
        expect(res.code).toBe(EXIT_TAMPERED);
        expect(res.out).toContain('【未通过】土岭底村（140431203201）的审计记录被篡改：第 17 条记录缺失');
        expect(res.out).toContain('[TAMPERED]');
        expect(res.out).toContain('event #17 (and possibly more) is missing (position 17, kind missing)');
      } finally {
        await undo();
      }
    });

    it('exits 2 when the checkpoints were signed by another key than the one given', async () => {
      const other = privateKeyPem(generateSigningKeyPair().privateKey);
      const res = await cli(['--village', '140431203201'], { AUDIT_SIGNING_KEY: other });
      expect(res.code).toBe(EXIT_TAMPERED);
      expect(res.out).toContain('bad_signature');
    });

    it('exits 1 without a village, for an unknown village, or without any key', async () => {
      expect((await cli([])).code).toBe(EXIT_ERROR);
      const unknown = await cli(['--village', '999999999999', '--public-key', publicKeyFile]);
      expect(unknown).toMatchObject({ code: EXIT_ERROR, err: expect.stringContaining('没有找到村 999999999999') });
      const noKey = await cli(['--village', '140431203201']);
      expect(noKey).toMatchObject({ code: EXIT_ERROR, err: expect.stringContaining('No checkpoint key') });
    });
  });

  it('keeps 50 parallel mutations through real endpoints in one contiguous, valid chain', async () => {
    const secretary = await loginAs(t, 'secretary');
    const before = await headSeq(t, villageId);
    const residents: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM resident WHERE village_id = ? AND status = 'active' ORDER BY id LIMIT 50",
      [villageId],
    );
    expect(residents).toHaveLength(50);
    const responses = await Promise.all(
      residents.map((r) => t.http.post(`/api/residents/${r.id}/binding-codes`).set(...bearer(secretary))),
    );
    expect(responses.map((r) => r.status)).toEqual(residents.map(() => 201));
    await checkpointsSettled(t);

    const after = await headSeq(t, villageId);
    expect(after).toBe(before + 50);
    expect(await seqs(t.dataSource, villageId)).toEqual(Array.from({ length: after }, (_, i) => i + 1));
    const issued = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE village_id = ? AND action = 'resident.binding_code.issued'", [villageId]);
    expect(Number(issued[0].n)).toBeGreaterThanOrEqual(50);

    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, eventsChecked: after, lastSeq: after });
    // Every multiple of 10 crossed while the 50 ran concurrently got its checkpoint, and each verified.
    const sizes = (await t.dataSource.query('SELECT tree_size FROM audit_checkpoint WHERE village_id = ? ORDER BY tree_size', [villageId])).map(
      (c: { tree_size: number }) => Number(c.tree_size),
    );
    expect(sizes.filter((s: number) => s % 10 === 0 && s <= after)).toEqual(sizes);
    expect(sizes[sizes.length - 1]).toBe(Math.floor(after / 10) * 10);
    expect(verdict.checkpointsChecked).toBe(sizes.length);
  });

  it('also serialises 50 parallel units of work called directly', async () => {
    const uow = t.app.get(UnitOfWork);
    const before = await headSeq(t, villageId);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        uow.run({ villageId, actorId: null, actorRole: 'system', correlationId: `parallel-${i}` }, ({ record }) =>
          record({ action: 'test.parallel', entityType: 'village', entityId: villageId, after: { i } }),
        ),
      ),
    );
    await checkpointsSettled(t);
    const after = await headSeq(t, villageId);
    expect(after).toBe(before + 50);
    expect(await seqs(t.dataSource, villageId)).toEqual(Array.from({ length: after }, (_, i) => i + 1));
    expect(await verify()).toMatchObject({ ok: true, lastSeq: after });
  });

  it('refuses an entity write outside UnitOfWork.run with UnauditedWriteError', async () => {
    const [household] = await t.dataSource.query('SELECT id FROM household WHERE village_id = ? LIMIT 1', [villageId]);
    await expect(t.dataSource.getRepository(Household).update({ id: household.id }, { address: '改过的地址' })).rejects.toThrow(UnauditedWriteError);
    await expect(t.dataSource.manager.transaction((m) => m.update(Household, { id: household.id }, { address: 'x' }))).rejects.toThrow(
      UnauditedWriteError,
    );
    const [still] = await t.dataSource.query('SELECT address FROM household WHERE id = ?', [household.id]);
    expect(still.address).not.toBe('改过的地址');
  });

  it('rolls back a unit of work that changed data without recording an event', async () => {
    const [household] = await t.dataSource.query('SELECT id, address FROM household WHERE village_id = ? LIMIT 1', [villageId]);
    const before = await headSeq(t, villageId);
    await expect(
      t.app.get(UnitOfWork).run({ villageId, actorId: null, actorRole: 'system', correlationId: null }, ({ manager }) =>
        manager.update(Household, { id: household.id }, { address: '没有审计的修改' }),
      ),
    ).rejects.toThrow(MissingAuditEventError);
    const [still] = await t.dataSource.query('SELECT address FROM household WHERE id = ?', [household.id]);
    expect(still.address).toBe(household.address);
    expect(await headSeq(t, villageId)).toBe(before);
  });
});
