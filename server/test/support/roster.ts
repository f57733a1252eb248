import { Workbook } from 'exceljs';
import type { LoginResult, RosterImportMode } from '@village/shared';
import type { Response } from 'supertest';
import { bearer } from './auth';
import type { TestApp } from './test-app';

type ParserCallback = (error: Error | null, body: Buffer) => void;

/** supertest parser that keeps a binary body (an .xlsx download) as a Buffer. */
export function binaryParser(res: NodeJS.ReadableStream, callback: ParserCallback): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

export async function download(t: TestApp, path: string, login: LoginResult): Promise<Response & { body: Buffer }> {
  return (await t.http.get(path).set(...bearer(login)).buffer(true).parse(binaryParser as never)) as Response & { body: Buffer };
}

/** Every row of the roster sheet as text, row 1 first (exceljs row numbering). */
export async function sheetRows(xlsx: Buffer, sheet = '花名册'): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`no sheet ${sheet}`);
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // A merged range's value belongs to its first cell only.
      const own = cell.master.address === cell.address;
      cells[c - 1] = !own || cell.value === null || cell.value === undefined ? '' : String(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  // Rows that only carry formats or dropdowns are not data.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === '')) rows.pop();
  return Array.from(rows, (r) => r ?? []);
}

/** Every cell of every sheet as text, for scanning a download for personal data. */
export async function allCellText(xlsx: Buffer): Promise<string> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const parts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => parts.push(JSON.stringify(cell.value)))));
  return parts.join('\n');
}

/** Writes a roster sheet: row 1 a title, row 2 the header, then the rows. */
export async function rosterXlsx(header: string[], rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['测试花名册']);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rewrites cells of an exported roster: `edit` gets each data row (header-keyed) and may change it. */
export async function editExport(
  xlsx: Buffer,
  edit: (row: Record<string, string>, rowNumber: number) => Record<string, string> | null,
  extra: Record<string, string>[] = [],
): Promise<Buffer> {
  const rows = await sheetRows(xlsx);
  const header = rows[1];
  const out: string[][] = [];
  rows.slice(2).forEach((cells, i) => {
    const record = Object.fromEntries(header.map((h, c) => [h, cells[c] ?? '']));
    const edited = edit(record, i + 3);
    if (edited) out.push(header.map((h) => edited[h] ?? ''));
  });
  for (const record of extra) out.push(header.map((h) => record[h] ?? ''));
  return rosterXlsx(header, out);
}

export function upload(t: TestApp, login: LoginResult, file: Buffer, name: string, mode: RosterImportMode | null = 'dry-run') {
  const path = mode ? `/api/roster/imports?mode=${mode}` : '/api/roster/imports';
  return t.http.post(path).set(...bearer(login)).attach('file', file, name);
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.dataSource.query(sql, params);
  return Number(Object.values(row as Record<string, unknown>)[0]);
}

/** How far the village's audit trail has got: nothing written means this does not move. */
export function auditTotal(t: TestApp): Promise<number> {
  return count(t, 'SELECT COUNT(*) AS n FROM audit_event');
}

export async function auditEvents(t: TestApp, action: string): Promise<{ entityId: string; before: unknown; after: unknown }[]> {
  const rows: { entity_id: string; before_json: string | null; after_json: string | null }[] = await t.dataSource.query(
    'SELECT entity_id, before_json, after_json FROM audit_event WHERE action = ? ORDER BY seq',
    [action],
  );
  return rows.map((r) => ({
    entityId: r.entity_id,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}
