import { REDEMPTION_QR_PREFIX } from '@village/shared';
import { HAND_OVER_CODE_ALPHABET, HAND_OVER_CODE_LENGTH, handOverCode, parseHandOverCode } from './hand-over-code';

describe('hand-over codes', () => {
  it('has 32 symbols without the look-alikes 0/O and 1/I', () => {
    expect(HAND_OVER_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(HAND_OVER_CODE_ALPHABET).size).toBe(32);
    for (const c of '0O1I') expect(HAND_OVER_CODE_ALPHABET).not.toContain(c);
  });

  it('turns random bytes into 8 symbols of the alphabet', () => {
    expect(handOverCode(new Uint8Array([0, 1, 2, 31, 32, 255, 100, 7]))).toBe('234Z2Z69');
    const code = handOverCode(Uint8Array.from({ length: 8 }, (_, i) => i * 37));
    expect(code).toHaveLength(HAND_OVER_CODE_LENGTH);
    expect(parseHandOverCode(code)).toBe(code);
    expect(() => handOverCode(new Uint8Array(7))).toThrow(RangeError);
  });

  it('reads the QR text, the bare code, lower case and spaced halves', () => {
    expect(parseHandOverCode(`${REDEMPTION_QR_PREFIX}K7MP3QXA`)).toBe('K7MP3QXA');
    expect(parseHandOverCode('  k7mp3qxa ')).toBe('K7MP3QXA');
    expect(parseHandOverCode('K7MP 3QXA')).toBe('K7MP3QXA');
    expect(parseHandOverCode('K7MP-3QXA')).toBe('K7MP3QXA');
    expect(parseHandOverCode('VILLAGE-POINTS:K7MP3QXA')).toBe('K7MP3QXA');
  });

  it('refuses what cannot be a code', () => {
    for (const text of ['', 'K7MP3QX', 'K7MP3QXAB', 'K7MP3QX0', 'K7MP3QXO', 'K7MP3QX1', 'K7MP3QXI', 'other-app:K7MP3QXA', '兑换码K7MP3QXA']) {
      expect(parseHandOverCode(text)).toBeNull();
    }
  });
});
