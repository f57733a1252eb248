/**
 * RFC 4180 CSV for Excel: CRLF line ends, quotes where needed, and the UTF-8 byte order mark first so
 * Excel on Windows opens Chinese text as UTF-8 instead of the local code page.
 */
export const UTF8_BOM = '\uFEFF';

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text a person typed (a name) could start with = + - @ and run as a formula when the file is opened
 * in Excel (CSV injection); a leading apostrophe makes Excel show it as text. Only for display
 * columns: the hashed columns are exported exactly as stored so the hashes can be recomputed.
 */
export function asDisplayText(value: string | null): string | null {
  return value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
