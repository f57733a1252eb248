import { buildChoices } from './choices';
import { checkPaperCount, sameCount } from './paper-count';

describe('paper counts', () => {
  const motion = { choiceKind: 'motion' as const, choices: buildChoices('motion'), maxSelections: 1 };
  const multiple = { choiceKind: 'multiple' as const, choices: buildChoices('multiple', ['修路', '装路灯', '建广场']), maxSelections: 2 };

  it('accepts a count with blank papers', () => {
    expect(checkPaperCount(motion, { papers: 19, counts: { for: 11, against: 5, abstain: 2 } }, 20)).toBeNull();
  });

  it.each([
    [{ papers: 1, counts: {} }, 0, '还没有登记现场到会的人'],
    [{ papers: 21, counts: { for: 1 } }, 20, '比登记到会的 20 人还多'],
    [{ papers: 10, counts: { yes: 1 } }, 20, '没有“yes”这个选项'],
    [{ papers: 10, counts: { for: 11 } }, 20, '“同意” 11 票'],
    [{ papers: 10, counts: { for: 6, against: 5 } }, 20, '各选项合计 11 票'],
  ])('refuses %o with %i present', (input, attendance, message) => {
    expect(checkPaperCount(motion, input, attendance)).toContain(message);
  });

  it('allows up to maxSelections marks per multiple-choice paper', () => {
    expect(checkPaperCount(multiple, { papers: 10, counts: { o1: 10, o2: 10 } }, 10)).toBeNull();
    expect(checkPaperCount(multiple, { papers: 10, counts: { o1: 10, o2: 10, o3: 1 } }, 10)).toContain('每张最多选 2 项');
  });

  it('treats a missing key as zero when comparing two entries', () => {
    expect(sameCount({ papers: 3, counts: { for: 3 } }, { papers: 3, counts: { for: 3, against: 0, abstain: 0 } }, motion)).toBe(true);
    expect(sameCount({ papers: 3, counts: { for: 3 } }, { papers: 3, counts: { for: 2 } }, motion)).toBe(false);
  });
});
