/**
 * A small RFC 4180 reader for roster CSV files as Excel and WPS save them: quoted fields with doubled
 * quotes, line breaks inside quotes, CRLF/LF/CR line ends. It is lenient where spreadsheets are (a quote
 * in the middle of an unquoted field is kept as text). exceljs's CSV path goes through fast-csv streams
 * and guesses types (turning 0012 into 12 and ID numbers into floats); clerks' files need neither.
 */

export type CsvDelimiter = ',' | '\t' | ';';

export class CsvSyntaxError extends Error {
  constructor(
    /** 1-based record (row) where the unclosed quote started. */
    readonly record: number,
  ) {
    super(`第 ${record} 行：引号没有配对，这一行之后的内容无法读取。请用 Excel 打开检查后另存为 CSV 或 .xlsx。`);
    this.name = 'CsvSyntaxError';
  }
}

/** The separator used on the first line: comma (Excel), tab (Excel "Unicode text") or semicolon. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (c: string): number => firstLine.split(c).length - 1;
  const candidates: CsvDelimiter[] = [',', '\t', ';'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as CsvDelimiter);
}

/** Records as arrays of raw strings; record i is spreadsheet row i + 1. */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldIsQuoted = false;
  let quoteStartRecord = 0;

  const endField = (): void => {
    record.push(field);
    field = '';
    fieldIsQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '' && !fieldIsQuoted) {
      quoted = true;
      fieldIsQuoted = true;
      quoteStartRecord = records.length + 1;
    } else if (c === delimiter) {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteStartRecord);
  if (field !== '' || fieldIsQuoted || record.length > 0) endRecord();
  return records;
}
