import { formatPoints, formatPointsChange, parsePoints } from './points';

describe('points arithmetic in tenths', () => {
  it.each([
    [4, '0.4'],
    [30, '3'],
    [-50, '−5'],
    [124, '12.4'],
    [0, '0'],
    [-4, '−0.4'],
  ])('formats %i tenths as %s', (tenths, text) => {
    expect(formatPoints(tenths)).toBe(text);
  });

  it('refuses fractions of a tenth', () => {
    expect(() => formatPoints(0.5)).toThrow(RangeError);
  });

  it('shows the direction of a change', () => {
    expect(formatPointsChange(4)).toBe('+0.4 分');
    expect(formatPointsChange(-50)).toBe('−5 分');
  });

  it.each([
    ['0.4', 4],
    ['3', 30],
    ['3.0', 30],
    ['-5', -50],
    ['−5', -50],
    ['+2', 20],
    [' 1.5 ', 15],
    [2, 20],
  ])('parses %p as %i tenths', (text, tenths) => {
    expect(parsePoints(text)).toBe(tenths);
  });

  it.each(['', 'abc', '0.45', '1,5', '1.', '.5', '12345'])('refuses %p', (text) => {
    expect(parsePoints(text)).toBeNull();
  });
});

