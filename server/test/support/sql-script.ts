/**
 * Splits a SQL script the way the mysql command-line client reads it, so a test can run a script
 * meant for `mysql … < file` through a driver: `DELIMITER x` lines change the statement terminator,
 * and comment-only lines between statements are skipped.
 */
export function splitSqlScript(text: string): string[] {
  let delimiter = ';';
  let current = '';
  const statements: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    const change = /^DELIMITER\s+(\S+)$/i.exec(trimmed);
    if (change) {
      delimiter = change[1];
      continue;
    }
    if (current === '' && (trimmed === '' || trimmed.startsWith('--'))) continue;
    current += `${line}\n`;
    if (!trimmed.startsWith('--') && trimmed.endsWith(delimiter)) {
      statements.push(current.trimEnd().slice(0, -delimiter.length).trim());
      current = '';
    }
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}
