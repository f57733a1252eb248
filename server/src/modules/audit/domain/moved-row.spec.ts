import { AuditEventContent, GENESIS_HASH, hashEvent } from './audit-hash';
import type { AuditChainRow } from './chain-verifier';
import { movedFromSeq, movedRowMessage } from './moved-row';

function chain(n: number): AuditChainRow[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const content: AuditEventContent = {
      villageId: 'v-1',
      seq: i + 1,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorId: null,
      actorRole: 'system',
      action: 'thing.changed',
      entityType: 'thing',
      entityId: `t-${i}`,
      before: null,
      after: { n: i },
      correlationId: null,
    };
    const hash = hashEvent(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

describe('movedFromSeq', () => {
  const rows = chain(8);

  it('finds where a row whose seq was exchanged came from', () => {
    const moved = { ...rows[4], seq: 3 }; // row 5 now claims seq 3
    expect(movedFromSeq(moved, [2, 4, 5, 6])).toBe(5);
  });

  it('returns null for an edited row', () => {
    const edited = { ...rows[2], action: 'thing.deleted' };
    expect(movedFromSeq(edited, [1, 2, 4, 5])).toBeNull();
  });

  it('skips the row’s own seq and nonsense candidates', () => {
    expect(movedFromSeq(rows[2], [3, 0, -1, 1.5])).toBeNull();
  });

  it('returns null for a row that cannot be hashed', () => {
    expect(movedFromSeq({ ...rows[2], seq: 9, prevHash: 'not hex' }, [3])).toBeNull();
  });

  it('words it for supervisors', () => {
    expect(movedRowMessage(3, 5)).toBe('第 3 条记录的位置被调换过（它原本是第 5 条）');
  });
});
