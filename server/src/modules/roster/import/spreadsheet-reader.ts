import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from 'exceljs';
import { CsvSyntaxError, parseCsv } from './csv-parser';
import { zipUncompressedTotal } from './zip-guard';

/** A cell as the roster reader sees it: exceljs's rich values flattened, CSV cells as text. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** As the spreadsheet numbers it (1-based, header and title rows included). */
  rowNumber: number;
  /** 0-based by column. */
  cells: CellValue[];
}

export interface ReadSheet {
  kind: 'xlsx' | 'csv';
  sheetName: string | null;
  rows: SheetRow[];
}

/** The file cannot be read as a roster at all; the message says what to do. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** An unzipped roster of 5000 people is a few MB; anything declaring far more is refused unread. */
const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;

export type FileKind = 'xlsx' | 'xls' | 'text' | 'binary' | 'empty';

/** Decides by content, never by file name or the browser's MIME type. */
export function detectFileKind(buffer: Buffer): FileKind {
  if (buffer.length === 0) return 'empty';
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  if (hasUtf16Bom(buffer)) return 'text';
  return buffer.includes(0) ? 'binary' : 'text';
}

function hasUtf16Bom(buffer: Buffer): boolean {
  return buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
}

/**
 * Text as clerks' computers save it: UTF-8 with or without BOM, UTF-16 with BOM (Excel "Unicode
 * text"), or GBK/GB18030 (Excel's "CSV" on Chinese Windows).
 */
export function decodeText(buffer: Buffer): string {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return strictDecode('utf-8', buffer.subarray(3));
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return strictDecode('utf-16le', buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return strictDecode('utf-16be', buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return strictDecode('gb18030', buffer);
  }
}

function strictDecode(encoding: string, bytes: Buffer): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError('文件的文字编码无法识别。请在 Excel 里“另存为” .xlsx，或 CSV UTF-8 格式，再上传。');
  }
}

/** Flattens exceljs cell values (rich text, formulas, hyperlinks, errors) to plain values. */
export function plainCellValue(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object)) return String((result as { error: string }).error);
    return plainCellValue(result as ExcelCellValue);
  }
  if ('hyperlink' in value) return plainCellValue((value as { text?: ExcelCellValue }).text ?? null);
  if ('error' in value) return String(value.error);
  return null;
}

function worksheetRows(sheet: Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = plainCellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = null;
    rows.push({ rowNumber, cells });
  });
  return rows;
}

/**
 * Reads the first worksheet that `isRoster` accepts (or the first worksheet), or the CSV text.
 * Throws UnreadableFileError with a Chinese message for anything that is not a readable roster file.
 */
export async function readSpreadsheet(buffer: Buffer, isRoster: (rows: SheetRow[]) => boolean): Promise<ReadSheet> {
  const kind = detectFileKind(buffer);
  switch (kind) {
    case 'empty':
      throw new UnreadableFileError('上传的文件是空的，请重新选择花名册文件。');
    case 'xls':
      throw new UnreadableFileError('这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 里“另存为” .xlsx 格式后再上传。');
    case 'binary':
      throw new UnreadableFileError('这个文件不是 Excel（.xlsx）或 CSV 文件。请上传花名册的 .xlsx 或 .csv 文件。');
    case 'xlsx':
      return readXlsx(buffer, isRoster);
    case 'text':
      return readCsv(buffer);
  }
}

async function readXlsx(buffer: Buffer, isRoster: (rows: SheetRow[]) => boolean): Promise<ReadSheet> {
  const unzipped = zipUncompressedTotal(buffer);
  if (unzipped === null) throw new UnreadableFileError('文件损坏或不是 .xlsx 文件。请用 Excel 打开后重新保存为 .xlsx 再上传。');
  if (unzipped > MAX_UNZIPPED_BYTES) throw new UnreadableFileError('这个 .xlsx 文件解压后太大了，不像是花名册。请只保留花名册这一张表后再上传。');
  const workbook = new Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; JSZip reads a plain ArrayBuffer.
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('无法读取这个 .xlsx 文件，可能已损坏或设置了密码。请用 Excel 打开后重新保存再上传。');
  }
  if (workbook.worksheets.length === 0) throw new UnreadableFileError('这个 .xlsx 文件里没有工作表。');
  const sheets = workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: worksheetRows(sheet) }));
  const chosen = sheets.find((s) => isRoster(s.rows)) ?? sheets[0];
  return { kind: 'xlsx', sheetName: chosen.name, rows: chosen.rows };
}

function readCsv(buffer: Buffer): ReadSheet {
  const text = decodeText(buffer);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) {
    throw new UnreadableFileError('这个文件不是 Excel（.xlsx）或 CSV 文件。请上传花名册的 .xlsx 或 .csv 文件。');
  }
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UnreadableFileError(error.message);
    throw error;
  }
  const rows = records
    .map((cells, i) => ({ rowNumber: i + 1, cells: cells as CellValue[] }))
    .filter((row) => row.cells.some((c) => typeof c === 'string' && c.trim() !== ''));
  return { kind: 'csv', sheetName: null, rows };
}
