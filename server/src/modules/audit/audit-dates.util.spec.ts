import { chinaDayRange, formatChinaTime } from './audit-dates.util';

describe('chinaDayRange', () => {
  it('turns Beijing days into a UTC range, both ends inclusive', () => {
    expect(chinaDayRange('2026-11-01', '2026-11-30')).toEqual({
      occurredFrom: '2026-10-31T16:00:00.000Z',
      occurredBefore: '2026-11-30T16:00:00.000Z',
    });
  });

  it('leaves an absent end open', () => {
    expect(chinaDayRange(undefined, '2026-01-01')).toEqual({ occurredFrom: undefined, occurredBefore: '2026-01-01T16:00:00.000Z' });
    expect(chinaDayRange()).toEqual({ occurredFrom: undefined, occurredBefore: undefined });
  });

  it('refuses what is not a date', () => {
    expect(() => chinaDayRange('2026-13-01')).toThrow(RangeError);
    expect(() => chinaDayRange('yesterday')).toThrow(RangeError);
  });
});

describe('formatChinaTime', () => {
  it('shows Beijing wall-clock time', () => {
    expect(formatChinaTime('2026-11-25T16:05:09.123Z')).toBe('2026-11-26 00:05:09');
  });
});
