import { render, screen } from '@testing-library/react';
import { VerifyCard } from '../src/packages/audit/components/VerifyCard';
import { DiffList } from '../src/packages/audit/components/DiffList';
import { buildDiff, showValue } from '../src/packages/audit/utils/diff';
import { actionLabel, formatDay, formatWhen, whoDid } from '../src/packages/audit/utils/format';
import { verdictOf } from '../src/packages/audit/utils/verdict';
import { canReadAudit, canSignCheckpoint, filterQuery, readLastVerification, saveLastVerification, type AuditVerification } from '../src/services/api/audit';

const NOW = new Date('2026-11-25T08:00:00.000Z'); // 16:00 in Beijing

function verification(over: Partial<AuditVerification> = {}): AuditVerification {
  return {
    ok: true,
    villageId: 'v1',
    eventsChecked: 1234,
    lastSeq: 1234,
    headHash: 'h',
    checkpointsChecked: 3,
    lastCheckpoint: null,
    problem: null,
    verifiedAt: '2026-11-25T06:05:00.000Z',
    durationMs: 1500,
    ...over,
  };
}

describe('buildDiff', () => {
  it('lists changed fields first with Chinese names, 改前/改后 values in words, and counts the rest', () => {
    const diff = buildDiff(
      { name: '杨翠花', isPartyMember: false, phone: '138****0001', gridName: '第一网格' },
      { name: '杨翠花', isPartyMember: true, phone: null, gridName: '第二网格' },
    );
    expect(diff.kind).toBe('updated');
    expect(diff.changed).toEqual([
      { key: 'isPartyMember', label: '是否党员', before: '否', after: '是', change: 'changed' },
      { key: 'phone', label: '手机号（打码）', before: '138****0001', after: '（空）', change: 'changed' },
      { key: 'gridName', label: '网格', before: '第一网格', after: '第二网格', change: 'changed' },
    ]);
    expect(diff.same.map((r) => r.key)).toEqual(['name']);
    // unchanged internal 编号 go last
    expect(buildDiff({ gridId: 'g', status: 'active' }, { gridId: 'g', status: 'active' }).same.map((r) => [r.key, r.after])).toEqual([
      ['status', '在册'],
      ['gridId', 'g'],
    ]);
  });

  it('a new record has no 改前: every field is 新增 with （没有）', () => {
    const diff = buildDiff(null, { code: '140431203201', households: 85 });
    expect(diff.kind).toBe('created');
    expect(diff.changed.map((r) => [r.label, r.before, r.after, r.change])).toEqual([
      ['村代码', '（没有）', '140431203201', 'added'],
      ['户数', '（没有）', '85', 'added'],
    ]);
  });

  it('a deleted record and a field that went away are 删去', () => {
    expect(buildDiff({ note: 'x' }, null)).toMatchObject({ kind: 'deleted', changed: [{ key: 'note', before: 'x', after: '（没有）', change: 'removed' }] });
    expect(buildDiff({ a: 1, reason: '迁出' }, { a: 1 }).changed).toEqual([
      { key: 'reason', label: '原因', before: '迁出', after: '（没有）', change: 'removed' },
    ]);
  });

  it('compares nested values by content, not key order; unknown keys keep their name', () => {
    const diff = buildDiff({ extra: { b: 1, a: [1, 2] } }, { extra: { a: [1, 2], b: 1 } });
    expect(diff.changed).toEqual([]);
    expect(diff.same[0].label).toBe('extra');
    expect(buildDiff({ extra: { a: 1 } }, { extra: { a: 2 } }).changed[0]).toMatchObject({ before: '{"a":1}', after: '{"a":2}' });
  });

  it('nothing before or after, and plain values', () => {
    expect(buildDiff(null, null)).toEqual({ kind: 'empty', changed: [], same: [] });
    expect(buildDiff('a', 'b').changed).toEqual([{ key: 'value', label: '内容', before: 'a', after: 'b', change: 'changed' }]);
    expect(showValue('')).toBe('（空）');
    expect(showValue(0)).toBe('0');
    expect(showValue('female', 'gender')).toBe('女');
    expect(showValue('active', 'name')).toBe('active');
  });

  it('renders 改前 and 改后 as words in two columns, with a 有改动 tag', () => {
    render(<DiffList diff={buildDiff({ leaderName: '刘凤英' }, { leaderName: '王建国' })} />);
    const row = screen.getByTestId('audit-diff-leaderName');
    expect(row.textContent).toContain('网格员');
    expect(row.textContent).toContain('有改动');
    expect(row.textContent).toMatch(/改前刘凤英.*改后王建国/);
  });
});

