/*
 * Bordered tables for the 公开栏 sheet (财务收支明细 and the like). pdfkit's own table does not repeat
 * its header on a new page nor split a row taller than a page, so the sheet lays tables out here:
 * columns sized to their content and filling the text width, cells that wrap, the header row repeated
 * at the top of every page the table reaches, and a row that cannot fit on a whole page split across
 * pages instead of running off the bottom.
 */

export interface SheetTableStyle {
  regularFont: string;
  boldFont: string;
  fontSize: number;
  lineGap: number;
  padX: number;
  padY: number;
  borderWidth: number;
  borderColor: string;
  headerFill: string;
  textColor: string;
}

export interface SheetTableFrame {
  x: number;
  width: number;
  /** Where content starts on a new page. */
  top: number;
  /** Lowest y a row may reach (the same on every page). */
  bottom: number;
  /** Starts a new page (content resumes at `top`). */
  newPage(): void;
}

type Align = 'left' | 'center' | 'right';

/** Amounts such as "86,000.00", "-1,200 元", "12.5%": right-aligned so the digits line up. */
const AMOUNT = /^[-+−]?[¥￥]?\s?\d[\d,，]*(\.\d+)?\s?(元|万元|%|％)?$/;
/** Cells up to this many ems wide are kept on one line when the columns can afford it. */
const SHORT_CELL_EMS = 6;
/** A column that wraps should get this many ems beyond its minimum before short cells give way. */
const RESERVE_EMS = 5;
/** Rows that sum others up are printed bold (cells are plain text, so the clerk cannot bold them). */
const TOTAL_ROW = /^(合计|总计|小计|共计|结余|余额)/;

/** The table's rows drawn from `y`; returns the y below the table. */
export function drawSheetTable(
  doc: PDFKit.PDFDocument,
  table: { header: string[]; rows: string[][] },
  y: number,
  frame: SheetTableFrame,
  style: SheetTableStyle,
): number {
  const columns = table.header.length;
  if (columns === 0) return y;
  const widths = columnWidths(doc, table, frame.width, style);
  const aligns: Align[] = table.header.map((_, i) => (isAmountColumn(table.rows, i) ? 'right' : 'left'));
  const headerCells: Cell[] = table.header.map((text) => ({ text, bold: true, align: 'center' as Align }));
  // A header is at most a third of a page (clipped beyond), so every page has room for rows.
  const headerHeight = Math.min(rowHeight(doc, headerCells, widths, style), Math.floor((frame.bottom - frame.top) / 3));
  const lineHeight = lineHeightOf(doc, style);
  /** Below this much room, a tall row moves to the next page instead of being split. */
  const minimumSlice = 3 * lineHeight + 2 * style.padY;
  /** Room for a row on a new page, below the repeated header. */
  const pageRoom = frame.bottom - frame.top - headerHeight;

  const toCells = (row: string[]): Cell[] => {
    const bold = TOTAL_ROW.test(row[0] ?? '');
    return row.map((text, i) => ({ text, bold, align: aligns[i] }));
  };
  let atPageStart = false;
  const startPage = (): number => {
    frame.newPage();
    drawRow(doc, headerCells, widths, frame.x, frame.top, headerHeight, style, true);
    atPageStart = true;
    return frame.top + headerHeight;
  };

  const firstHeight = table.rows.length > 0 ? rowHeight(doc, toCells(table.rows[0]), widths, style) : 0;
  if (y + headerHeight + Math.min(firstHeight, minimumSlice) > frame.bottom) {
    y = startPage();
  } else {
    drawRow(doc, headerCells, widths, frame.x, y, headerHeight, style, true);
    y += headerHeight;
  }

  for (const row of table.rows) {
    let cells = toCells(row);
    // Ends: a new page is only started when this page has drawn something, and a split always
    // draws some text, because a fresh page has room for many lines.
    for (;;) {
      const height = rowHeight(doc, cells, widths, style);
      const room = frame.bottom - y;
      if (height <= room) {
        drawRow(doc, cells, widths, frame.x, y, height, style, false);
        y += height;
        atPageStart = false;
        break;
      }
      if (!atPageStart && (room < minimumSlice || height <= pageRoom)) {
        y = startPage();
        continue;
      }
      const [here, rest] = splitCells(doc, cells, widths, room - 2 * style.padY, style);
      drawRow(doc, here, widths, frame.x, y, room, style, false);
      if (here.every((cell) => cell.text === '') || rest.every((cell) => cell.text === '')) {
        y = frame.bottom;
        atPageStart = false;
        break;
      }
      y = startPage();
      cells = rest;
    }
  }
  return y;
}

