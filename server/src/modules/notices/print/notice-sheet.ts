import type { NoticeBlock, NoticeSpan, NoticeWindow } from '@village/shared';
import PDFDocument from 'pdfkit';
import { create as createQrCode } from 'qrcode';
import { sheetFontData } from './notice-sheet-fonts';
import { drawSheetTable, type SheetTableFrame, type SheetTableStyle } from './notice-sheet-table';

/*
 * The printable 公开栏 sheet: one notice on A4 paper for the village's physical notice board and for
 * villagers without smartphones (DOMAIN.md §4). Written for reading from a step away by people in
 * their sixties and seventies: 28 pt title, 17 pt body, 15 pt tables, black on white (it is usually
 * printed on a black-and-white laser printer), and a QR code back to the notice for asking a question.
 *
 * Same input, same bytes: the PDF's dates come from the input (publishedAt, else the window's first
 * day), so a sheet printed twice is identical and can be compared or hashed.
 */
export interface NoticeSheetInput {
  villageName: string;
  /** "财务公开" — NOTICE_KIND_LABELS[kind]. */
  kindLabel: string;
  title: string;
  blocks: NoticeBlock[];
  window: NoticeWindow;
  /** ISO instant; null for a draft, which is printed with a "草稿" watermark. */
  publishedAt: string | null;
  /** The QR code's target. */
  shareUrl: string;
  /** Title of the notice this one corrects. */
  supersedes?: string | null;
  /** Finance notices: the supervisory committee's approval (ISO instant). */
  signoff?: { by: string; at: string } | null;
}

export const QR_CAPTION = '微信扫码查看原文、提出询问';

const REGULAR = 'NoticeSheet-Regular';
const BOLD = 'NoticeSheet-Bold';

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = { top: 58, bottom: 56, left: 54, right: 54 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;
/** Page 1 has no running header, so its masthead starts higher. */
const FIRST_PAGE_TOP = 40;

const SIZE = {
  masthead: 20,
  title: 28,
  window: 17,
  heading1: 22,
  heading2: 19,
  body: 17,
  table: 15,
  note: 15,
  qrCaption: 18,
  hint: 14,
  running: 11,
  footer: 13,
  watermark: 110,
};
const LINE_GAP = { title: 4, body: 3, table: 2 };
const BLOCK_GAP = 10;
const INK = '#000000';
const SOFT_INK = '#444444';
const RULE = '#000000';
const TABLE_STYLE: SheetTableStyle = {
  regularFont: REGULAR,
  boldFont: BOLD,
  fontSize: SIZE.table,
  lineGap: LINE_GAP.table,
  padX: 7,
  padY: 5,
  borderWidth: 1,
  borderColor: '#222222',
  headerFill: '#e4e4e4',
  textColor: INK,
};
const QR_SIZE = 116; // ≈ 41 mm, quiet zone included
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export async function renderNoticeSheet(input: NoticeSheetInput): Promise<Buffer> {
  const created = documentDate(input);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.4',
    info: {
      Title: input.title,
      Author: input.villageName,
      Subject: input.kindLabel,
      Keywords: '村务公开',
      Creator: '村民议事',
      Producer: '村民议事',
      CreationDate: created,
      ModDate: created,
    },
  });
  const bytes = collect(doc);
  doc.registerFont(REGULAR, sheetFontData('regular'));
  doc.registerFont(BOLD, sheetFontData('bold'));

  const sheet = new SheetWriter(doc);
  sheet.masthead(input);
  input.blocks.forEach((block, k) => sheet.block(block, input.blocks[k + 1]));
  sheet.closing(input);
  sheet.pageDecorations(input);
  doc.end();
  return bytes;
}

// ---------------------------------------------------------------- dates

/** "2026-11-01" → "2026年11月1日"; anything else is printed as given. */
export function formatSheetDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** The Beijing calendar day of an ISO instant, as "2026年10月31日"; null if it is not a date. */
export function formatSheetInstant(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return formatSheetDay(new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10));
}

export function formatSheetWindow(window: NoticeWindow): string {
  return `公开期：${formatSheetDay(window.startsOn)}至${formatSheetDay(window.endsOn)}`;
}

function documentDate(input: NoticeSheetInput): Date {
  const published = input.publishedAt ? Date.parse(input.publishedAt) : NaN;
  if (!Number.isNaN(published)) return new Date(published);
  const start = Date.parse(`${input.window.startsOn}T00:00:00+08:00`);
  return new Date(Number.isNaN(start) ? 0 : start);
}

