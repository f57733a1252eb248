import { formatChinaMoment, remainingWords, toSecond } from './china-time';

describe('china time', () => {
  const now = new Date('2026-11-25T02:00:00.000Z');

  it('shows Beijing time whatever the server zone, with the year only when it differs', () => {
    expect(formatChinaMoment(new Date('2026-11-30T10:00:00.000Z'), now)).toBe('11月30日 18:00');
    expect(formatChinaMoment(new Date('2026-12-31T16:30:00.000Z'), now)).toBe('2027年1月1日 00:30');
  });

  it('truncates to whole seconds', () => {
    expect(toSecond(new Date('2026-11-25T02:00:00.999Z')).toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });

  it.each([
    ['2026-11-25T02:00:00.000Z', '已截止'],
    ['2026-11-25T02:19:01.000Z', '还剩 20 分钟'],
    ['2026-11-25T07:00:00.000Z', '还剩 5 小时'],
    ['2026-11-28T02:00:00.000Z', '还剩 3 天'],
  ])('until %s: %s', (until, words) => {
    expect(remainingWords(new Date(until), now)).toBe(words);
  });
});
