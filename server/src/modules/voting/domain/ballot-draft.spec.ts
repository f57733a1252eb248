import { checkDraft, type DraftFields } from './ballot-draft';

describe('checkDraft', () => {
  const base: DraftFields = {
    electorate: 'households',
    rule: { body: 'villager_assembly', override: null },
    secrecy: 'open',
    choiceKind: 'motion',
    options: [],
    maxSelections: null,
    opensAt: new Date('2026-11-25T00:00:00Z'),
    closesAt: new Date('2026-11-30T10:00:00Z'),
    tellerResidentId: null,
    scrutineerResidentId: null,
  };

  it('accepts a household motion and builds 同意/反对/弃权', () => {
    const check = checkDraft(base);
    expect(check).toEqual({ ok: true, maxSelections: 1, choices: expect.arrayContaining([{ key: 'for', label: '同意' }]) });
  });

  it('defaults a multiple-choice poll to all options', () => {
    const check = checkDraft({ ...base, rule: { body: 'poll', override: null }, choiceKind: 'multiple', options: ['修路', '装路灯', '建广场'] });
    expect(check).toMatchObject({ ok: true, maxSelections: 3 });
  });

  it.each([
    [{ electorate: 'party_members' as const }, 'rule', '村民会议的表决人应是'],
    [{ choiceKind: 'single' as const, options: ['甲', '乙'] }, 'rule', '多个选项的问题请用民意征询'],
    [{ options: ['甲'] }, 'options', '不需要填写选项'],
    [{ rule: { body: 'poll' as const, override: null }, choiceKind: 'single' as const, options: ['甲'] }, 'options', '请填写 2–10 个选项'],
    [{ rule: { body: 'poll' as const, override: null }, choiceKind: 'single' as const, options: ['甲', '甲'] }, 'options', '选项不能重复'],
    [{ rule: { body: 'poll' as const, override: null }, choiceKind: 'multiple' as const, options: ['甲', '乙'], maxSelections: 3 }, 'maxSelections', '1 到 2 之间'],
    [{ maxSelections: 2 }, 'maxSelections', '只有多选题'],
    [{ closesAt: new Date('2026-11-25T00:00:00Z') }, 'closesAt', '截止时间必须晚于开始时间'],
    [{ tellerResidentId: 'a' }, 'scrutineerResidentId', '要同时指定'],
    [{ tellerResidentId: 'a', scrutineerResidentId: 'a' }, 'scrutineerResidentId', '两个不同的人'],
  ])('refuses %o', (change, field, message) => {
    const check = checkDraft({ ...base, ...change });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.find((p) => p.field === field)?.messages.join()).toContain(message);
  });
});
