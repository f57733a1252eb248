import { columnForHeader, findHeader, normaliseHeader } from './roster-columns';
import type { SheetRow } from './spreadsheet-reader';

const row = (rowNumber: number, cells: (string | null)[]): SheetRow => ({ rowNumber, cells });

describe('roster headers', () => {
  it('normalises marks, notes and full-width forms', () => {
    expect(normaliseHeader('＊出生日期（例：1968-03-12）')).toBe('出生日期');
    expect(normaliseHeader(' 身份证 号码 ')).toBe('身份证号码');
    expect(normaliseHeader('户号：')).toBe('户号');
  });

  it('knows the wordings clerks use', () => {
    expect(columnForHeader('公民身份号码')).toBe('idNumber');
    expect(columnForHeader('联系电话')).toBe('phone');
    expect(columnForHeader('家庭住址')).toBe('address');
    expect(columnForHeader('组别')).toBe('villageGroup');
    expect(columnForHeader('备注')).toBeNull();
  });

  it('finds the header under a title row, in any column order, and lists ignored columns', () => {
    const header = findHeader([
      row(1, ['土岭底村村民花名册', null, null]),
      row(2, ['序号', '姓名', '户号', '与户主关系', '备注']),
      row(3, ['1', '郭建平', '0001', '户主', '']),
    ]);
    expect(header).toEqual({
      rowNumber: 2,
      columns: { name: 1, householdNumber: 2, relationToHead: 3 },
      ignored: ['序号', '备注'],
      problems: [],
    });
  });

  it('reports duplicate and missing required columns', () => {
    const header = findHeader([row(1, ['户号', '姓名', '手机号', '联系电话'])]);
    expect(header?.problems.map((p) => p.message)).toEqual([
      '表头第 1 行：「手机号」列出现了两次（C 列和 D 列），请删掉一列',
      '缺少「与户主关系」列，请按导入模板的列名填写',
    ]);
  });

  it('finds nothing in a sheet without 户号 and 姓名', () => {
    expect(findHeader([row(1, ['名字', '电话'])])).toBeNull();
  });
});
