import type { NoticeBlock, NoticeSpan } from '../types/notice';

/*
 * The notice body language (村务公开正文): a small, safe Markdown subset, parsed into data that the
 * mini-program and the printable 公开栏 sheet render. The output is never HTML and nothing in the
 * input is interpreted beyond the rules below, so `<script>`, links and images stay visible as the
 * literal text the clerk typed.
 *
 * Lines (CRLF, CR, U+2028/U+2029 all count as line breaks; a leading tab counts as 4 spaces):
 * - A blank line ends the current paragraph, list or table.
 * - `# 标题` / `## 小标题` (up to 3 leading spaces, then 1 or 2 `#` and a space): a heading, one line.
 *   `###` and deeper, or `#标题` without the space, stay text. A heading with no text is dropped.
 * - `- 事项`: a bullet item. `1. 事项`: a numbered item; a numbered list must start at 1 and count up by
 *   one (`1.` `2.` `3.`), because renderers number items themselves: a line whose number does not
 *   follow on stays text, so the number the clerk typed is always the number villagers see. Both kinds
 *   may start right after a paragraph line without a blank line. Inside a list, a line indented by 2
 *   or more spaces continues the item above it (after a line break); an unindented line ends the list.
 *   Nested lists are not supported: an indented `- ` line is continuation text of the item above.
 * - A line containing `|` followed by a separator line made only of `|`, `-`, `:` and spaces (with at
 *   least one `|` and one `-`) starts a table with that header. Following lines that contain `|` are
 *   rows, up to a blank line or a line without `|`. Rows are padded with empty cells or cut to the
 *   header's width; separator-like lines among the rows are skipped; `\|` is a literal `|` inside a
 *   cell. Cells are plain strings: `**` pairs in a cell are removed (bold is not kept in tables). A
 *   header wider than NOTICE_TABLE_COLUMNS_MAX columns is not a table (its lines stay text), which
 *   also bounds the output of hostile input. Without a separator line, pipes are ordinary text.
 * - Any other non-blank line is paragraph text. Consecutive lines form one paragraph; **a single line
 *   break inside a paragraph (or list item) is kept as a `\n` inside a span's text**, so renderers must
 *   honour `\n` (mini-program: `white-space: pre-line`; PDF: the text engine breaks the line there).
 *   Spaces and tabs around each line are trimmed; full-width spaces (U+3000, the customary 段首空两格)
 *   are kept.
 *
 * Inline: `**粗体**` makes bold text. The pair must close on the same line and enclose something other
 * than spaces; otherwise the asterisks stay literal text, so an unclosed `**` affects nothing beyond
 * itself. Unlike CommonMark there are no flanking rules, so `**“引号”**紧跟文字` works in Chinese.
 * Spans carry `bold: true` only when bold; adjacent spans of the same weight are merged.
 *
 * Control characters (other than line breaks), the byte-order mark and bidirectional-override
 * characters are removed. Parsing is linear in the input's length and never throws.
 */

/** Widest table accepted; an A4 sheet cannot show more columns legibly anyway. */
export const NOTICE_TABLE_COLUMNS_MAX = 12;

// C0/C1 controls except \t and \n, DEL, BOM/ZWNBSP, bidi embeddings, overrides and isolates.
const STRIPPED_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u0084\u0086-\u009F\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

const HEADING = /^ {0,3}(#{1,2}) (.*)$/;
const BULLET_ITEM = /^ {0,3}- +(\S.*)$/;
const ORDERED_ITEM = /^ {0,3}(\d{1,9})\. +(\S.*)$/;
const SEPARATOR_CHARACTERS = /^[ |:-]+$/;

interface OpenList {
  ordered: boolean;
  /** Each item's trimmed lines. */
  items: string[][];
}

export function parseNoticeBody(markdown: string): NoticeBlock[] {
  const lines = normaliseLines(typeof markdown === 'string' ? markdown : '');
  const blocks: NoticeBlock[] = [];
  let paragraph: string[] = [];
  let list: OpenList | null = null;

  const closeParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', spans: parseInline(paragraph) });
    paragraph = [];
  };
  const closeList = (): void => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  const closeAll = (): void => {
    closeParagraph();
    closeList();
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      closeAll();
      i += 1;
      continue;
    }

    const openList: OpenList | null = list;
    if (openList && indentOf(line) >= 2) {
      openList.items[openList.items.length - 1].push(trimSpaces(line));
      i += 1;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      closeAll();
      const text = trimSpaces(heading[2]);
      if (text) blocks.push({ type: 'heading', level: heading[1].length === 1 ? 1 : 2, spans: parseInline([text]) });
      i += 1;
      continue;
    }

    if (isTableStart(lines, i)) {
      closeAll();
      i = readTable(lines, i, blocks);
      continue;
    }

    const bullet = BULLET_ITEM.exec(line);
    if (bullet) {
      if (!openList || openList.ordered) {
        closeAll();
        list = { ordered: false, items: [] };
      }
      (list as OpenList).items.push([trimSpaces(bullet[1])]);
      i += 1;
      continue;
    }

    const ordered = ORDERED_ITEM.exec(line);
    if (ordered) {
      const n = Number(ordered[1]);
      if (openList && openList.ordered && n === openList.items.length + 1) {
        openList.items.push([trimSpaces(ordered[2])]);
        i += 1;
        continue;
      }
      if (n === 1) {
        closeAll();
        list = { ordered: true, items: [[trimSpaces(ordered[2])]] };
        i += 1;
        continue;
      }
      // A number out of sequence: plain text, below.
    }

    closeList();
    paragraph.push(trimSpaces(line));
    i += 1;
  }
  closeAll();
  return blocks;
}

