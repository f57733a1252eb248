import { Workbook } from 'exceljs';
import { decodeText, detectFileKind, plainCellValue, readSpreadsheet, UnreadableFileError } from './spreadsheet-reader';
import { looksLikeRoster } from './roster-columns';
import { zipUncompressedTotal } from './zip-guard';

const GBK_ZHANG_SAN = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in GBK

async function xlsx(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('detectFileKind (by content, never by name)', () => {
  it('knows xlsx, old xls, text and binary', async () => {
    expect(detectFileKind(await xlsx((wb) => wb.addWorksheet('a')))).toBe('xlsx');
    expect(detectFileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls');
    expect(detectFileKind(Buffer.from('户号,姓名\n'))).toBe('text');
    expect(detectFileKind(Buffer.from([0xff, 0xfe, 0x37, 0x62]))).toBe('text');
    expect(detectFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe('binary');
    expect(detectFileKind(Buffer.alloc(0))).toBe('empty');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16LE with BOM, and GBK', () => {
    expect(decodeText(Buffer.from('\ufeff户号', 'utf8'))).toBe('户号');
    expect(decodeText(Buffer.from('户号', 'utf8'))).toBe('户号');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('户号', 'utf16le')]))).toBe('户号');
    expect(decodeText(GBK_ZHANG_SAN)).toBe('张三');
  });
});

describe('plainCellValue', () => {
  it('flattens rich text, formulas, hyperlinks and errors', () => {
    expect(plainCellValue({ richText: [{ text: '郭' }, { text: '建平' }] })).toBe('郭建平');
    expect(plainCellValue({ formula: 'A1', result: 42 } as never)).toBe(42);
    expect(plainCellValue({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(plainCellValue({ error: '#N/A' } as never)).toBe('#N/A');
    expect(plainCellValue(undefined)).toBeNull();
  });
});

describe('readSpreadsheet', () => {
  it('reads the sheet that has a roster header, with dates, numbers and merged household cells', async () => {
    const file = await xlsx((wb) => {
      wb.addWorksheet('封面').getCell('A1').value = '土岭底村花名册';
      const sheet = wb.addWorksheet('名单');
      sheet.getCell('A1').value = '土岭底村村民花名册';
      sheet.addRow(['户号', '姓名', '出生日期', '手机号']);
      sheet.addRow(['0001', '郭建平', new Date(Date.UTC(1968, 2, 12)), 13812345678]);
      sheet.addRow([null, '王秀英', '1970/5/1', null]);
      sheet.mergeCells('A3:A4');
    });
    const read = await readSpreadsheet(file, looksLikeRoster);
    expect(read.kind).toBe('xlsx');
    expect(read.sheetName).toBe('名单');
    expect(read.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(read.rows[2].cells).toEqual(['0001', '郭建平', new Date(Date.UTC(1968, 2, 12)), 13812345678]);
    expect(read.rows[3].cells[0]).toBe('0001');
  });

  it('reads GBK CSV and skips blank lines, keeping spreadsheet row numbers', async () => {
    const gbkHeader = Buffer.from([0xbb, 0xa7, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb]); // 户号,姓名
    const file = Buffer.concat([gbkHeader, Buffer.from('\n\n0001,'), GBK_ZHANG_SAN, Buffer.from('\n')]);
    const read = await readSpreadsheet(file, looksLikeRoster);
    expect(read).toEqual({ kind: 'csv', sheetName: null, rows: [{ rowNumber: 1, cells: ['户号', '姓名'] }, { rowNumber: 3, cells: ['0001', '张三'] }] });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), '空的'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), '.xls'],
    ['a picture', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '不是 Excel'],
    ['a broken zip', Buffer.from('PK\u0003\u0004garbage'), '损坏'],
    ['a CSV with an unclosed quote', Buffer.from('户号,姓名\n"0001,张三\n'), '引号'],
  ])('refuses %s with a Chinese reason', async (_, file, reason) => {
    await expect(readSpreadsheet(file, looksLikeRoster)).rejects.toThrow(UnreadableFileError);
    await expect(readSpreadsheet(file, looksLikeRoster)).rejects.toThrow(reason);
  });
});

describe('zipUncompressedTotal', () => {
  it('sums the sizes a real .xlsx declares', async () => {
    const file = await xlsx((wb) => wb.addWorksheet('a').addRow(['户号', '姓名']));
    const total = zipUncompressedTotal(file);
    expect(total).toBeGreaterThan(file.length);
    expect(total).toBeLessThan(100_000);
  });

  it('gives null for something that is not a zip', () => {
    expect(zipUncompressedTotal(Buffer.from('PK\u0003\u0004 not really a zip at all, no directory'))).toBeNull();
  });
});

describe('zip bombs', () => {
  /** A zip whose directory declares one entry of `size` bytes (local header omitted: only the directory is read). */
  function zipDeclaring(size: number): Buffer {
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(1000, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    const header = Buffer.from('PK\u0003\u0004');
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(header.length, 16);
    return Buffer.concat([header, central, name, eocd]);
  }

  it('refuses an archive that declares far more than any roster before inflating it', async () => {
    expect(zipUncompressedTotal(zipDeclaring(500_000_000))).toBe(500_000_000);
    await expect(readSpreadsheet(zipDeclaring(500_000_000), looksLikeRoster)).rejects.toThrow('解压后太大');
  });
});
