import { formatChineseDate } from './date';

describe('formatChineseDate', () => {
  it('omits the year within the current year', () => {
    expect(formatChineseDate(new Date(2026, 10, 25), new Date(2026, 0, 1))).toBe('11月25日');
  });

  it('adds the year otherwise', () => {
    expect(formatChineseDate(new Date(2025, 0, 3), new Date(2026, 10, 25))).toBe('2025年1月3日');
  });
});
