import { ROSTER_SHEET_COLUMNS, type RosterColumnKey } from '@village/shared';
import type { CellValue, SheetRow } from './spreadsheet-reader';

/** Header wordings seen in village rosters, after normaliseHeader. The first is the template's. */
const ALIASES: Record<RosterColumnKey, string[]> = {
  householdNumber: ['户号', '户编号', '户籍编号', '户口编号', '家庭户号'],
  address: ['住址', '地址', '家庭住址', '家庭地址', '现住址', '居住地址'],
  villageGroup: ['村民小组', '小组', '组', '组别', '所属小组', '所属村民小组'],
  grid: ['网格', '所属网格', '网格名称', '网格名'],
  name: ['姓名', '名字', '村民姓名', '成员姓名'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日', '出生时间'],
  relationToHead: ['与户主关系', '与户主的关系', '户主关系', '关系', '家庭关系'],
  idNumber: ['身份证号', '身份证号码', '身份证', '公民身份号码', '居民身份证号码', '证件号码'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '电话', '电话号码', '联系方式'],
  isPartyMember: ['是否党员', '党员', '政治面貌为党员'],
  isVillagerRep: ['是否村民代表', '村民代表'],
  isRepresentative: ['是否户代表', '户代表'],
};

const BY_ALIAS = new Map<string, RosterColumnKey>(
  (Object.entries(ALIASES) as [RosterColumnKey, string[]][]).flatMap(([key, aliases]) => aliases.map((a) => [a, key] as const)),
);

export const COLUMN_LABELS: Record<RosterColumnKey, string> = Object.fromEntries(
  ROSTER_SHEET_COLUMNS.map((c) => [c.key, c.header]),
) as Record<RosterColumnKey, string>;

/** Without these the file cannot be read at all. */
export const REQUIRED_COLUMNS: RosterColumnKey[] = ['householdNumber', 'name', 'relationToHead'];

/** "＊出生日期（例：1968-03-12）" → "出生日期"; full-width forms folded, spaces and marks dropped. */
export function normaliseHeader(value: CellValue): string {
  if (value === null || value instanceof Date || typeof value === 'boolean') return '';
  return String(value)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*※]/g, '')
    .replace(/[(\[【].*$/, '')
    .replace(/[:：]$/, '');
}

export function columnForHeader(value: CellValue): RosterColumnKey | null {
  return BY_ALIAS.get(normaliseHeader(value)) ?? null;
}

export interface HeaderProblem {
  message: string;
}

export interface RosterHeader {
  rowNumber: number;
  /** Column index (0-based) of each recognised column. */
  columns: Partial<Record<RosterColumnKey, number>>;
  /** Headers present but not recognised (ignored). */
  ignored: string[];
  problems: HeaderProblem[];
}

/** How many rows from the top a header may sit below titles and notes. */
const HEADER_SEARCH_ROWS = 10;

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The first row near the top that names at least 户号 and 姓名, with its column map. */
export function findHeader(rows: SheetRow[]): RosterHeader | null {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const keys = row.cells.map(columnForHeader);
    if (!keys.includes('householdNumber') || !keys.includes('name')) continue;

    const columns: Partial<Record<RosterColumnKey, number>> = {};
    const ignored: string[] = [];
    const problems: HeaderProblem[] = [];
    keys.forEach((key, index) => {
      const text = normaliseHeader(row.cells[index]);
      if (!key) {
        if (text) ignored.push(text);
        return;
      }
      const first = columns[key];
      if (first !== undefined) {
        problems.push({
          message: `表头第 ${row.rowNumber} 行：「${COLUMN_LABELS[key]}」列出现了两次（${columnLetter(first)} 列和 ${columnLetter(index)} 列），请删掉一列`,
        });
        return;
      }
      columns[key] = index;
    });
    for (const key of REQUIRED_COLUMNS) {
      if (columns[key] === undefined) problems.push({ message: `缺少「${COLUMN_LABELS[key]}」列，请按导入模板的列名填写` });
    }
    return { rowNumber: row.rowNumber, columns, ignored, problems };
  }
  return null;
}

export function looksLikeRoster(rows: SheetRow[]): boolean {
  return findHeader(rows) !== null;
}
