import { isMainlandMobile, normalisePhone } from './phone';

describe('mainland mobile numbers', () => {
  it.each(['13812345678', '19912345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '0086 13812345678', '１３８１２３４５６７８'])(
    'accepts %s',
    (input) => {
      expect(isMainlandMobile(input)).toBe(true);
      expect(normalisePhone(input)).toBe(input.includes('99') ? '19912345678' : '13812345678');
    },
  );

  it.each(['1381234567', '138123456789', '12812345678', '23812345678', '0351-1234567', '1381234567a', ''])('refuses %s', (input) => {
    expect(isMainlandMobile(input)).toBe(false);
  });
});
