import { quarterDays, quarterLabel, quarterOf, shiftQuarter } from './quarter';

describe('quarters', () => {
  it('finds the quarter of a day', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('gives the first and last day', () => {
    expect(quarterDays('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(quarterDays('2026-Q2')).toEqual(['2026-04-01', '2026-06-30']);
    expect(quarterDays('2026-Q4')).toEqual(['2026-10-01', '2026-12-31']);
    expect(() => quarterDays('2026-Q5')).toThrow(RangeError);
  });

  it('steps across years both ways', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q3', -1)).toBe('2026-Q2');
  });

  it('names it in Chinese', () => {
    expect(quarterLabel('2026-Q4')).toBe('2026年第四季度');
  });
});