// ---------------------------------------------------------------- output

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// ---------------------------------------------------------------- layout

class SheetWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Village name and category, a double rule, the title, the window, the correction note. */
  masthead(input: NoticeSheetInput): void {
    const { doc } = this;
    const top = FIRST_PAGE_TOP;
    const label = input.kindLabel;
    doc.font(BOLD).fontSize(SIZE.masthead);
    const tagPadX = 10;
    const tagWidth = doc.widthOfString(label) + 2 * tagPadX;
    const tagHeight = doc.currentLineHeight(true) + 6;
    doc.lineWidth(2).strokeColor(INK).rect(MARGIN.left + CONTENT_WIDTH - tagWidth, top, tagWidth, tagHeight).stroke();
    doc.fillColor(INK).text(label, MARGIN.left + CONTENT_WIDTH - tagWidth + tagPadX, top + 3, { lineBreak: false });
    doc.text(input.villageName, MARGIN.left, top + 3, { width: CONTENT_WIDTH - tagWidth - 16 });
    let y = Math.max(doc.y, top + tagHeight) + 8;
    doc.lineWidth(3).strokeColor(RULE).moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).stroke();
    y += 4;
    doc.lineWidth(1).moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).stroke();

    doc.font(BOLD).fontSize(titleSize(doc, input.title)).fillColor(INK);
    this.centred(input.title, y + 14, CONTENT_WIDTH, LINE_GAP.title);
    doc.moveDown(0.3);
    doc.font(BOLD).fontSize(SIZE.window);
    doc.text(formatSheetWindow(input.window), MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'center' });

    if (input.supersedes) {
      const note = `本公告更正了《${input.supersedes}》，以本公告为准。`;
      doc.font(BOLD).fontSize(SIZE.note);
      const pad = 8;
      const width = CONTENT_WIDTH - 2 * pad;
      const height = doc.heightOfString(note, { width }) + 2 * pad;
      const boxTop = doc.y + 10;
      doc.lineWidth(1.5).strokeColor(INK).rect(MARGIN.left, boxTop, CONTENT_WIDTH, height).stroke();
      doc.fillColor(INK);
      this.centred(note, boxTop + pad, width, 0);
      doc.y = boxTop + height;
    }
    doc.y += 14;
  }

  /**
   * Centred text with balanced lines broken between words: a title that needs two lines is split
   * near the middle at a word boundary ("…保护补贴" / "发放名单公示（更正）"), instead of leaving
   * "（更正）" alone or cutting "补贴" in two. Uses the current font and size.
   */
  private centred(text: string, y: number, maxWidth: number, lineGap: number): void {
    const { doc } = this;
    const lineHeight = doc.currentLineHeight(true) + lineGap;
    const lines = balancedLines(doc, text, maxWidth);
    lines.forEach((line, k) => {
      doc.text(line, MARGIN.left, y + k * lineHeight, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    });
    doc.x = MARGIN.left;
    doc.y = y + lines.length * lineHeight;
  }

  /** `next` is the block after this one: a heading stays on the same page as its start. */
  block(block: NoticeBlock, next?: NoticeBlock): void {
    switch (block.type) {
      case 'heading':
        this.heading(block.level, block.spans, next);
        break;
      case 'paragraph':
        this.spans(block.spans, SIZE.body, MARGIN.left, CONTENT_WIDTH);
        this.doc.y += BLOCK_GAP;
        break;
      case 'list':
        this.list(block.ordered, block.items);
        break;
      case 'table':
        this.doc.y = drawSheetTable(this.doc, block, this.doc.y + 2, this.tableFrame(), TABLE_STYLE) + BLOCK_GAP;
        break;
    }
    this.doc.x = MARGIN.left;
  }

  /**
   * One band, kept on one page: the QR code and its caption on the left; on the right, as a notice is
   * signed, the 监委会's approval (finance), the village and the publication date.
   */
  closing(input: NoticeSheetInput): void {
    const { doc } = this;
    this.ensureRoom(QR_SIZE + 8);
    const top = doc.y + 8;
    drawQrCode(doc, input.shareUrl, MARGIN.left, top, QR_SIZE);

    const signWidth = 170;
    const captionX = MARGIN.left + QR_SIZE + 8;
    const captionWidth = CONTENT_WIDTH - QR_SIZE - 8 - signWidth - 10;
    const hint = '不用手机的，可到村委会或找网格员询问';
    doc.font(BOLD).fontSize(SIZE.qrCaption);
    // Break after "、" rather than wherever the width runs out.
    const caption = doc.widthOfString(QR_CAPTION) <= captionWidth ? QR_CAPTION : QR_CAPTION.replace('、', '、\n');
    const captionHeight = doc.heightOfString(caption, { width: captionWidth });
    doc.font(REGULAR).fontSize(SIZE.hint);
    const hintHeight = doc.heightOfString(hint, { width: captionWidth });
    const captionTop = top + Math.max(0, (QR_SIZE - captionHeight - 6 - hintHeight) / 2);
    doc.font(BOLD).fontSize(SIZE.qrCaption).fillColor(INK).text(caption, captionX, captionTop, { width: captionWidth });
    doc.font(REGULAR).fontSize(SIZE.hint).fillColor(SOFT_INK).text(hint, captionX, doc.y + 6, { width: captionWidth });

    const signX = MARGIN.left + CONTENT_WIDTH - signWidth;
    const approval = input.signoff ? `监委会审核：${input.signoff.by}` : null;
    const published = formatSheetInstant(input.publishedAt) ?? '草稿，尚未发布';
    const sign = { width: signWidth, align: 'right' as const };
    doc.font(REGULAR).fontSize(SIZE.body);
    let signHeight = doc.heightOfString(input.villageName, sign) + doc.heightOfString(published, sign);
    if (approval) signHeight += doc.font(BOLD).heightOfString(approval, sign) + 8;
    // Bottom-aligned with the QR code; a long village name pushes the band down instead of up.
    doc.y = top + Math.max(0, QR_SIZE - signHeight - 4);
    if (approval) {
      doc.font(BOLD).fillColor(INK).text(approval, signX, doc.y, sign);
      doc.y += 8;
    }
    doc.font(REGULAR).fillColor(INK).text(input.villageName, signX, doc.y, sign);
    doc.text(published, signX, doc.y, sign);

    doc.x = MARGIN.left;
    doc.y = Math.max(doc.y, top + QR_SIZE);
  }

  /** Running header (pages 2+), "第 i 页 共 N 页" on every page, and the draft watermark. */
  pageDecorations(input: NoticeSheetInput): void {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      doc.switchToPage(i);
      // Text in the margins must not make pdfkit start another page.
      doc.page.margins.bottom = 0;
      if (i > start) {
        doc.font(REGULAR).fontSize(SIZE.running).fillColor(SOFT_INK);
        const running = `${input.villageName} · ${input.kindLabel} · ${input.title}（续）`;
        doc.text(running, MARGIN.left, 26, { width: CONTENT_WIDTH, height: this.lineHeight(SIZE.running), ellipsis: true, lineBreak: false });
        doc.lineWidth(0.75).strokeColor(SOFT_INK).moveTo(MARGIN.left, 44).lineTo(MARGIN.left + CONTENT_WIDTH, 44).stroke();
      }
      doc.font(REGULAR).fontSize(SIZE.footer).fillColor(INK);
      doc.text(`第 ${i - start + 1} 页 共 ${count} 页`, MARGIN.left, PAGE.height - 42, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
      if (!input.publishedAt) this.watermark();
      doc.page.margins.bottom = MARGIN.bottom;
    }
  }

  private watermark(): void {
    const { doc } = this;
    doc.save();
    doc.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
    doc.font(BOLD).fontSize(SIZE.watermark).fillColor('#000000').fillOpacity(0.1);
    doc.text('草稿', 0, PAGE.height / 2 - SIZE.watermark * 0.75, { width: PAGE.width, align: 'center', lineBreak: false });
    doc.restore();
  }

  private heading(level: 1 | 2, spans: NoticeSpan[], next: NoticeBlock | undefined): void {
    const size = level === 1 ? SIZE.heading1 : SIZE.heading2;
    // Keep a heading with two lines of what follows, or with a table's header and first row.
    const follow =
      next?.type === 'table'
        ? 3 * this.lineHeight(SIZE.table, LINE_GAP.table) + 4 * TABLE_STYLE.padY
        : 2 * this.lineHeight(SIZE.body);
    this.ensureRoom(this.lineHeight(size) + follow + 12);
    this.doc.y += 4;
    this.spans(
      spans.map((span) => ({ text: span.text, bold: true })),
      size,
      MARGIN.left,
      CONTENT_WIDTH,
    );
    this.doc.y += 6;
  }

  private list(ordered: boolean, items: NoticeSpan[][]): void {
    const { doc } = this;
    doc.font(REGULAR).fontSize(SIZE.body);
    const indent = ordered ? doc.widthOfString(`${items.length}.`) + 10 : SIZE.body;
    items.forEach((item, k) => {
      this.ensureRoom(this.lineHeight(SIZE.body));
      const y = doc.y;
      if (ordered) {
        doc.font(REGULAR).fontSize(SIZE.body).fillColor(INK).text(`${k + 1}.`, MARGIN.left, y, { width: indent, lineBreak: false });
      } else {
        // A drawn dot: the font's "•" is a small middle dot in Chinese text.
        doc.circle(MARGIN.left + SIZE.body * 0.3, y + SIZE.body * 0.8, SIZE.body * 0.17).fill(INK);
      }
      doc.y = y;
      this.spans(item, SIZE.body, MARGIN.left + indent, CONTENT_WIDTH - indent);
      doc.y += 4;
    });
    doc.y += BLOCK_GAP - 4;
  }

  /** Runs of regular and bold text as one paragraph; `\n` in a span breaks the line. */
  private spans(spans: NoticeSpan[], size: number, x: number, width: number): void {
    const { doc } = this;
    const parts = spans.filter((span) => span.text !== '');
    if (parts.length === 0) return;
    this.ensureRoom(this.lineHeight(size));
    doc.fillColor(INK).fontSize(size);
    parts.forEach((span, k) => {
      const continued = k < parts.length - 1;
      doc.font(span.bold ? BOLD : REGULAR);
      if (k === 0) doc.text(span.text, x, doc.y, { width, lineGap: LINE_GAP.body, continued });
      else doc.text(span.text, { continued });
    });
    doc.x = MARGIN.left;
  }

  private tableFrame(): SheetTableFrame {
    return {
      x: MARGIN.left,
      width: CONTENT_WIDTH,
      top: MARGIN.top,
      bottom: CONTENT_BOTTOM,
      newPage: (): void => {
        this.doc.addPage();
      },
    };
  }

  private lineHeight(size: number, gap: number = LINE_GAP.body): number {
    this.doc.fontSize(size);
    return this.doc.currentLineHeight(true) + gap;
  }

  private ensureRoom(height: number): void {
    if (this.doc.y + height > CONTENT_BOTTOM) this.doc.addPage();
  }
}

