import { exceeds, formatShare, percent, reachesAtLeast } from './share';

const HALF = { numerator: 1, denominator: 2 };
const TWO_THIRDS = { numerator: 2, denominator: 3 };

describe('exceeds (strictly more than)', () => {
  it('fails at exactly half and passes one above', () => {
    expect(exceeds(30, 60, HALF)).toBe(false);
    expect(exceeds(31, 60, HALF)).toBe(true);
  });

  it('meets nothing when nobody is eligible', () => {
    expect(exceeds(0, 0, HALF)).toBe(false);
  });
});

describe('reachesAtLeast', () => {
  it('decides two thirds exactly where floating point would wobble', () => {
    expect(reachesAtLeast(40, 60, TWO_THIRDS)).toBe(true);
    expect(reachesAtLeast(39, 60, TWO_THIRDS)).toBe(false);
    expect(reachesAtLeast(57, 85, TWO_THIRDS)).toBe(true); // 57/85 = 0.6706
    expect(reachesAtLeast(56, 85, TWO_THIRDS)).toBe(false); // 56/85 = 0.6588
  });

  it('refuses negative or fractional counts', () => {
    expect(() => reachesAtLeast(-1, 3, TWO_THIRDS)).toThrow(RangeError);
    expect(() => reachesAtLeast(1.5, 3, TWO_THIRDS)).toThrow(RangeError);
  });
});

describe('percent and formatShare', () => {
  it('rounds half up for display', () => {
    expect(percent(41, 60)).toBe(68);
    expect(percent(1, 8)).toBe(13);
    expect(percent(0, 0)).toBe(0);
    expect(formatShare(41, 60)).toBe('41/60（68%）');
  });
});
