import { parseNoticeBody } from '@village/shared';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSheetDay, formatSheetInstant, formatSheetWindow, QR_CAPTION, renderNoticeSheet } from './notice-sheet';
import { FINANCE_NOTICE_TITLE, financeNoticeSheet, LONG_NOTICE_ROWS, LONG_NOTICE_TITLE, longNoticeSheet } from './notice-sheet.samples';

/*
 * The sheet is checked the way a person would: poppler (Debian's poppler-utils, installed by .ci/run)
 * rasterises the pages and extracts the text layer. pdftoppm's -gray output is a binary PGM, read
 * here without any image library.
 */
jest.setTimeout(60_000);

let dir: string;

beforeAll(() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftoppm/pdftotext (Debian package poppler-utils) are needed: apt-get install -y poppler-utils');
  }
  dir = mkdtempSync(join(tmpdir(), 'notice-sheet-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function save(name: string, pdf: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return path;
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function text(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

/** Text with all whitespace removed: wrapped lines and table cells come out split by poppler. */
function squeezed(value: string): string {
  return value.replace(/\s+/g, '');
}

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Page `page` as 8-bit grey pixels (pdftoppm -gray writes a binary PGM, "P5"). */
function rasterise(pdf: string, page: number, dpi: number): Gray {
  const root = join(dir, `page-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, root]);
  return parsePgm(readFileSync(`${root}.pgm`));
}

function parsePgm(file: Buffer): Gray {
  const fields: number[] = [];
  let k = 2;
  if (file.toString('latin1', 0, 2) !== 'P5') throw new Error('not a binary PGM');
  while (fields.length < 3) {
    while (/\s/.test(String.fromCharCode(file[k]))) k += 1;
    if (file[k] === 0x23) {
      while (file[k] !== 0x0a) k += 1; // comment to end of line
      continue;
    }
    let digits = '';
    while (/\d/.test(String.fromCharCode(file[k]))) digits += String.fromCharCode(file[k++]);
    fields.push(Number(digits));
  }
  const [width, height, maxValue] = fields;
  if (maxValue > 255) throw new Error('16-bit PGM not expected');
  const pixels = file.subarray(k + 1, k + 1 + width * height);
  if (pixels.length !== width * height) throw new Error('truncated PGM');
  return { width, height, pixels };
}

/** Share of dark pixels (< 50 % grey) in a box given as fractions of the page. */
function darkShare(image: Gray, box = { left: 0, top: 0, right: 1, bottom: 1 }): number {
  const x0 = Math.floor(box.left * image.width);
  const x1 = Math.ceil(box.right * image.width);
  const y0 = Math.floor(box.top * image.height);
  const y1 = Math.ceil(box.bottom * image.height);
  let dark = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) if (image.pixels[y * image.width + x] < 128) dark += 1;
  }
  return dark / ((x1 - x0) * (y1 - y0));
}

describe('renderNoticeSheet: a finance notice (财务公开)', () => {
  let pdf: string;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await renderNoticeSheet(financeNoticeSheet());
    pdf = save('finance.pdf', bytes);
  });

  it('is a one-page PDF', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
  });

  it('draws page 1: ink in a sensible share, a masthead at the top and the QR code at the bottom left', () => {
    const page = rasterise(pdf, 1, 50);
    expect(page.width).toBeGreaterThan(400); // A4 at 50 dpi ≈ 413 × 585
    const share = darkShare(page);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.3);
    expect(darkShare(page, { left: 0.05, top: 0.03, right: 0.95, bottom: 0.2 })).toBeGreaterThan(0.03);
    // The QR code's modules are about half dark; text alone stays far below that.
    expect(darkShare(page, { left: 0.1, top: 0.8, right: 0.27, bottom: 0.93 })).toBeGreaterThan(0.3);
  });

  it('has a Chinese text layer: title, window, table, sign-off, caption and page number', () => {
    const flat = squeezed(text(pdf));
    expect(flat).toContain(FINANCE_NOTICE_TITLE);
    expect(flat).toContain('公开期：2026年11月1日至2026年11月7日');
    expect(flat).toContain('财务公开');
    expect(flat).toContain('集体耕地承包费（第二批）');
    expect(flat).toContain('46,800.00');
    expect(flat).toContain('83,650.00');
    expect(flat).toContain('监委会审核：韩满仓');
    expect(flat).toContain('2026年10月31日');
    expect(flat).toContain(squeezed(QR_CAPTION));
    expect(flat).toContain('第1页共1页');
    expect(flat).not.toContain('草稿');
    expect(flat).not.toContain('**');
  });

  it('embeds subsets of Noto Sans SC (regular and bold) and stays small', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const rows = fonts.split('\n').filter((line) => line.includes('NotoSansSC'));
    expect(rows.map((row) => /NotoSansSC-\w+/.exec(row)?.[0]).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    for (const row of rows) expect(row).toMatch(/\+NotoSansSC-\w+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(bytes.length).toBeLessThan(150_000); // the full fonts are 10 MB each
  });

  it('gives the same bytes for the same input, with the dates taken from the input', async () => {
    const again = await renderNoticeSheet(financeNoticeSheet());
    expect(Buffer.compare(again, bytes)).toBe(0);
    const info = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+2026-10-31T01:00:00Z/);
    expect(info).toMatch(/Title:\s+土岭底村2026年10月财务收支情况公开/);
  });
});

describe('renderNoticeSheet: a long notice over several pages', () => {
  let pdf: string;
  let pages: number;

  beforeAll(async () => {
    pdf = save('long.pdf', await renderNoticeSheet(longNoticeSheet()));
    pages = pageCount(pdf);
  });

  it('numbers every page "第 i 页 共 N 页" with N the real page count', () => {
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(14);
    for (let i = 1; i <= pages; i += 1) expect(squeezed(text(pdf, i))).toContain(`第${i}页共${pages}页`);
  });

  it('prints every row exactly once and repeats the table header on each page the table reaches', () => {
    const flat = squeezed(text(pdf));
    for (let k = 1; k <= LONG_NOTICE_ROWS; k += 1) {
      const label = `第${String(k).padStart(3, '0')}户`;
      expect(flat.split(label).length - 1).toBe(1);
    }
    const lastRow = `第${LONG_NOTICE_ROWS}户`;
    for (let i = 2; i <= pages; i += 1) {
      const page = squeezed(text(pdf, i));
      if (!/第\d{3}户/.test(page)) continue;
      expect(page).toContain('序号户主所在组');
      if (page.includes(lastRow)) break;
    }
  });

  it('shows the correction, the running header on later pages and the QR caption at the end', () => {
    expect(squeezed(text(pdf, 1))).toContain(`本公告更正了《2026年耕地地力保护补贴发放名单公示》，以本公告为准。`);
    expect(squeezed(text(pdf, 1))).toContain(squeezed(LONG_NOTICE_TITLE));
    expect(squeezed(text(pdf, 2))).toContain(`土岭底村·村务公开·${LONG_NOTICE_TITLE}（续）`);
    expect(squeezed(text(pdf, pages))).toContain(squeezed(QR_CAPTION));
  });

  it('has no blank page', () => {
    for (let i = 1; i <= pages; i += 1) expect(darkShare(rasterise(pdf, i, 20))).toBeGreaterThan(0.01);
  });
});

describe('renderNoticeSheet: drafts and hostile content', () => {
  it('marks a draft and prints no publication date', async () => {
    const pdf = save('draft.pdf', await renderNoticeSheet(financeNoticeSheet({ publishedAt: null, signoff: null })));
    const flat = squeezed(text(pdf));
    expect(flat).toContain('草稿，尚未发布');
    expect(flat).not.toContain('监委会审核');
  });

  it('prints markup as literal text and splits a table row taller than a page across pages', async () => {
    const body = `<script>alert(1)</script> **粗**\n\n| 说明 |\n|---|\n| ${'很长的内容'.repeat(400)} |\n\n[链接](javascript:x)`;
    const pdf = save('hostile.pdf', await renderNoticeSheet(financeNoticeSheet({ blocks: parseNoticeBody(body) })));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const flat = squeezed(text(pdf));
    expect(flat).toContain('<script>alert(1)</script>粗');
    expect(flat).toContain('[链接](javascript:x)');
    expect(flat.split('很').length - 1).toBe(400);
    for (let i = 2; i <= pages; i += 1) {
      if (squeezed(text(pdf, i)).includes('很长')) expect(squeezed(text(pdf, i))).toContain('说明');
    }
  });

  it('renders an empty body, a wide table and odd dates without throwing', async () => {
    const wide = parseNoticeBody(
      `${Array.from({ length: 12 }, (_, k) => `第${k + 1}列标题`).join(' | ')}\n|---|\n${Array.from({ length: 12 }, () => '123,456,789.00').join(' | ')}`,
    );
    for (const blocks of [[], wide]) {
      const pdf = await renderNoticeSheet(
        financeNoticeSheet({ blocks, window: { startsOn: 'soon', endsOn: '' }, publishedAt: 'not a date', signoff: { by: '某某', at: 'x' } }),
      );
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

describe('sheet dates', () => {
  it('writes calendar days the Chinese way', () => {
    expect(formatSheetDay('2026-11-01')).toBe('2026年11月1日');
    expect(formatSheetDay('2026-12-31')).toBe('2026年12月31日');
    expect(formatSheetDay('soon')).toBe('soon');
  });

  it('reads instants in Beijing time', () => {
    expect(formatSheetInstant('2026-10-31T16:30:00Z')).toBe('2026年11月1日');
    expect(formatSheetInstant('2026-10-31T15:59:59Z')).toBe('2026年10月31日');
    expect(formatSheetInstant(null)).toBeNull();
    expect(formatSheetInstant('garbage')).toBeNull();
  });

  it('writes the disclosure window', () => {
    expect(formatSheetWindow({ startsOn: '2026-11-01', endsOn: '2026-11-07' })).toBe('公开期：2026年11月1日至2026年11月7日');
  });
});
