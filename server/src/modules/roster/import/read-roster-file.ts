import { ROSTER_IMPORT_MAX_ROWS, type RosterColumnKey, type RosterImportError } from '@village/shared';
import type { FailedRow } from './import-plan';
import { findHeader, looksLikeRoster } from './roster-columns';
import { maskNumbersInText } from '../domain/mask-text';
import { cellText, cleanName } from './roster-cells';
import { parseRosterRow, type RosterRow, type RowCells } from './roster-row';
import { readSpreadsheet } from './spreadsheet-reader';

export interface RosterFile {
  kind: 'xlsx' | 'csv';
  sheetName: string | null;
  dataRows: number;
  rows: RosterRow[];
  failed: FailedRow[];
  /** Header and cell errors; matching against the village adds more. */
  errors: RosterImportError[];
  ignoredColumns: string[];
}

/**
 * Reads and checks every row of an uploaded roster. Throws UnreadableFileError for files that are not
 * a spreadsheet at all; everything else, including a missing header, comes back as errors.
 */
export async function readRosterFile(buffer: Buffer, today: Date): Promise<RosterFile> {
  const sheet = await readSpreadsheet(buffer, looksLikeRoster);
  const base = { kind: sheet.kind, sheetName: sheet.sheetName, rows: [], failed: [], ignoredColumns: [] };
  const header = findHeader(sheet.rows);
  if (!header) {
    return {
      ...base,
      dataRows: 0,
      errors: [
        {
          row: null,
          column: null,
          message: '没有找到表头：第一行（或标题下面的一行）应写明「户号」「姓名」「与户主关系」等列名。请下载导入模板对照填写。',
        },
      ],
    };
  }
  const fileErrors: RosterImportError[] = header.problems.map((p) => ({ row: header.rowNumber, column: null, message: p.message }));
  const present = new Set(Object.keys(header.columns) as RosterColumnKey[]);
  const dataRows = sheet.rows
    .filter((r) => r.rowNumber > header.rowNumber)
    .map((r) => {
      const cells: RowCells = {};
      for (const key of present) cells[key] = r.cells[header.columns[key] as number] ?? null;
      return { rowNumber: r.rowNumber, cells };
    })
    .filter((r) => Object.values(r.cells).some((c) => cellText(c ?? null) !== ''));

  if (dataRows.length > ROSTER_IMPORT_MAX_ROWS) {
    fileErrors.push({
      row: null,
      column: null,
      message: `一次最多导入 ${ROSTER_IMPORT_MAX_ROWS} 人，这个文件有 ${dataRows.length} 行。请分成几个文件导入。`,
    });
  }
  if (dataRows.length === 0) fileErrors.push({ row: null, column: null, message: '表头下面没有任何村民，请填写后再上传。' });
  if (fileErrors.length > 0) {
    return { ...base, dataRows: dataRows.length, errors: fileErrors, ignoredColumns: header.ignored };
  }

  const rows: RosterRow[] = [];
  const failed: FailedRow[] = [];
  const errors: RosterImportError[] = [];
  for (const data of dataRows) {
    const parsed = parseRosterRow(data.cells, present, data.rowNumber, today);
    errors.push(...parsed.errors);
    if (parsed.value) rows.push(parsed.value);
    else {
      failed.push({
        row: data.rowNumber,
        // Shown in the preview: a number typed into the wrong column must not come back in the clear.
        householdNumber: maskNumbersInText(cellText(data.cells.householdNumber ?? null)),
        name: maskNumbersInText(cleanName(data.cells.name ?? null)),
        grid: cellText(data.cells.grid ?? null) || null,
        villageGroup: cellText(data.cells.villageGroup ?? null) || null,
      });
    }
  }
  return { ...base, dataRows: dataRows.length, rows, failed, errors, ignoredColumns: header.ignored };
}
