import { addDays, chinaDay, daysBetween, formatChineseDate, isCalendarDay } from './date';

describe('formatChineseDate', () => {
  it('omits the year within the current year', () => {
    expect(formatChineseDate(new Date(2026, 10, 25), new Date(2026, 0, 1))).toBe('11月25日');
  });

  it('adds the year otherwise', () => {
    expect(formatChineseDate(new Date(2025, 0, 3), new Date(2026, 10, 25))).toBe('2025年1月3日');
  });
});

describe('Beijing calendar days', () => {
  it('reads the day in UTC+8, whatever the instant’s zone', () => {
    expect(chinaDay(new Date('2026-11-25T15:59:59.999Z'))).toBe('2026-11-25');
    expect(chinaDay(new Date('2026-11-25T16:00:00.000Z'))).toBe('2026-11-26');
    expect(chinaDay(new Date('2026-12-31T16:30:00.000Z'))).toBe('2027-01-01');
  });

  it('accepts only real calendar days', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
    expect(isCalendarDay(20261125)).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-25', 6)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-11-25', '2026-12-01')).toBe(6);
    expect(daysBetween('2026-12-01', '2026-11-25')).toBe(-6);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});
