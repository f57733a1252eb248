import type { RuleItemInput } from '@village/shared';
import { Workbook } from 'exceljs';
import { plainCellValue } from '../../roster/import/spreadsheet-reader';
import { zipUncompressedTotal } from '../../roster/import/zip-guard';
import { PointsException } from '../points.exception';
import { ruleBookSheetRows, type RuleBookSheetRow } from './domain/rule-book-sheet';

/** A rule book of 200 items is a few dozen KB unzipped; anything declaring far more is refused unread. */
const MAX_UNZIPPED_BYTES = 10 * 1024 * 1024;
export const RULE_BOOK_FILE_MAX_BYTES = 1024 * 1024;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_NAME = '积分细则';

/** The rows of the workbook's first sheet; a 400 in plain words for anything that is not a readable .xlsx. */
export async function readRuleBookWorkbook(buffer: Buffer): Promise<RuleBookSheetRow[]> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw PointsException.invalid('这个文件不是 Excel（.xlsx）表格。请用“导出”得到的表格改好后再导入；.xls 请先另存为 .xlsx');
  const unzipped = zipUncompressedTotal(buffer);
  if (unzipped === null || unzipped > MAX_UNZIPPED_BYTES) throw PointsException.invalid('这个 .xlsx 文件损坏或太大了。请用 Excel 打开后只保留积分细则这一张表，重新保存再导入');
  const workbook = new Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; JSZip reads a plain ArrayBuffer.
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  } catch {
    throw PointsException.invalid('无法读取这个 .xlsx 文件，可能已损坏或设置了密码。请用 Excel 打开后重新保存再导入');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw PointsException.invalid('这个 .xlsx 文件里没有工作表');
  const rows: RuleBookSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RuleBookSheetRow['cells'] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = plainCellValue(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/** The book as an .xlsx in the import's columns. */
export async function writeRuleBookWorkbook(items: readonly RuleItemInput[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = [{ width: 8 }, { width: 12 }, { width: 48 }, { width: 8 }, { width: 10 }];
  sheet.addRows(ruleBookSheetRows(items));
  sheet.getRow(1).font = { bold: true };
  // Codes like "001" and points like "0.4" stay as typed.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(4).numFmt = '@';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