interface Cell {
  text: string;
  bold: boolean;
  align: Align;
}

function lineHeightOf(doc: PDFKit.PDFDocument, style: SheetTableStyle): number {
  doc.font(style.regularFont).fontSize(style.fontSize);
  return doc.currentLineHeight(true) + style.lineGap;
}

function textOptions(width: number, style: SheetTableStyle, align: Align): PDFKit.Mixins.TextOptions {
  return { width, lineGap: style.lineGap, align };
}

function rowHeight(doc: PDFKit.PDFDocument, cells: Cell[], widths: number[], style: SheetTableStyle): number {
  let tallest = 0;
  cells.forEach((cell, i) => {
    doc.font(cell.bold ? style.boldFont : style.regularFont).fontSize(style.fontSize);
    const h = doc.heightOfString(cell.text === '' ? ' ' : cell.text, textOptions(widths[i] - 2 * style.padX, style, cell.align));
    tallest = Math.max(tallest, h);
  });
  return Math.ceil(tallest + 2 * style.padY);
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: Cell[],
  widths: number[],
  x: number,
  y: number,
  height: number,
  style: SheetTableStyle,
  header: boolean,
): void {
  const total = widths.reduce((a, b) => a + b, 0);
  if (header) doc.rect(x, y, total, height).fill(style.headerFill);
  doc.lineWidth(style.borderWidth).strokeColor(style.borderColor);
  let cx = x;
  widths.forEach((w) => {
    doc.rect(cx, y, w, height).stroke();
    cx += w;
  });
  cx = x;
  cells.forEach((cell, i) => {
    const w = widths[i];
    if (cell.text !== '') {
      doc
        .font(cell.bold ? style.boldFont : style.regularFont)
        .fontSize(style.fontSize)
        .fillColor(style.textColor)
        .text(cell.text, cx + style.padX, y + style.padY, {
          ...textOptions(w - 2 * style.padX, style, cell.align),
          // Never let a cell flow onto another page: the row was measured to fit.
          height: height - style.padY,
        });
    }
    cx += w;
  });
}

/** The longest start of each cell that fits in `height`, and what is left for the next page. */
function splitCells(doc: PDFKit.PDFDocument, cells: Cell[], widths: number[], height: number, style: SheetTableStyle): [Cell[], Cell[]] {
  const here: Cell[] = [];
  const rest: Cell[] = [];
  cells.forEach((cell, i) => {
    doc.font(cell.bold ? style.boldFont : style.regularFont).fontSize(style.fontSize);
    const options = textOptions(widths[i] - 2 * style.padX, style, cell.align);
    if (doc.heightOfString(cell.text || ' ', options) <= height) {
      here.push(cell);
      rest.push({ ...cell, text: '' });
      return;
    }
    const chars = Array.from(cell.text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (doc.heightOfString(chars.slice(0, mid).join(''), options) <= height) lo = mid;
      else hi = mid - 1;
    }
    here.push({ ...cell, text: chars.slice(0, lo).join('') });
    rest.push({ ...cell, text: chars.slice(lo).join('').replace(/^\s+/, '') });
  });
  return [here, rest];
}

