import { checkIdNumber, idNumberCheckCharacter, isValidIdNumber, normaliseIdNumber } from './id-number';

const TODAY = new Date(2026, 10, 25);

/** Appends the right check character to 17 digits. */
const withCheck = (first17: string): string => first17 + idNumberCheckCharacter(first17);

describe('idNumberCheckCharacter (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('matches the examples printed in the standard', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44052418800101001')).toBe('4');
  });

  it('covers every check character', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq += 1) {
      seen.add(idNumberCheckCharacter(`14043119680312${String(seq).padStart(3, '0')}`));
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('needs exactly 17 digits', () => {
    expect(() => idNumberCheckCharacter('1234')).toThrow(RangeError);
  });
});

describe('checkIdNumber', () => {
  it('accepts a valid number and reads birth date and gender from it', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    const man = withCheck('14043119680312001');
    expect(checkIdNumber(man, TODAY)).toMatchObject({ ok: true, birthDate: '1968-03-12', gender: 'male' });
  });

  it('tolerates a lower-case x, spaces and full-width digits', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY).ok).toBe(true);
  });

  it.each([
    ['too short', '1101051949123100', 'format'],
    ['15-digit old number', '110105491231002', 'format'],
    ['letter inside', '1101051949A231002X', 'format'],
    ['X not last', 'X10105194912310021', 'format'],
    ['unknown province', withCheck('99010519491231002'), 'region'],
    ['month 13', withCheck('14043119681312001'), 'birth_date'],
    ['30 February', withCheck('14043119680230001'), 'birth_date'],
    ['29 February in a common year', withCheck('14043119670229001'), 'birth_date'],
    ['born in the future', withCheck('14043120301201001'), 'birth_date'],
    ['born before 1900', withCheck('14043118991231001'), 'birth_date'],
  ])('refuses %s', (_, input, problem) => {
    const result = checkIdNumber(input, TODAY);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message).toMatch(/身份证号/);
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkIdNumber(withCheck('14043119680229002'), TODAY)).toMatchObject({ ok: true, birthDate: '1968-02-29', gender: 'female' });
  });

  it('refuses every single-digit typo of a valid number (the check digit catches them)', () => {
    const valid = withCheck('14043119680312001');
    for (let i = 0; i < 17; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidIdNumber(typo, TODAY)).toBe(false);
      }
    }
  });

  it('refuses swapped neighbouring digits when they differ', () => {
    const valid = withCheck('14043119680312001');
    for (let i = 0; i < 16; i += 1) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      expect(isValidIdNumber(swapped, TODAY)).toBe(false);
    }
  });
});
