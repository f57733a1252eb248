import { asDisplayText, csvLine } from './audit-csv.util';

describe('csvLine', () => {
  it('quotes only what needs it and ends with CRLF', () => {
    expect(csvLine([1, 'plain', null, '张三'])).toBe('1,plain,,张三\r\n');
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', ' padded'])).toBe('"a,b","say ""hi""","two\nlines"," padded"\r\n');
  });

  it('keeps canonical JSON intact inside quotes', () => {
    const json = '{"name":"李四","n":1}';
    expect(csvLine([json])).toBe(`"${json.replace(/"/g, '""')}"\r\n`);
  });
});

describe('asDisplayText', () => {
  it('defuses spreadsheet formulas in typed text', () => {
    expect(asDisplayText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(asDisplayText('+1')).toBe("'+1");
    expect(asDisplayText('王五')).toBe('王五');
    expect(asDisplayText(null)).toBeNull();
  });
});
