import type { Gender, RosterColumnKey, RosterImportError } from '@village/shared';
import { COLUMN_LABELS } from './roster-columns';
import {
  cellText,
  cleanName,
  isBlank,
  parseBirthDate,
  parseFlag,
  parseGender,
  parseIdNumberCell,
  parsePhoneCell,
  type IdNumberCell,
  type PhoneCell,
} from './roster-cells';
import type { CellValue } from './spreadsheet-reader';

/** One person's row, every cell checked; household-level cells are null when left blank. */
export interface RosterRow {
  row: number;
  householdNumber: string;
  address: string | null;
  villageGroup: string | null;
  grid: string | null;
  name: string;
  gender: Gender;
  birthDate: string;
  relationToHead: string;
  idNumber: IdNumberCell;
  phone: PhoneCell;
  /** undefined when the file has no such column: the stored flag is kept. */
  isPartyMember: boolean | undefined;
  isVillagerRep: boolean | undefined;
  isRepresentative: boolean;
}

export type RowCells = Partial<Record<RosterColumnKey, CellValue>>;

export function cellError(row: number, column: RosterColumnKey | null, message: string): RosterImportError {
  if (column === null) return { row, column: null, message: `第 ${row} 行：${message}` };
  const label = COLUMN_LABELS[column];
  return { row, column: label, message: `第 ${row} 行「${label}」：${message}` };
}

const LIMITS: Partial<Record<RosterColumnKey, number>> = {
  householdNumber: 32,
  address: 128,
  villageGroup: 64,
  grid: 64,
  name: 32,
  relationToHead: 16,
};

/**
 * Checks every cell of one row and reports every problem, not just the first. `present` lists the
 * columns the file has, so a missing 是否党员 column keeps stored flags while a blank cell means 否.
 */
export function parseRosterRow(
  cells: RowCells,
  present: ReadonlySet<RosterColumnKey>,
  row: number,
  today: Date,
): { value: RosterRow | null; errors: RosterImportError[] } {
  const errors: RosterImportError[] = [];
  const error = (column: RosterColumnKey | null, message: string): void => {
    errors.push(cellError(row, column, message));
  };

  const text = (key: RosterColumnKey, required: boolean): string | null => {
    const value = key === 'name' ? cleanName(cells[key] ?? null) : cellText(cells[key] ?? null);
    if (value === '') {
      if (required) error(key, '不能为空');
      return null;
    }
    const limit = LIMITS[key];
    if (limit && value.length > limit) {
      error(key, `太长了（最多 ${limit} 个字）`);
      return null;
    }
    if (/\d{11}/.test(value.replace(/[\s-]/g, ''))) {
      error(key, '像是填了手机号或身份证号，请把号码放到「手机号」「身份证号」列');
      return null;
    }
    if (key === 'name' && /\d/.test(value)) {
      error(key, '姓名里不应有数字，请核对是不是填错了列');
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(value)) {
      error(key, '含有换行或看不见的字符，请删掉后重新输入');
      return null;
    }
    return value;
  };

  const householdNumber = text('householdNumber', true);
  const address = text('address', false);
  const villageGroup = text('villageGroup', false);
  const grid = text('grid', false);
  const name = text('name', true);
  const relationToHead = text('relationToHead', true);

  const idNumberParsed = parseIdNumberCell(cells.idNumber ?? null, today);
  if (!idNumberParsed.ok) error('idNumber', idNumberParsed.message);
  const idNumber: IdNumberCell = idNumberParsed.ok ? idNumberParsed.value : { kind: 'absent' };
  const fromId = idNumber.kind === 'value' ? idNumber : null;

  let gender: Gender | null = null;
  if (isBlank(cells.gender ?? null)) {
    if (fromId) gender = fromId.gender;
    else error('gender', '不能为空（填“男”或“女”；填了身份证号的可以留空）');
  } else {
    const parsed = parseGender(cells.gender ?? null);
    if (!parsed.ok) error('gender', parsed.message);
    else if (fromId && parsed.value !== fromId.gender) error('gender', `与身份证号不一致（身份证号显示为${fromId.gender === 'male' ? '男' : '女'}）`);
    else gender = parsed.value;
  }

  let birthDate: string | null = null;
  if (isBlank(cells.birthDate ?? null)) {
    if (fromId) birthDate = fromId.birthDate;
    else error('birthDate', '不能为空（填了身份证号的可以留空）');
  } else {
    const parsed = parseBirthDate(cells.birthDate ?? null, today);
    if (!parsed.ok) error('birthDate', parsed.message);
    else if (fromId && parsed.value !== fromId.birthDate) error('birthDate', `与身份证号里的出生日期（${fromId.birthDate}）不一致`);
    else birthDate = parsed.value;
  }

  const phoneParsed = parsePhoneCell(cells.phone ?? null);
  if (!phoneParsed.ok) error('phone', phoneParsed.message);

  const flag = (key: 'isPartyMember' | 'isVillagerRep' | 'isRepresentative'): boolean | undefined => {
    if (!present.has(key)) return undefined;
    const parsed = parseFlag(cells[key] ?? null);
    if (!parsed.ok) {
      error(key, parsed.message);
      return undefined;
    }
    return parsed.value;
  };
  const isPartyMember = flag('isPartyMember');
  const isVillagerRep = flag('isVillagerRep');
  const isRepresentative = flag('isRepresentative') ?? false;

  if (errors.length > 0 || !householdNumber || !name || !relationToHead || !gender || !birthDate || !phoneParsed.ok) {
    return { value: null, errors };
  }
  return {
    value: {
      row,
      householdNumber,
      address,
      villageGroup,
      grid,
      name,
      gender,
      birthDate,
      relationToHead,
      idNumber,
      phone: phoneParsed.value,
      isPartyMember,
      isVillagerRep,
      isRepresentative,
    },
    errors,
  };
}
