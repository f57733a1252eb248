import { buildChoices, checkSelection } from './choices';

describe('choices', () => {
  const motion = { choiceKind: 'motion' as const, choices: buildChoices('motion'), maxSelections: 1 };
  const multiple = { choiceKind: 'multiple' as const, choices: buildChoices('multiple', ['修路', '装路灯', '建广场']), maxSelections: 2 };

  it('builds 同意/反对/弃权 or numbered options', () => {
    expect(motion.choices).toEqual([
      { key: 'for', label: '同意' },
      { key: 'against', label: '反对' },
      { key: 'abstain', label: '弃权' },
    ]);
    expect(multiple.choices.map((c) => c.key)).toEqual(['o1', 'o2', 'o3']);
  });

  it('accepts one motion choice and returns options in ballot order', () => {
    expect(checkSelection(motion, ['against'])).toEqual({ ok: true, keys: ['against'] });
    expect(checkSelection(multiple, ['o3', 'o1'])).toEqual({ ok: true, keys: ['o1', 'o3'] });
  });

  it.each([
    [[], '请先选择'],
    [['for', 'against'], '只能选一个'],
    [['yes'], '没有“yes”这个选项'],
    [['for', 'for'], '只能选一次'],
  ])('refuses %o on a motion', (selected, message) => {
    const check = checkSelection(motion, selected);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(message);
  });

  it('refuses more than maxSelections', () => {
    expect(checkSelection(multiple, ['o1', 'o2', 'o3'])).toEqual({ ok: false, message: '最多只能选 2 项' });
  });
});
