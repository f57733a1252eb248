import { formatPoints, parsePoints, type RuleBookProblem, type RuleItemInput } from '@village/shared';

/*
 * The rule book as a spreadsheet: one item a row under the header 编号 | 类别 | 内容 | 分值 | 需要证明,
 * what the 两委 already keep in Excel. The export writes exactly these columns, so an exported book
 * edited and imported again is the same book. Pure: the workbook is read and written elsewhere.
 */

export const RULE_BOOK_SHEET_COLUMNS = ['编号', '类别', '内容', '分值', '需要证明'] as const;

export type SheetCell = string | number | boolean | Date | null;

export interface RuleBookSheetRow {
  /** As the spreadsheet numbers it (1-based). */
  rowNumber: number;
  cells: SheetCell[];
}

const YES = ['是', '需要', 'Y', 'YES', 'TRUE', '√', '✓', '1'];
const NO = ['否', '不需要', 'N', 'NO', 'FALSE', '×', '0', ''];

const text = (cell: SheetCell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();

/** Where the header row is (within the first few rows, so a title row above it is fine) and each column's index. */
function findHeader(rows: RuleBookSheetRow[]): { at: number; columns: number[] } | null {
  for (const [at, row] of rows.slice(0, 5).entries()) {
    const names = row.cells.map((c) => text(c));
    const columns = RULE_BOOK_SHEET_COLUMNS.map((name) => names.indexOf(name));
    if (columns.every((c) => c >= 0)) return { at, columns };
  }
  return null;
}

/**
 * The items of a sheet, and every problem a row has that the book's own check cannot see (a header
 * missing, points that are not a number, 需要证明 neither 是 nor 否). Blank rows are skipped.
 * Problems carry the sheet's row number.
 */
export function ruleItemsFromSheet(rows: RuleBookSheetRow[]): { items: RuleItemInput[]; itemRows: number[]; problems: RuleBookProblem[] } {
  const header = findHeader(rows);
  if (!header) {
    return { items: [], itemRows: [], problems: [{ row: null, code: null, message: `表格第一行应是列名：${RULE_BOOK_SHEET_COLUMNS.join('、')}。请用“导出”得到的表格来改` }] };
  }
  const items: RuleItemInput[] = [];
  const itemRows: number[] = [];
  const problems: RuleBookProblem[] = [];
  for (const row of rows.slice(header.at + 1)) {
    const [code, category, description, points, evidence] = header.columns.map((c) => text(row.cells[c]));
    if (![code, category, description, points, evidence].some(Boolean)) continue;
    const at = `第 ${row.rowNumber} 行${code ? `（${code}）` : ''}：`;
    const pointsTenths = parsePoints(points);
    if (pointsTenths === null) {
      const tooPrecise = /^[+\-−]?\d+\.\d{2,}$/.test(points.trim());
      problems.push({ row: row.rowNumber, code: code || null, message: `${at}分值“${points}”${tooPrecise ? '最多保留一位小数' : '不是数字'}，请填写如 0.4、3、-5` });
    }
    const flag = evidence.toUpperCase();
    const evidenceRequired = YES.includes(flag);
    if (!evidenceRequired && !NO.includes(flag)) problems.push({ row: row.rowNumber, code: code || null, message: `${at}“需要证明”请填“是”或“否”` });
    // 1 stands in for points that are not a number, so the book's own check does not report the cell
    // twice; a sheet with any problem is never saved.
    items.push({ code, category, description, pointsTenths: pointsTenths ?? 1, evidenceRequired });
    itemRows.push(row.rowNumber);
  }
  return { items, itemRows, problems };
}

/** The sheet's rows for a book's items, header first. */
export function ruleBookSheetRows(items: readonly RuleItemInput[]): string[][] {
  return [[...RULE_BOOK_SHEET_COLUMNS], ...items.map((item) => [item.code, item.category, item.description, formatPoints(item.pointsTenths).replace('−', '-'), item.evidenceRequired ? '是' : '否'])];
}
