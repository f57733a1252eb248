import { ROSTER_SHEET_COLUMNS, type RosterColumnKey } from '@village/shared';
import { Workbook, type Worksheet } from 'exceljs';

/** One person as the roster sheet shows them; phone and ID number already masked. */
export type RosterSheetRow = Record<RosterColumnKey, string>;

export interface RosterWorkbookOptions {
  /** Row 1, across the sheet: what this file is and that numbers are masked. */
  title: string;
  rows: RosterSheetRow[];
  gridNames: string[];
  villageGroupNames: string[];
}

export const ROSTER_SHEET_NAME = '花名册';
const NOTES_SHEET_NAME = '填写说明';
const HEADER_ROW = 2;

const WIDTHS: Record<RosterColumnKey, number> = {
  householdNumber: 9,
  address: 20,
  villageGroup: 12,
  grid: 11,
  name: 10,
  gender: 6,
  birthDate: 12,
  relationToHead: 11,
  idNumber: 21,
  phone: 14,
  isPartyMember: 9,
  isVillagerRep: 12,
  isRepresentative: 10,
};

const NOTES: [string, string, string][] = [
  ['户号', '必填。同一户的成员填同一个户号；已有的户按户号对上。', '0012'],
  ['住址', '新户必填；同一户只需在一行填写，其他行可留空。', '土岭底组12号'],
  ['村民小组', '新户必填，须是本村已有的村民小组。', '土岭底组'],
  ['网格', '新户必填，须是本村已有的网格。', '第一网格'],
  ['姓名', '必填。', '郭建平'],
  ['性别', '男 或 女；填了身份证号的可以留空。', '男'],
  ['出生日期', '1968-03-12、1968/3/12、19680312 或 Excel 日期都可以；填了身份证号的可以留空。', '1968-03-12'],
  ['与户主关系', '必填：户主、配偶、子、女、父、母、孙子、孙女、儿媳……', '户主'],
  ['身份证号', '18 位，末位可以是 X，会核对校验位。请把这一列设为“文本”格式，否则 Excel 会把后几位变成 0。', '（18 位，末位可为 X）'],
  ['手机号', '11 位手机号。', '（11 位，1 开头）'],
  ['是否党员', '是 / 否 / √ / 留空（留空即“否”）。整列删掉则不改系统里的记录。', '是'],
  ['是否村民代表', '同上。', '否'],
  ['是否户代表', '每户一位，须年满 18 周岁。新户没有标“是”时，由“户主”当户代表；已有的户不标则不变。', '是'],
];

const GENERAL_NOTES = [
  '每人一行。第一行是标题，第二行是列名，列的顺序可以调换，不认识的列会被忽略。',
  '已有的村民按身份证号，或按“户号 + 姓名 + 出生日期”对上；对上的更新，对不上的新增。导入不会删除任何人，去世、迁出请在系统里登记。',
  '导出的身份证号、手机号是打码的（保护个人信息）。重新导入时，打码的号码保持系统里原来的不变；要改号码请填写完整号码。空白的号码也不会清除系统里已有的号码。',
  '先“预览”：系统会列出每一行要新增还是更新，以及每一处错误（第几行、哪一列）。有任何错误时不会导入任何内容。',
];

function styleHeader(sheet: Worksheet): void {
  const header = sheet.getRow(HEADER_ROW);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E0' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

function listValidation(values: string[]): string | null {
  const joined = values.map((v) => v.replace(/[",]/g, '')).join(',');
  // Excel limits an inline list to 255 characters; longer lists are left unchecked.
  return values.length > 0 && joined.length <= 250 ? `"${joined}"` : null;
}

/** The roster sheet: title row, header row, one row per person, dropdowns on the choice columns. */
export async function buildRosterWorkbook(options: RosterWorkbookOptions): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '村民议事';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = ROSTER_SHEET_COLUMNS.map((c) => ({ key: c.key, width: WIDTHS[c.key], style: { numFmt: '@' } }));

  sheet.mergeCells(1, 1, 1, ROSTER_SHEET_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = options.title;
  title.alignment = { wrapText: true, vertical: 'middle' };
  title.font = { bold: true, color: { argb: 'FF7A2E00' } };
  sheet.getRow(1).height = 48;

  sheet.getRow(HEADER_ROW).values = ROSTER_SHEET_COLUMNS.map((c) => c.header);
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: ROSTER_SHEET_COLUMNS.length } };

  options.rows.forEach((row, i) => {
    const excelRow = sheet.getRow(HEADER_ROW + 1 + i);
    ROSTER_SHEET_COLUMNS.forEach((c, col) => {
      const cell = excelRow.getCell(col + 1);
      cell.value = row[c.key];
      cell.numFmt = '@';
    });
  });

  const lists: Partial<Record<RosterColumnKey, string | null>> = {
    gender: listValidation(['男', '女']),
    isPartyMember: listValidation(['是', '否']),
    isVillagerRep: listValidation(['是', '否']),
    isRepresentative: listValidation(['是', '否']),
    grid: listValidation(options.gridNames),
    villageGroup: listValidation(options.villageGroupNames),
  };
  const lastRow = HEADER_ROW + Math.max(options.rows.length + 200, 500);
  ROSTER_SHEET_COLUMNS.forEach((c, col) => {
    const formula = lists[c.key];
    if (!formula) return;
    for (let r = HEADER_ROW + 1; r <= lastRow; r += 1) {
      sheet.getCell(r, col + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: '请从列表里选',
        error: `请从下拉列表里选择${c.header}`,
      };
    }
  });

  const notes = workbook.addWorksheet(NOTES_SHEET_NAME);
  notes.columns = [{ width: 14 }, { width: 80 }, { width: 22 }];
  GENERAL_NOTES.forEach((text, i) => {
    notes.mergeCells(i + 1, 1, i + 1, 3);
    const cell = notes.getCell(i + 1, 1);
    cell.value = `${i + 1}. ${text}`;
    cell.alignment = { wrapText: true, vertical: 'top' };
    notes.getRow(i + 1).height = 34;
  });
  const start = GENERAL_NOTES.length + 2;
  notes.getRow(start).values = ['列名', '怎么填', '例子'];
  notes.getRow(start).font = { bold: true };
  NOTES.forEach((note, i) => {
    const row = notes.getRow(start + 1 + i);
    row.values = note;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(3).numFmt = '@';
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
