import { dayLabel, fenLabel, fractionLabel, isFen } from './workflow-text';

describe('workflow wording', () => {
  it('writes days as villagers read them', () => {
    expect(dayLabel('2026-12-03', '2026-11-27')).toBe('12月3日');
    expect(dayLabel('2027-01-03', '2026-11-27')).toBe('2027年1月3日');
    expect(dayLabel('2026-12-03')).toBe('2026年12月3日');
  });

  it('writes fen as yuan exactly', () => {
    expect(fenLabel(0)).toBe('0.00 元');
    expect(fenLabel(5)).toBe('0.05 元');
    expect(fenLabel(123_456_789)).toBe('1,234,567.89 元');
    expect(isFen(10)).toBe(true);
    expect([0.5, -1, Number.NaN, 2 ** 60, '1'].map(isFen)).toEqual([false, false, false, false, false]);
  });

  it('names thresholds', () => {
    expect([fractionLabel({ numerator: 1, denominator: 2 }), fractionLabel({ numerator: 2, denominator: 3 }), fractionLabel({ numerator: 3, denominator: 7 })]).toEqual(['半数', '三分之二', '3/7']);
  });
});
