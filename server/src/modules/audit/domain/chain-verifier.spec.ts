import { AuditEventContent, GENESIS_HASH, hashEvent } from './audit-hash';
import { AuditChainRow, ChainHead, ChainVerdict, ChainVerifier } from './chain-verifier';

const VILLAGE = 'v-001';

function content(seq: number): AuditEventContent {
  return {
    villageId: VILLAGE,
    seq,
    occurredAt: new Date(Date.UTC(2024, 4, 1, 8, 0, seq)).toISOString(),
    actorId: seq % 3 === 0 ? null : `u-${seq % 4}`,
    actorRole: seq % 3 === 0 ? null : 'secretary',
    action: seq % 2 === 0 ? 'matter.update' : 'matter.create',
    entityType: 'matter',
    entityId: `m-${Math.ceil(seq / 2)}`,
    before: seq % 2 === 0 ? { status: 'draft', amount: seq * 100 } : null,
    after: { status: 'open', amount: seq * 100 + 0.5, note: `第${seq}条` },
    correlationId: `req-${seq}`,
  };
}

/** Appends rows the way the service does: each prevHash is the previous stored hash. */
function rehash(rows: AuditEventContent[], prevHash = GENESIS_HASH): AuditChainRow[] {
  return rows.map((row) => {
    const hash = hashEvent(prevHash, row);
    const stored = { ...row, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}

function buildChain(n = 20): AuditChainRow[] {
  return rehash(Array.from({ length: n }, (_, i) => content(i + 1)));
}

function verify(rows: AuditChainRow[], expected?: ChainHead, verifier = new ChainVerifier(VILLAGE)): ChainVerdict {
  for (const row of rows) verifier.push(row);
  return verifier.finish(expected);
}

function headOf(rows: AuditChainRow[]): ChainHead {
  const last = rows[rows.length - 1];
  return { lastSeq: last.seq, headHash: last.hash };
}

/** Row at seq n (1-based) of an untouched chain. */
function at(rows: AuditChainRow[], seq: number): AuditChainRow {
  return rows[seq - 1];
}

describe('ChainVerifier', () => {
  let chain: AuditChainRow[];
  let head: ChainHead;

  beforeEach(() => {
    chain = buildChain();
    head = headOf(chain);
  });

  describe('intact chains', () => {
    it('accepts 20 untouched events and reports the head', () => {
      expect(verify(chain, head)).toEqual({ ok: true, events: 20, headHash: at(chain, 20).hash, lastSeq: 20 });
    });

    it('accepts without a known head', () => {
      expect(verify(chain)).toEqual({ ok: true, events: 20, headHash: head.headHash, lastSeq: 20 });
    });

    it('accepts an empty chain, whose head is the genesis hash', () => {
      expect(verify([], { lastSeq: 0, headHash: GENESIS_HASH })).toEqual({
        ok: true,
        events: 0,
        headHash: GENESIS_HASH,
        lastSeq: 0,
      });
    });

    it('ignores extra row properties such as the database id', () => {
      const withIds = chain.map((row, i) => ({ ...row, id: 1000 + i }));
      expect(verify(withIds, head).ok).toBe(true);
    });

    it('resumes after an already verified prefix', () => {
      const verifier = new ChainVerifier(VILLAGE, { startAfter: headOf(chain.slice(0, 10)) });
      expect(verify(chain.slice(10), head, verifier)).toEqual({ ok: true, events: 10, headHash: head.headHash, lastSeq: 20 });
    });

    it('with no rows after startAfter, returns the start as head', () => {
      const start = headOf(chain.slice(0, 5));
      expect(verify([], undefined, new ChainVerifier(VILLAGE, { startAfter: start }))).toEqual({
        ok: true,
        events: 0,
        ...start,
      });
    });
  });

  describe('tampering', () => {
    it('edited: a field of row 12 changed', () => {
      chain[11] = { ...chain[11], after: { status: 'open', amount: 999999, note: '第12条' } };
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 11,
        problem: { kind: 'edited', seq: 12, position: 12, message: '第 12 条记录被修改过' },
      });
    });

    it.each<[keyof AuditEventContent, unknown]>([
      ['actorId', 'u-9'],
      ['actorRole', null],
      ['occurredAt', '2024-05-01T08:00:59.000Z'],
      ['correlationId', null],
      ['before', { status: 'draft' }],
    ])('edited: %s of row 7 changed', (field, value) => {
      chain[6] = { ...chain[6], [field]: value };
      const verdict = verify(chain, head);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.problem).toMatchObject({ kind: 'edited', seq: 7, position: 7 });
    });

    it('edited: prevHash of row 9 changed without recomputing its hash', () => {
      chain[8] = { ...chain[8], prevHash: 'a'.repeat(64) };
      const verdict = verify(chain, head);
      expect(verdict).toMatchObject({ ok: false, events: 8, problem: { kind: 'edited', seq: 9, position: 9 } });
    });

    it('missing: row 6 deleted (5 then 7)', () => {
      chain.splice(5, 1);
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 5,
        problem: { kind: 'missing', seq: 6, position: 6, message: '第 6 条记录缺失' },
      });
    });

    it('missing: rows 6 to 8 deleted', () => {
      chain.splice(5, 3);
      const verdict = verify(chain, head);
      expect(verdict).toMatchObject({ ok: false, problem: { kind: 'missing', seq: 6, position: 6, message: '第 6 至 8 条记录缺失' } });
    });

    it('missing: the first row deleted', () => {
      chain.shift();
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 0,
        problem: { kind: 'missing', seq: 1, position: 1, message: '第 1 条记录缺失' },
      });
    });

    it('missing: the second-to-last row deleted, gap found at the end of the stream', () => {
      chain.splice(18, 1);
      expect(verify(chain, head)).toMatchObject({ ok: false, problem: { kind: 'missing', seq: 19, position: 19 } });
    });

    it('reordered: rows 8 and 9 swapped', () => {
      [chain[7], chain[8]] = [chain[8], chain[7]];
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 7,
        problem: { kind: 'reordered', seq: 8, position: 8, message: '第 8 条记录顺序被调换' },
      });
    });

    it('reordered: rows 5 and 10 swapped', () => {
      [chain[4], chain[9]] = [chain[9], chain[4]];
      expect(verify(chain, head)).toMatchObject({ ok: false, events: 4, problem: { kind: 'reordered', seq: 5, position: 5 } });
    });

    it('reordered: an earlier row moved later', () => {
      const [moved] = chain.splice(3, 1);
      chain.splice(10, 0, moved);
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 3,
        problem: { kind: 'reordered', seq: 4, position: 4, message: '第 4 条记录顺序被调换' },
      });
    });

    it('reordered: the first of several skipped rows turns up at the very end', () => {
      const moved = chain.splice(5, 3);
      chain.push(moved[2]);
      expect(verify(chain, head)).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 6, position: 6 } });
    });

    it('missing: later problems do not mask or reclassify an earlier deletion', () => {
      chain.splice(5, 1);
      chain[12] = { ...chain[12], action: 'matter.delete' };
      chain.push({ ...at(buildChain(), 6), villageId: 'v-002' });
      expect(verify(chain, head)).toMatchObject({ ok: false, events: 5, problem: { kind: 'missing', seq: 6, position: 6 } });
    });

    it('reordered: a later row moved earlier', () => {
      const [moved] = chain.splice(14, 1);
      chain.splice(4, 0, moved);
      expect(verify(chain, head)).toMatchObject({
        ok: false,
        problem: { kind: 'reordered', seq: 5, position: 5, message: '第 5 条记录顺序被调换' },
      });
    });

    it('reordered: a row repeated', () => {
      chain.splice(7, 0, chain[6]);
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 7,
        problem: { kind: 'reordered', seq: 7, position: 8, message: '第 7 条记录重复出现' },
      });
    });

    it('seq values exchanged between rows 8 and 9 (read back in seq order) show as an edit', () => {
      chain[7] = { ...chain[7], seq: 9 };
      chain[8] = { ...chain[8], seq: 8 };
      [chain[7], chain[8]] = [chain[8], chain[7]];
      expect(verify(chain, head)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 8, position: 8 } });
    });

    it('broken_link: row 9 re-pointed and rehashed so it is self-consistent', () => {
      const forged = { ...chain[8], prevHash: 'b'.repeat(64) };
      chain[8] = { ...forged, hash: hashEvent(forged.prevHash, forged) };
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 8,
        problem: {
          kind: 'broken_link',
          seq: 9,
          position: 9,
          message: '第 9 条记录与第 8 条记录接不上，其中一条可能被改动或替换',
        },
      });
    });

    it('broken_link: row 12 edited and rehashed, caught at row 13', () => {
      const forged = { ...chain[11], actorId: 'u-intruder' };
      chain[11] = { ...forged, hash: hashEvent(forged.prevHash, forged) };
      expect(verify(chain, head)).toMatchObject({ ok: false, events: 12, problem: { kind: 'broken_link', seq: 13, position: 13 } });
    });

    it('broken_link: the first row does not start at the genesis hash', () => {
      const rebuilt = rehash(chain.map((row) => ({ ...row })), 'c'.repeat(64));
      expect(verify(rebuilt)).toMatchObject({ ok: false, problem: { kind: 'broken_link', seq: 1, position: 1 } });
    });

    it('broken_link: startAfter hash does not match the first resumed row', () => {
      const verifier = new ChainVerifier(VILLAGE, { startAfter: { lastSeq: 10, headHash: 'd'.repeat(64) } });
      expect(verify(chain.slice(10), head, verifier)).toMatchObject({
        ok: false,
        problem: { kind: 'broken_link', seq: 11, position: 1 },
      });
    });

    it('truncated: last 3 rows deleted, caught against the known head', () => {
      const cut = chain.slice(0, 17);
      expect(verify(cut, head)).toEqual({
        ok: false,
        events: 17,
        problem: { kind: 'truncated', seq: 18, position: 18, message: '最后 3 条记录被删除' },
      });
    });

    it('truncated: every row deleted', () => {
      expect(verify([], head)).toMatchObject({
        ok: false,
        events: 0,
        problem: { kind: 'truncated', seq: 1, position: 1, message: '最后 20 条记录被删除' },
      });
    });

    it('a truncated tail is invisible without a known head (documented limitation)', () => {
      expect(verify(chain.slice(0, 17))).toEqual({ ok: true, events: 17, headHash: at(chain, 17).hash, lastSeq: 17 });
    });

    it('head_mismatch: row 12 edited and every later row rehashed', () => {
      const rewritten = [
        ...chain.slice(0, 11),
        ...rehash(
          chain.slice(11).map((row, i) => (i === 0 ? { ...row, actorId: 'u-intruder' } : row)),
          at(chain, 11).hash,
        ),
      ];
      expect(verify(rewritten)).toMatchObject({ ok: true, lastSeq: 20 });
      expect(verify(rewritten, head)).toEqual({
        ok: false,
        events: 20,
        problem: {
          kind: 'head_mismatch',
          seq: 20,
          position: 20,
          message: '第 20 条记录与已公布的记录链末端不一致，记录可能被整体改写过',
        },
      });
    });

    it('wrong_village: a row of another village slipped in', () => {
      const foreign = rehash([{ ...content(6), villageId: 'v-002' }], at(chain, 5).hash)[0];
      chain.splice(5, 0, foreign);
      expect(verify(chain, head)).toEqual({
        ok: false,
        events: 5,
        problem: { kind: 'wrong_village', seq: 6, position: 6, message: '第 6 条记录不属于本村' },
      });
    });

    it('malformed: a row whose prevHash is not hex', () => {
      chain[3] = { ...chain[3], prevHash: 'not-a-hash' };
      const verdict = verify(chain, head);
      expect(verdict).toMatchObject({ ok: false, events: 3, problem: { kind: 'malformed', seq: 4, position: 4 } });
      if (!verdict.ok) expect(verdict.problem.message).toMatch(/^第 4 条记录格式异常，无法校验/);
    });

    it('malformed: occurredAt rewritten in another format', () => {
      chain[3] = { ...chain[3], occurredAt: '2024-05-01 08:00:04' };
      expect(verify(chain, head)).toMatchObject({ ok: false, problem: { kind: 'malformed', seq: 4, position: 4 } });
    });

    it('edited: stored hash in uppercase no longer matches', () => {
      chain[3] = { ...chain[3], hash: chain[3].hash.toUpperCase() };
      expect(verify(chain, head)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 4 } });
    });

    it('reports only the first problem', () => {
      chain[4] = { ...chain[4], action: 'matter.delete' };
      chain.splice(9, 1);
      expect(verify(chain, head)).toMatchObject({ ok: false, events: 4, problem: { kind: 'edited', seq: 5, position: 5 } });
    });
  });

  describe('usage', () => {
    it('push returns false once a problem is found and ignores later rows', () => {
      chain[2] = { ...chain[2], entityId: 'x' };
      const verifier = new ChainVerifier(VILLAGE);
      const results = chain.map((row) => verifier.push(row));
      expect(results.slice(0, 2)).toEqual([true, true]);
      expect(results.slice(2).every((r) => r === false)).toBe(true);
      expect(verifier.finish()).toMatchObject({ ok: false, events: 2, problem: { seq: 3 } });
    });

    it('push keeps asking for rows after a gap, since a later row may fill it', () => {
      const [moved] = chain.splice(3, 1);
      chain.push(moved);
      const verifier = new ChainVerifier(VILLAGE);
      const results = chain.map((row) => verifier.push(row));
      expect(results.slice(0, -1).every((r) => r === true)).toBe(true);
      expect(results[results.length - 1]).toBe(false);
    });

    it('intact holds until the first problem or gap', () => {
      const [removed] = chain.splice(4, 1);
      const verifier = new ChainVerifier(VILLAGE);
      const states = chain.map((row) => {
        verifier.push(row);
        return verifier.intact;
      });
      expect(states.slice(0, 4)).toEqual([true, true, true, true]);
      expect(states.slice(4).every((s) => s === false)).toBe(true);
      expect(removed.seq).toBe(5);

      const edited = new ChainVerifier(VILLAGE);
      edited.push(at(buildChain(), 1));
      expect(edited.intact).toBe(true);
      edited.push({ ...at(buildChain(), 2), action: 'x' });
      expect(edited.intact).toBe(false);
    });

    it('refuses rows after finish()', () => {
      const verifier = new ChainVerifier(VILLAGE);
      verifier.finish();
      expect(() => verifier.push(chain[0])).toThrow(/after finish/);
    });

    it('refuses a known head older than the rows streamed', () => {
      expect(() => verify(chain, headOf(chain.slice(0, 10)))).toThrow(RangeError);
    });

    it('rejects a bad villageId or startAfter', () => {
      expect(() => new ChainVerifier('')).toThrow(TypeError);
      expect(() => new ChainVerifier(VILLAGE, { startAfter: { lastSeq: -1, headHash: GENESIS_HASH } })).toThrow(TypeError);
      expect(() => new ChainVerifier(VILLAGE, { startAfter: { lastSeq: 1, headHash: 'x' } })).toThrow(TypeError);
    });
  });
});
