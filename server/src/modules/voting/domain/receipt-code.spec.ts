import { RECEIPT_CODE_PATTERN } from '@village/shared';
import { newReceiptCode, normaliseReceiptCode } from './receipt-code';

describe('receipt codes', () => {
  it('are 12 Crockford characters in three groups, matching the shared pattern', () => {
    for (let i = 0; i < 200; i += 1) expect(newReceiptCode()).toMatch(RECEIPT_CODE_PATTERN);
  });

  it('come from 60 random bits, so 10 000 are all different', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newReceiptCode()));
    expect(codes.size).toBe(10_000);
  });

  it('encode the random bytes deterministically', () => {
    expect(newReceiptCode(() => Buffer.alloc(8, 0))).toBe('0000-0000-0000');
    expect(newReceiptCode(() => Buffer.alloc(8, 0xff))).toBe('ZZZZ-ZZZZ-ZZZZ');
  });

  it.each([
    ['k7qx-3mzp-9dta', 'K7QX-3MZP-9DTA'],
    ['K7QX 3MZP 9DTA', 'K7QX-3MZP-9DTA'],
    ['k7qx3mzp9dta', 'K7QX-3MZP-9DTA'],
    ['O1LI-0000-0000', '0111-0000-0000'],
  ])('reads %s as %s', (input, code) => {
    expect(normaliseReceiptCode(input)).toBe(code);
  });

  it.each(['', 'K7QX-3MZP', 'K7QX-3MZP-9DTA-1', 'K7QX-3MZP-9DTU', '你好你好-3MZP-9DTA'])('rejects %s', (input) => {
    expect(normaliseReceiptCode(input)).toBeNull();
  });
});