/**
 * Column widths that fill the text width. Each column has a natural width (its widest cell on one
 * line) and a minimum. Minimums are tried from the most readable down:
 *   1. short cells (≤ 6 ems: dates, names, amounts) and headers whole;
 *   2. short cells whole, headers broken only at brackets ("面积" over "（亩）");
 *   3. only numbers and Latin words whole (Chinese breaks between any two characters);
 *   4. headers broken anywhere too.
 * The first whose minimums leave each long column (one with a cell over 6 ems) 5 more ems is used.
 * Long columns get those 5 ems first; what is left goes to every column still short of its natural
 * width in equal steps, so narrow columns are served in full before a long one takes the rest. If
 * even the last minimums do not fit, they are scaled down and cells break wherever they must.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: { header: string[]; rows: string[][] }, width: number, style: SheetTableStyle): number[] {
  const columns = table.header.length;
  const pad = 2 * style.padX;
  const em = style.fontSize;
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const widest = (pieces: string[]): number => pieces.reduce((w, piece) => Math.max(w, doc.widthOfString(piece)), 0);

  interface Measured {
    column: number;
    header: boolean;
    whole: number;
    /** Widest piece when breaking at spaces and brackets only. */
    words: number;
    /** Widest piece when breaking between Chinese characters too. */
    chars: number;
  }
  const measured: Measured[] = [];
  const measure = (text: string, bold: boolean, header: boolean, column: number): void => {
    doc.font(bold ? style.boldFont : style.regularFont).fontSize(em);
    measured.push({ column, header, whole: doc.widthOfString(text), words: widest(wordPieces(text)), chars: widest(charPieces(text)) });
  };
  table.header.forEach((text, i) => measure(text, true, true, i));
  for (const row of table.rows) row.forEach((text, i) => measure(text, TOTAL_ROW.test(row[0] ?? ''), false, i));

  const natural = new Array<number>(columns).fill(em + pad);
  for (const m of measured) natural[m.column] = Math.max(natural[m.column], m.whole + pad);
  const long = natural.map((n) => n > SHORT_CELL_EMS * em + pad);

  type Keep = (m: Measured) => number;
  const shortWhole = (m: Measured): number => (m.whole <= SHORT_CELL_EMS * em ? m.whole : m.chars);
  const tiers: { cell: Keep; header: Keep }[] = [
    { cell: shortWhole, header: (m) => (m.whole <= SHORT_CELL_EMS * em ? m.whole : m.words) },
    { cell: shortWhole, header: (m) => m.words },
    { cell: (m) => m.chars, header: (m) => m.words },
    { cell: (m) => m.chars, header: (m) => m.chars },
  ];
  let minimum: number[] = [];
  let reserve: number[] = [];
  for (const tier of tiers) {
    minimum = new Array<number>(columns).fill(em + pad);
    for (const m of measured) minimum[m.column] = Math.max(minimum[m.column], (m.header ? tier.header(m) : tier.cell(m)) + pad);
    minimum = minimum.map((m, i) => Math.min(m, natural[i], width * 0.5));
    reserve = natural.map((n, i) => (long[i] ? Math.min(n - minimum[i], RESERVE_EMS * em) : 0));
    if (sum(minimum) + sum(reserve) <= width) break;
  }

  const naturalSum = sum(natural);
  if (naturalSum <= width) return natural.map((n) => (n / naturalSum) * width);
  const minimumSum = sum(minimum);
  if (minimumSum >= width) return minimum.map((m) => (m / minimumSum) * width);
  const widths = sum(minimum) + sum(reserve) <= width ? minimum.map((m, i) => m + reserve[i]) : minimum.slice();
  let left = width - sum(widths);
  let growing = widths.map((_, i) => i).filter((i) => natural[i] - widths[i] > 0.01);
  while (left > 0.01 && growing.length > 0) {
    const step = Math.min(left / growing.length, ...growing.map((i) => natural[i] - widths[i]));
    for (const i of growing) widths[i] += step;
    left -= step * growing.length;
    growing = growing.filter((i) => natural[i] - widths[i] > 0.01);
  }
  return widths;
}

/** Runs of printable ASCII stay together; any other character may be broken after. */
function charPieces(text: string): string[] {
  return text.match(/[\x21-\x7e]+|[^\s\x21-\x7e]/g) ?? [];
}

/** Breaks at spaces, before an opening bracket and after a closing one or a comma only. */
function wordPieces(text: string): string[] {
  return text.split(/\s+|(?=[（(［[【])|(?<=[）)］\]】、，,])/).filter((piece) => piece !== '');
}

function isAmountColumn(rows: string[][], i: number): boolean {
  let any = false;
  for (const row of rows) {
    const cell = (row[i] ?? '').trim();
    if (cell === '') continue;
    if (!AMOUNT.test(cell)) return false;
    any = true;
  }
  return any;
}
