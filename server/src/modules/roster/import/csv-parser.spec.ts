import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv-parser';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain rows with CRLF, LF or CR line ends and a trailing newline', () => {
    expect(parseCsv('户号,姓名\r\n0001,郭建平\r\n')).toEqual([['户号', '姓名'], ['0001', '郭建平']]);
    expect(parseCsv('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps leading zeros and long numbers as text', () => {
    expect(parseCsv('0012,110105194912310021,13812345678')).toEqual([['0012', '110105194912310021', '13812345678']]);
  });

  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"土岭底组,12号","他说""好""","第一行\n第二行",x\n')).toEqual([['土岭底组,12号', '他说"好"', '第一行\n第二行', 'x']]);
  });

  it('keeps empty fields, including empty quoted ones and a trailing comma', () => {
    expect(parseCsv('a,,"",b,\n')).toEqual([['a', '', '', 'b', '']]);
  });

  it('is lenient about a quote in the middle of an unquoted field', () => {
    expect(parseCsv('5"寸,x')).toEqual([['5"寸', 'x']]);
  });

  it('reports an unclosed quote with the row where it started', () => {
    expect(() => parseCsv('a,b\nc,"d\ne,f')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\nc,"d\ne,f');
    } catch (error) {
      expect((error as CsvSyntaxError).record).toBe(2);
      expect((error as CsvSyntaxError).message).toContain('第 2 行');
    }
  });

  it('detects tab- and semicolon-separated files from the first line', () => {
    expect(detectDelimiter('户号\t姓名\t性别\n0001\t张,三\t男')).toBe('\t');
    expect(detectDelimiter('户号;姓名\n')).toBe(';');
    expect(detectDelimiter('户号,姓名\n')).toBe(',');
    expect(parseCsv('户号\t姓名\n0001\t张三')).toEqual([['户号', '姓名'], ['0001', '张三']]);
  });
});
