import { checkIdNumber, isMainlandMobile, MOBILE_PHONE_MESSAGE, normaliseIdNumber, normalisePhone, type Gender } from '@village/shared';
import { maskNumbersInText } from '../domain/mask-text';
import type { CellValue } from './spreadsheet-reader';

/*
 * One spreadsheet cell → one roster value, the way clerks type them. Each parser returns either a
 * value or the Chinese reason, which the row validator prefixes with 第 N 行「列名」.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Cell as text: trimmed, full-width letters and digits folded. Dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value.toFixed(0) : String(value);
  }
  return value.normalize('NFKC').replace(/^\s+|\s+$/g, '');
}

/**
 * A cell quoted back in an error message. A misplaced phone or ID number (a column shifted by one)
 * must not come back in the clear, so long digit runs are masked; long text is cut.
 */
export function echo(value: CellValue): string {
  const text = maskNumbersInText(cellText(value));
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

export function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE_HELP = '可写成 1968-03-12、1968/3/12 或 19680312';

/** Days from 1899-12-30 (Excel's day 0, allowing for its 1900 leap-year bug for dates after March 1900). */
function excelSerialToIso(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function todayIso(today: Date): string {
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * 出生日期: 1968-03-12, 1968/3/12, 1968.3.12, 1968年3月12日, 19680312, an Excel date cell, or an Excel
 * serial number left unformatted. Not before 1900 and not after today.
 */
export function parseBirthDate(value: CellValue, today: Date): Parsed<string> {
  let iso: string | null = null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(`不是有效日期（${DATE_HELP}）`);
    iso = cellText(value);
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 29991231) {
      iso = `${String(value).slice(0, 4)}-${String(value).slice(4, 6)}-${String(value).slice(6, 8)}`;
    } else if (Number.isInteger(value) && value >= 61 && value < 2958466) {
      iso = excelSerialToIso(value);
    }
  } else if (typeof value === 'string') {
    const text = cellText(value).replace(/\s+0{1,2}:0{2}(:0{2})?$/, '');
    const match =
      /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (match) iso = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  }
  if (!iso) return fail(`不是有效日期（${DATE_HELP}）`);
  const [y, m, d] = iso.split('-').map(Number);
  if (!isCalendarDate(y, m, d)) return fail(`“${echo(value)}”不是日历上存在的日期`);
  if (y < 1900) return fail('出生日期不能早于 1900 年');
  if (iso > todayIso(today)) return fail('出生日期不能晚于今天');
  return ok(iso);
}

const YES = new Set(['是', '√', '✓', '✔', '☑', 'Y', 'YES', 'TRUE', '1', '有', '对']);
const NO = new Set(['', '否', '×', '✗', '✘', 'X', 'N', 'NO', 'FALSE', '0', '无', '不是', '-', '/']);

/** 是/否 columns: 是 √ Y 1 → yes; 否 × N 0 or blank → no. */
export function parseFlag(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = cellText(value).toUpperCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail(`“${echo(value)}”看不懂，只能填“是”“否”“√”或留空`);
}

export function parseGender(value: CellValue): Parsed<Gender> {
  const text = cellText(value).toUpperCase();
  if (['男', '男性', 'M', 'MALE'].includes(text)) return ok('male');
  if (['女', '女性', 'F', 'FEMALE'].includes(text)) return ok('female');
  return fail(`“${echo(value)}”看不懂，只能填“男”或“女”`);
}

/** A phone or ID number cell: nothing, a masked number from an export (kept as stored), or a full one. */
export type SecretCell<T> = { kind: 'absent' } | { kind: 'masked'; text: string } | ({ kind: 'value' } & T);

export type IdNumberCell = SecretCell<{ idNumber: string; birthDate: string; gender: Gender }>;
export type PhoneCell = SecretCell<{ phone: string }>;

export function parseIdNumberCell(value: CellValue, today: Date): Parsed<IdNumberCell> {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    return fail('身份证号被 Excel 存成了数字，后几位已经丢失。请把这一列设为“文本”格式，重新填写后再导入。');
  }
  const text = cellText(value);
  if (text === '') return ok({ kind: 'absent' });
  if (text.includes('*')) return ok({ kind: 'masked', text: normaliseIdNumber(text) });
  const checked = checkIdNumber(text, today);
  if (!checked.ok) return fail(checked.message);
  return ok({ kind: 'value', idNumber: checked.idNumber, birthDate: checked.birthDate, gender: checked.gender });
}

export function parsePhoneCell(value: CellValue): Parsed<PhoneCell> {
  const text = cellText(value);
  if (text === '') return ok({ kind: 'absent' });
  if (text.includes('*')) return ok({ kind: 'masked', text: text.replace(/\s/g, '') });
  if (!isMainlandMobile(text)) return fail(MOBILE_PHONE_MESSAGE);
  return ok({ kind: 'value', phone: normalisePhone(text) });
}

/** Names as typed, with the padding space clerks put inside two-character names (张　三) removed. */
export function cleanName(value: CellValue): string {
  return cellText(value).replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
}