const OPENING = /^[（(《「『“‘【［]+$/;
const CLOSING = /^[，。、；：！？）)》」』”’】］%％,.;:!?]+$/;

/** Words (ICU's Chinese dictionary via Intl.Segmenter), with punctuation kept on the correct side. */
function words(text: string): string[] {
  const segments =
    typeof Intl.Segmenter === 'function'
      ? Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment(text), (s) => s.segment)
      : Array.from(text);
  const out: string[] = [];
  for (const segment of segments) {
    const last = out.length - 1;
    if (last >= 0 && (CLOSING.test(segment) || OPENING.test(out[last].slice(-1)))) out[last] += segment;
    else out.push(segment);
  }
  return out;
}

/** Lines no wider than `width`, filled word by word; a word wider than a line is cut by character. */
function fillLines(doc: PDFKit.PDFDocument, tokens: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (doc.widthOfString(line + token) <= width) {
      line += token;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
    for (const char of Array.from(token.trimStart())) {
      if (line !== '' && doc.widthOfString(line + char) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}

/** As few lines as fit in `maxWidth`, made as even as possible (the narrowest width that needs no more). */
function balancedLines(doc: PDFKit.PDFDocument, text: string, maxWidth: number): string[] {
  const tokens = words(text);
  const lines = fillLines(doc, tokens, maxWidth);
  if (lines.length <= 1) return lines;
  let lo = maxWidth / lines.length;
  let hi = maxWidth;
  for (let k = 0; k < 14; k += 1) {
    const mid = (lo + hi) / 2;
    if (fillLines(doc, tokens, mid).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return fillLines(doc, tokens, hi);
}

/** The title on one line if it fits at 24–28 pt; a longer title wraps at 28 pt. */
function titleSize(doc: PDFKit.PDFDocument, title: string): number {
  for (const size of [SIZE.title, SIZE.title - 2, SIZE.title - 4]) {
    doc.font(BOLD).fontSize(size);
    if (doc.widthOfString(title) <= CONTENT_WIDTH) return size;
  }
  return SIZE.title;
}

/** The QR code as vector squares (crisp at any printer resolution, a few hundred bytes). */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const quiet = 4; // the blank margin scanners need around the code
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fillColor(INK).fill();
}
