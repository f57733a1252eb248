/**
 * 居民身份证号码 (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and a check character over the first 17 digits (ISO 7064 MOD 11-2).
 * Used by the resident form, the roster import and the server's DTOs, so all three say the same thing.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes (GB/T 2260), plus 83 used by 台湾居民居住证. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; problem: IdNumberProblem; message: string };

/** Full-width digits and spaces as typed on a phone, lower-case x: "１４０４ 31…x" → "140431…X". */
export function normaliseIdNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X')
    .replace(/[\s\u3000-]/g, '');
}

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('需要 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

/** Checks an 18-digit ID number; `today` bounds the birth date it carries. */
export function checkIdNumber(input: string, today: Date = new Date()): IdNumberCheck {
  const id = normaliseIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: 'format', message: '身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X' };
  }
  if (!PROVINCES.has(id.slice(0, 2))) {
    return { ok: false, problem: 'region', message: `身份证号的前两位“${id.slice(0, 2)}”不是有效的省份代码，请核对` };
  }
  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const todayKey = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  if (year < 1900 || !isCalendarDate(year, month, day) || year * 10000 + month * 100 + day > todayKey) {
    return { ok: false, problem: 'birth_date', message: `身份证号里的出生日期“${id.slice(6, 14)}”不是有效日期，请核对` };
  }
  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: 'check_digit', message: '身份证号的最后一位（校验位）对不上，可能有数字抄错了，请逐位核对' };
  }
  return {
    ok: true,
    idNumber: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(input: string, today: Date = new Date()): boolean {
  return checkIdNumber(input, today).ok;
}