/** Plain text for reading aloud and for share text: no markup, tables read row by row as "表头：值". */
export function noticeBodyToPlainText(blocks: readonly NoticeBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const text = blockToPlainText(block).trim();
    if (text) parts.push(text);
  }
  return parts.join('\n\n');
}

function blockToPlainText(block: NoticeBlock): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return spansToText(block.spans);
    case 'list':
      return block.items
        .map((item, k) => (block.ordered ? `${k + 1}、` : '· ') + spansToText(item))
        .join('\n');
    case 'table':
      if (block.rows.length === 0) return block.header.filter((h) => h !== '').join('，');
      return block.rows
        .map((row) =>
          row
            .map((cell, k) => (cell === '' ? '' : block.header[k] ? `${block.header[k]}：${cell}` : cell))
            .filter((part) => part !== '')
            .join('，'),
        )
        .filter((line) => line !== '')
        .join('\n');
    default:
      return assertNever(block);
  }
}

function assertNever(block: never): string {
  void block;
  return '';
}

function spansToText(spans: readonly NoticeSpan[]): string {
  return spans.map((span) => span.text).join('');
}

// ---------------------------------------------------------------- lines

function normaliseLines(input: string): string[] {
  return input
    .replace(LINE_BREAKS, '\n')
    .replace(STRIPPED_CHARACTERS, '')
    .split('\n')
    .map(expandTabs);
}

/** Leading tabs count as 4 spaces (indentation); any other tab is one space. */
function expandTabs(line: string): string {
  if (line.indexOf('\t') < 0) return line;
  let lead = 0;
  while (lead < line.length && (line[lead] === '\t' || line[lead] === ' ')) lead += 1;
  const indent = line.slice(0, lead).replace(/\t/g, '    ');
  return indent + line.slice(lead).replace(/\t/g, ' ');
}

function isBlank(line: string): boolean {
  return trimSpaces(line) === '';
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && line[n] === ' ') n += 1;
  return n;
}

/** Trims ASCII spaces only, so a leading full-width space (U+3000) survives. */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start += 1;
  while (end > start && text[end - 1] === ' ') end -= 1;
  return text.slice(start, end);
}

// ---------------------------------------------------------------- inline

function parseInline(lines: readonly string[]): NoticeSpan[] {
  const spans: NoticeSpan[] = [];
  const push = (text: string, bold: boolean): void => {
    if (text === '') return;
    const last = spans[spans.length - 1];
    if (last && (last.bold === true) === bold) {
      last.text += text;
    } else {
      spans.push(bold ? { text, bold: true } : { text });
    }
  };
  lines.forEach((line, index) => {
    if (index > 0) push('\n', false);
    parseBold(line, push);
  });
  return spans;
}

function parseBold(line: string, push: (text: string, bold: boolean) => void): void {
  let plainFrom = 0;
  let searchFrom = 0;
  while (searchFrom < line.length) {
    const open = line.indexOf('**', searchFrom);
    if (open < 0) break;
    const close = line.indexOf('**', open + 2);
    if (close < 0) break;
    const inner = line.slice(open + 2, close);
    if (trimSpaces(inner) === '') {
      // "****" or "** **": the first pair is literal; look again from its end.
      searchFrom = open + 2;
      continue;
    }
    push(line.slice(plainFrom, open), false);
    push(inner, true);
    plainFrom = close + 2;
    searchFrom = plainFrom;
  }
  push(line.slice(plainFrom), false);
}

function stripBold(text: string): string {
  const parts: string[] = [];
  parseBold(text, (part) => parts.push(part));
  return parts.join('');
}

// ---------------------------------------------------------------- tables

function isSeparator(line: string): boolean {
  return SEPARATOR_CHARACTERS.test(line) && line.indexOf('-') >= 0 && line.indexOf('|') >= 0;
}

function isTableStart(lines: readonly string[], i: number): boolean {
  const header = lines[i];
  const separator = lines[i + 1];
  if (separator === undefined || header.indexOf('|') < 0 || !isSeparator(separator)) return false;
  return splitRow(header).length <= NOTICE_TABLE_COLUMNS_MAX;
}

/** Reads the table starting at `start` into `blocks`; returns the index of the first line after it. */
function readTable(lines: readonly string[], start: number, blocks: NoticeBlock[]): number {
  const header = splitRow(lines[start]);
  const width = header.length;
  const rows: string[][] = [];
  let i = start + 2;
  while (i < lines.length && !isBlank(lines[i]) && lines[i].indexOf('|') >= 0) {
    if (!isSeparator(lines[i])) {
      const cells = splitRow(lines[i], width);
      while (cells.length < width) cells.push('');
      rows.push(cells);
    }
    i += 1;
  }
  blocks.push({ type: 'table', header, rows });
  return i;
}

/**
 * `| a | b |`, `a | b`, `| a | b` → ["a", "b"]. One leading and one trailing pipe are edges, not
 * cells; `\|` is a literal pipe. Stops after `limit` cells so a very wide row costs nothing extra.
 */
function splitRow(line: string, limit = Number.MAX_SAFE_INTEGER): string[] {
  let text = trimSpaces(line);
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let k = 0; k < text.length && cells.length < limit; k += 1) {
    const c = text[k];
    if (c === '\\' && text[k + 1] === '|') {
      current += '|';
      k += 1;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (cells.length < limit) cells.push(current);
  return cells.map((cell) => stripBold(trimSpaces(cell)));
}
