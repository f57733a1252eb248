import { idNumberCheckCharacter } from '@village/shared';
import { cellText, cleanName, parseBirthDate, parseFlag, parseGender, parseIdNumberCell, parsePhoneCell } from './roster-cells';

const TODAY = new Date(2026, 10, 25);
const withCheck = (first17: string): string => first17 + idNumberCheckCharacter(first17);

describe('parseBirthDate', () => {
  it.each([
    ['1968-03-12', '1968-03-12'],
    ['1968/3/12', '1968-03-12'],
    ['1968.3.12', '1968-03-12'],
    ['1968年3月12日', '1968-03-12'],
    ['1968 年 3 月 12 日', '1968-03-12'],
    ['19680312', '1968-03-12'],
    ['１９６８－０３－１２', '1968-03-12'],
    ['1968-03-12 00:00:00', '1968-03-12'],
    [19680312, '1968-03-12'],
    [24909, '1968-03-12'],
    [new Date(Date.UTC(1968, 2, 12)), '1968-03-12'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %p as %s', (input, expected) => {
    expect(parseBirthDate(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1968-13-01', '日历上'],
    ['1970-02-30', '日历上'],
    ['1900-02-29', '日历上'],
    ['3/12/1968', '不是有效日期'],
    ['一九六八年', '不是有效日期'],
    ['1968-03', '不是有效日期'],
    ['', '不是有效日期'],
    [true, '不是有效日期'],
    ['1899-12-31', '1900'],
    ['2027-01-01', '晚于今天'],
    [new Date(Date.UTC(2030, 0, 1)), '晚于今天'],
  ])('refuses %p saying %s', (input, reason) => {
    const result = parseBirthDate(input as never, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });

  it('offers the accepted formats in its message', () => {
    expect(parseBirthDate('12.3.68', TODAY)).toEqual({ ok: false, message: '不是有效日期（可写成 1968-03-12、1968/3/12 或 19680312）' });
  });
});

describe('parseFlag', () => {
  it.each([['是', true], ['√', true], ['✓', true], ['Y', true], ['1', true], [1, true], [true, true], ['否', false], ['', false], [null, false], ['×', false], ['N', false], [0, false], [false, false]])(
    'reads %p as %p',
    (input, expected) => {
      expect(parseFlag(input as never)).toEqual({ ok: true, value: expected });
    },
  );

  it('refuses anything else', () => {
    expect(parseFlag('可能')).toEqual({ ok: false, message: '“可能”看不懂，只能填“是”“否”“√”或留空' });
  });
});

describe('parseGender', () => {
  it('reads 男/女 and common variants', () => {
    expect(parseGender('男')).toEqual({ ok: true, value: 'male' });
    expect(parseGender(' 女性 ')).toEqual({ ok: true, value: 'female' });
    expect(parseGender('F')).toEqual({ ok: true, value: 'female' });
    expect(parseGender('未知').ok).toBe(false);
  });
});

describe('ID number and phone cells', () => {
  it('reads a valid ID number with its birth date and gender', () => {
    expect(parseIdNumberCell(' 11010519491231002x', TODAY)).toEqual({
      ok: true,
      value: { kind: 'value', idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('treats blank as absent and a masked export value as masked', () => {
    expect(parseIdNumberCell(null, TODAY)).toEqual({ ok: true, value: { kind: 'absent' } });
    expect(parseIdNumberCell('1101**********002X', TODAY)).toEqual({ ok: true, value: { kind: 'masked', text: '1101**********002X' } });
    expect(parsePhoneCell('139****5678')).toEqual({ ok: true, value: { kind: 'masked', text: '139****5678' } });
  });

  it('explains an ID number Excel turned into a float', () => {
    const result = parseIdNumberCell(110105194912310020, TODAY);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('文本') });
  });

  it('refuses a wrong check digit', () => {
    const valid = withCheck('14043119680312001');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(parseIdNumberCell(wrong, TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('校验位') });
  });

  it('reads phones typed with spaces or as numbers', () => {
    expect(parsePhoneCell('138 1234 5678')).toEqual({ ok: true, value: { kind: 'value', phone: '13812345678' } });
    expect(parsePhoneCell(13812345678)).toEqual({ ok: true, value: { kind: 'value', phone: '13812345678' } });
    expect(parsePhoneCell('0351-1234567').ok).toBe(false);
  });
});

describe('cellText and cleanName', () => {
  it('keeps leading zeros of text and writes whole numbers without exponent', () => {
    expect(cellText('0012')).toBe('0012');
    expect(cellText(12)).toBe('12');
    expect(cellText(13812345678)).toBe('13812345678');
  });

  it('removes the padding space inside two-character names', () => {
    expect(cleanName('张　三')).toBe('张三');
    expect(cleanName(' 阿依古丽·买买提 ')).toBe('阿依古丽·买买提');
  });
});
