import { adultBornOnOrBefore, ageOn, isAdult } from './age';

describe('ageOn', () => {
  it('counts whole years, turning over on the birthday itself', () => {
    expect(ageOn('2008-11-25', new Date(2026, 10, 24))).toBe(17);
    expect(ageOn('2008-11-25', new Date(2026, 10, 25))).toBe(18);
    expect(ageOn('1950-01-01', new Date(2026, 0, 1))).toBe(76);
  });

  it('refuses a malformed date with a Chinese message', () => {
    expect(() => ageOn('2008/11/25', new Date())).toThrow('不是有效的出生日期');
  });
});

describe('isAdult', () => {
  it('is true from the 18th birthday on', () => {
    expect(isAdult('2008-11-26', new Date(2026, 10, 25))).toBe(false);
    expect(isAdult('2008-11-25', new Date(2026, 10, 25))).toBe(true);
  });
});

describe('adultBornOnOrBefore', () => {
  it('agrees with isAdult around the cut-off', () => {
    const on = new Date(2026, 10, 25);
    const cutoff = adultBornOnOrBefore(on);
    expect(cutoff).toBe('2008-11-25');
    expect(isAdult(cutoff, on)).toBe(true);
    expect(isAdult('2008-11-26', on)).toBe(false);
  });

  it('handles 29 February in a non-leap target year', () => {
    const on = new Date(2024, 1, 29);
    expect(adultBornOnOrBefore(on)).toBe('2006-02-28');
    expect(isAdult('2006-02-28', on)).toBe(true);
    expect(isAdult('2006-03-01', on)).toBe(false);
  });
});