describe('verdictOf (核验记录 wording)', () => {
  it('pass: 通过 with the number of records, checkpoints and the time in words', () => {
    const v = verdictOf(verification(), NOW);
    expect(v.tone).toBe('pass');
    expect(v.title).toBe('✓ 通过');
    expect(v.headline).toBe('通过：全部 1234 条记录完整，没有被改动');
    expect(v.details).toEqual(['同时核对了 3 个签名存证', '核验时间 11月25日 14:05，用时 1.5 秒']);
  });

  it('fail: 第 N 条记录被篡改, then the server\'s words and what to do', () => {
    const v = verdictOf(
      verification({ ok: false, eventsChecked: 56, problem: { kind: 'edited', seq: 57, position: 57, message: '第 57 条记录被修改过' } }),
      NOW,
    );
    expect(v.tone).toBe('fail');
    expect(v.title).toBe('✗ 不通过');
    expect(v.headline).toBe('第 57 条记录被篡改');
    expect(v.details[0]).toBe('具体情况：第 57 条记录被修改过');
    expect(v.details[1]).toContain('报告村务监督委员会');
  });

  it('a forged checkpoint signature names the checkpoint, not a record', () => {
    const v = verdictOf(
      verification({ ok: false, problem: { kind: 'bad_signature', seq: 200, position: 3, message: '签名不对', checkpointTreeSize: 200 } }),
      NOW,
    );
    expect(v.headline).toBe('签名存证对不上：覆盖前 200 条的存证（签名不对）');
    expect(v.details[0]).toBe('问题类型：签名存证的签名不对');
  });

  it('an empty chain passes in words too, and a failure without a problem still says 不通过', () => {
    expect(verdictOf(verification({ eventsChecked: 0, checkpointsChecked: 0 }), NOW).headline).toBe('通过：还没有任何记录');
    expect(verdictOf(verification({ durationMs: 5 }), NOW).details[1]).toBe('核验时间 11月25日 14:05，用时不到 1 秒');
    expect(verdictOf(verification({ ok: false, lastSeq: 9 }), NOW)).toMatchObject({ tone: 'fail', headline: '第 9 条记录被篡改' });
  });

  it('the card says the verdict in words; colour is only the class', () => {
    const { rerender } = render(<VerifyCard verdict={verdictOf(verification(), NOW)} />);
    expect(screen.getByTestId('audit-verdict').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('audit-verdict').textContent).toContain('通过：全部 1234 条记录完整');
    rerender(<VerifyCard verdict={verdictOf(verification({ ok: false, problem: { kind: 'missing', seq: 3, position: 3, message: '缺少第 3 条' } }), NOW)} />);
    const card = screen.getByTestId('audit-verdict');
    expect(card.getAttribute('role')).toBe('alert');
    expect(card.className).toContain('audit-verdict--fail');
    expect(card.textContent).toContain('第 3 条记录被篡改');
    expect(card.textContent).toContain('具体情况：缺少第 3 条');
  });
});

describe('audit wording helpers', () => {
  it('times in Beijing, with the year only when it is not this year', () => {
    expect(formatWhen('2026-11-25T06:05:00.000Z', NOW)).toBe('11月25日 14:05');
    expect(formatWhen('2025-12-31T16:30:00.000Z', NOW)).toBe('1月1日 00:30');
    expect(formatWhen('2024-03-01T01:00:00.000Z', NOW)).toBe('2024年3月1日 09:00');
    expect(formatDay('2026-11-01', NOW)).toBe('11月1日');
  });

  it('who: the name with the role, or the role, or 系统', () => {
    expect(whoDid({ actorName: '任晋生', actorRole: 'supervisor' })).toBe('任晋生（村务监督委员会成员）');
    expect(whoDid({ actorName: null, actorRole: 'system' })).toBe('系统');
    expect(whoDid({ actorName: null, actorRole: 'secretary' })).toBe('书记');
    expect(whoDid({ actorName: null, actorRole: null })).toBe('未知');
  });

  it('actions in Chinese; an unknown code is 其他操作', () => {
    expect(actionLabel('household.representative.changed')).toBe('更换户代表');
    expect(actionLabel('x')).toBe('其他操作');
  });

  it('roles, filters and the last verification kept for 首页', () => {
    expect(canReadAudit(['villager', 'supervisor'])).toBe(true);
    expect(canReadAudit(['villager', 'grid_leader'])).toBe(false);
    expect(canSignCheckpoint(['branch_committee'])).toBe(true);
    expect(filterQuery({ actor: '', action: 'resident', from: '2026-11-01', to: undefined })).toEqual({ action: 'resident', from: '2026-11-01' });
    saveLastVerification(verification({ ok: false }), '11月25日 14:05');
    expect(readLastVerification()).toEqual({ at: '2026-11-25T06:05:00.000Z', ok: false, when: '11月25日 14:05' });
  });
});
