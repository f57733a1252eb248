/**
 * The 两委's rule book in the browser (H5 build on the real server, fresh demo village, Chromium at
 * 375 × 667), each page checked with axe-core and the UX.md size floors and saved in standard and
 * 长辈版 to miniapp/artifacts/points-rules-*.png:
 *
 *  1. 积分细则: the demo's adopted book is 正在执行 with its item count; 新建版本 copies it into a draft;
 *  2. the 书记 edits the draft — one item's points to 1.5, an item added, one removed; a duplicate
 *     code or points of "0.45" are shown on their row and nothing is saved; then it saves (version up);
 *  3. 导出表格 gives an .xlsx with every item; 导入表格 of a built .xlsx makes a new draft, a broken one
 *     lists its rows' problems and makes nothing;
 *  4. 提交村民（代表）会议通过 opens the 村规民约 matter; the book is 待村民（代表）会议通过 and frozen;
 *  5. 积分设置: 复议 days and a star threshold saved and shown again; the 评议小组 only reads them;
 *  6. 商品管理: the shopkeeper adds a product (3.5 分, 10 件), changes its stock, takes it off sale — the
 *     households' shop no longer lists it.
 */
import path from 'node:path';
import { formatPoints, type PointsSettings, type ProductView, type RuleBookDetail, type RuleBookList } from '@village/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { REPO_DIR, startServer, type RunningServer } from './support/server';
import { e2eSession, type LoginAnswer, type Mode } from './support/session';

/** The little of exceljs the test uses: the server's dependency, not the mini-program's, so typed here. */
interface SheetRow {
  values: unknown;
  getCell: (column: number) => { text: string };
}
interface Sheet {
  actualRowCount: number;
  getRow: (n: number) => SheetRow;
  getRows: (start: number, count: number) => SheetRow[] | undefined;
  addRows: (rows: unknown[][]) => void;
}
interface ExcelWorkbook {
  worksheets: Sheet[];
  addWorksheet: (name: string) => Sheet;
  xlsx: { load: (data: ArrayBuffer) => Promise<unknown>; writeBuffer: () => Promise<ArrayBuffer> };
}
// The sheets are built and read the way the server writes and reads them.
const { Workbook } = require(path.join(REPO_DIR, 'server', 'node_modules', 'exceljs')) as { Workbook: new () => ExcelWorkbook };

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, dialogButton } = e2eSession({ server: () => server, page: () => page, name: 'points-rules', screenshotPrefix: 'points-rules-' });

let secretary: LoginAnswer;
let draftId = '';

const ADMIN = '/packages/points-admin/pages';
const SHEET_COLUMNS = ['编号', '类别', '内容', '分值', '需要证明'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('积分细则').addRows([SHEET_COLUMNS, ...rows]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const field = (testId: string) => page.locator(`[data-testid="${testId}"] input`);
const books = () => api<RuleBookList>('/points/rule-books', { token: secretary.accessToken });
const book = (id: string) => api<RuleBookDetail>(`/points/rule-books/${id}`, { token: secretary.accessToken });
const items = (b: RuleBookDetail) => b.categories.flatMap((c) => c.items);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  secretary = await signInPersona('secretary');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('积分细则, from the version in force to the villagers’ meeting', () => {
  it('the list marks the adopted book 正在执行 with its items; 新建版本 copies it into a draft', async () => {
    const { effective } = await books();
    expect(effective?.status).toBe('adopted');
    await useSession(secretary, { clear: true });
    for (const mode of ['standard', 'elder'] as Mode[]) {
      await open(`${ADMIN}/rules/index`, 'points-rules-page', mode);
      const row = page.getByTestId('points-rules-effective');
      await row.waitFor();
      expect(await row.innerText()).toContain('正在执行');
      expect(await row.innerText()).toContain(`${effective?.itemCount} 项`);
      await check('list', mode);
    }

    await page.getByTestId('points-rules-new').click();
    await dialogButton('points-rules-new-confirm', '新建版本').click();
    await waitForPageShown(page, 'points-rule-page');
    await page.getByTestId('points-rule-edit').waitFor();
    const after = await books();
    const draft = after.books.find((b) => b.status === 'draft');
    expect(draft).toBeDefined();
    draftId = draft?.id ?? '';
    expect(draft?.itemCount).toBe(effective?.itemCount);
    expect(page.url()).toContain(draftId);
    expect(await page.getByTestId('points-rule-status').innerText()).toContain('草稿');
  });

  it('the draft: points changed, an item added and one removed; a bad row is shown on it and nothing saved', async () => {
    const before = await book(draftId);
    const firstCode = items(before)[0].code;
    const n = before.itemCount;

    await open(`${ADMIN}/rule/index?id=${draftId}`, 'points-rule-page', 'standard');
    await page.getByTestId('points-rule-edit').click();
    await page.getByTestId('points-rule-editor').waitFor();
    expect(await page.locator('[data-testid^="points-rule-row-"][data-testid$="-remove"]').count()).toBe(n);
    const removedCode = await field('points-rule-row-2-code').inputValue();
    await page.getByTestId('points-rule-row-2-remove').click();
    await field('points-rule-row-1-points').fill('1.5');
    await page.getByTestId('points-rule-add-row').click();
    // The new row is the last one: n − 1 kept + 1.
    const last = `points-rule-row-${n}`;
    await field(`${last}-code`).fill(firstCode);
    await page.locator(`[data-testid="${last}-description"] textarea`).fill('清理房前屋后的垃圾');
    await field(`${last}-points`).fill('2');

    // The same code twice: said on the row, nothing sent.
    await page.getByTestId('points-rule-save').click();
    await page.getByTestId(`${last}-error`).first().waitFor();
    expect(await page.getByTestId(`${last}-error`).first().innerText()).toContain(firstCode);
    await check('draft-problem', 'standard');
    expect((await book(draftId)).version).toBe(before.version);

    // Points with two decimals: also on the row.
    await field(`${last}-code`).fill('T99');
    await field(`${last}-points`).fill('0.45');
    await page.getByTestId('points-rule-save').click();
    await page.getByTestId(`${last}-error`).first().waitFor();
    expect(await page.getByTestId(`${last}-error`).first().innerText()).toContain('一位小数');
    expect((await book(draftId)).version).toBe(before.version);

    await field(`${last}-points`).fill('2');
    await page.getByTestId('points-rule-save').click();
    await page.getByTestId('points-rule-saved').waitFor();
    await page.getByTestId('points-rule-item-T99').waitFor();
    await check('draft-saved', 'standard');
    // The editor in 长辈版, then left without a change.
    await open(`${ADMIN}/rule/index?id=${draftId}`, 'points-rule-page', 'elder');
    await page.getByTestId('points-rule-edit').click();
    await page.getByTestId('points-rule-editor').waitFor();
    await check('draft-editor', 'elder');
    await page.getByTestId('points-rule-cancel').click();
    await page.getByTestId('points-rule-item-T99').waitFor();

    const saved = await book(draftId);
    expect(saved.version).toBeGreaterThan(before.version);
    expect(saved.itemCount).toBe(n);
    expect(items(saved).find((i) => i.code === firstCode)?.pointsTenths).toBe(15);
    expect(items(saved).find((i) => i.code === 'T99')?.pointsTenths).toBe(20);
    expect(items(saved).some((i) => i.code === removedCode)).toBe(false);
    // Four dozen rows of fields: axe and the size checks take their time on a busy machine.
  }, 240_000);

  it('导出表格 gives every item; 导入表格 makes a new draft, a broken sheet lists its rows’ problems', async () => {
    await open(`${ADMIN}/rule/index?id=${draftId}`, 'points-rule-page', 'standard');
    const exported = page.waitForResponse((r) => r.url().includes(`/points/rule-books/${draftId}/export`));
    await page.getByTestId('points-rule-export').click();
    expect((await exported).status()).toBe(200);
    expect(await page.getByText('没有办成').count()).toBe(0);

    // The same file as a clerk's Excel would open it.
    const res = await fetch(`${server.baseUrl}/api/points/rule-books/${draftId}/export`, { headers: { authorization: `Bearer ${secretary.accessToken}` } });
    expect(res.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SHEET_COLUMNS);
    const draft = await book(draftId);
    expect(sheet.actualRowCount - 1).toBe(draft.itemCount);
    const t99 = sheet.getRows(2, sheet.actualRowCount - 1)?.find((r) => r.getCell(1).text === 'T99');
    expect(t99?.getCell(4).text).toBe('2');

    const count = (await books()).books.length;
    const broken = await xlsx([
      ['A01', '环境卫生', '门前三包', '0.45', '否'],
      ['A01', '环境卫生', '清理沟渠', '1', '也许'],
    ]);
    for (const mode of ['elder', 'standard'] as Mode[]) {
      await open(`${ADMIN}/rules/index`, 'points-rules-page', mode);
      await page.getByTestId('points-rules-import').setInputFiles({ name: '坏表格.xlsx', mimeType: XLSX, buffer: broken });
      const problems = page.getByTestId('points-rules-import-problem');
      await problems.first().waitFor();
      const shown = (await problems.allInnerTexts()).join('\n');
      expect(shown).toMatch(/第 2 行.*0\.45/);
      expect(shown).toMatch(/第 3 行.*需要证明/);
      await check('import-problem', mode);
    }
    expect((await books()).books).toHaveLength(count);

    await page.getByTestId('points-rules-import').setInputFiles({
      name: '新细则.xlsx',
      mimeType: XLSX,
      buffer: await xlsx([
        ['A01', '环境卫生', '门前三包，房前屋后干净', '0.5', '否'],
        ['B01', '邻里互助', '帮孤寡老人干农活', '2', '是'],
        ['N01', '负面清单', '乱扔垃圾被劝阻不改', '-3', '是'],
      ]),
    });
    await waitForPageShown(page, 'points-rule-page');
    await page.getByTestId('points-rule-item-N01').waitFor();
    const after = await books();
    expect(after.books).toHaveLength(count + 1);
    const imported = after.books.find((b) => b.status === 'draft' && b.id !== draftId);
    expect(imported?.itemCount).toBe(3);
    expect(imported?.negativeCount).toBe(1);
  });

  it('提交村民（代表）会议通过 opens the matter; the book waits for the meeting and is no longer editable', async () => {
    await open(`${ADMIN}/rule/index?id=${draftId}`, 'points-rule-page', 'elder');
    await page.getByTestId('points-rule-propose-open').click();
    // Without a word to the villagers it is not sent.
    await page.getByTestId('points-rule-propose-submit').click();
    await page.getByTestId('points-rule-propose-body').getByText('请写说明').waitFor();
    await page.locator('[data-testid="points-rule-propose-body"] textarea').fill('卫生一项加到 1.5 分，新加“清理房前屋后的垃圾”2 分，请大家表决。');
    await check('propose', 'elder');
    await page.getByTestId('points-rule-propose-submit').click();
    await dialogButton('points-rule-propose-confirm', '提请村民会议通过').click();
    await waitForPageShown(page, 'matter-page');

    const proposed = await book(draftId);
    expect(proposed.status).toBe('proposed');
    expect(proposed.canEdit).toBe(false);
    expect(page.url()).toContain(proposed.adoptingMatter?.id ?? 'no matter');

    for (const mode of ['standard', 'elder'] as Mode[]) {
      await open(`${ADMIN}/rule/index?id=${draftId}`, 'points-rule-page', mode);
      await page.getByTestId('points-rule-matter').waitFor();
      expect(await page.getByTestId('points-rule-status').innerText()).toContain('待村民（代表）会议通过');
      expect(await page.getByTestId('points-rule-edit').count()).toBe(0);
      expect(await page.getByTestId('points-rule-propose').count()).toBe(0);
      await check('proposed', mode);
    }
    await open(`${ADMIN}/rules/index`, 'points-rules-page', 'standard');
    await page.getByTestId(`points-rules-book-${proposed.number}-matter`).waitFor();
  });
});

describe('积分设置 and 商品管理', () => {
  it('the 两委 change the 复议 days and a star; the 评议小组 reads them', async () => {
    const before = await api<PointsSettings>('/points/settings', { token: secretary.accessToken });
    const [s1, s2] = before.starThresholdsTenths;
    const star1 = s2 === undefined || s1 + 5 < s2 ? s1 + 5 : s1 - 5;
    const days = before.publicationWindowDays === 10 ? 9 : 10;

    await useSession(secretary, { clear: true });
    await open(`${ADMIN}/settings/index`, 'points-settings-page', 'standard');
    await field('points-settings-window').fill(String(days));
    await field('points-settings-star-1').fill(formatPoints(star1));
    await page.getByTestId('points-settings-save').click();
    await page.getByTestId('points-settings-saved').waitFor();
    await check('settings-saved', 'standard');

    const after = await api<PointsSettings>('/points/settings', { token: secretary.accessToken });
    expect(after.publicationWindowDays).toBe(days);
    expect(after.starThresholdsTenths[0]).toBe(star1);

    await open(`${ADMIN}/settings/index`, 'points-settings-page', 'elder');
    await page.getByTestId('points-settings-save').waitFor();
    expect(await field('points-settings-window').inputValue()).toBe(String(days));
    expect(await field('points-settings-star-1').inputValue()).toBe(formatPoints(star1));
    await check('settings', 'elder');

    const reviewer = await signInPersona('points_reviewer');
    await useSession(reviewer, { clear: true });
    for (const mode of ['standard', 'elder'] as Mode[]) {
      await open(`${ADMIN}/settings/index`, 'points-settings-page', mode);
      await page.getByTestId('points-settings-star-1').waitFor();
      expect(await field('points-settings-window').inputValue()).toBe(String(days));
      expect(await field('points-settings-star-1').isDisabled()).toBe(true);
      expect(await page.getByTestId('points-settings-save').count()).toBe(0);
      await check('settings-read-only', mode);
    }
  });

  it('the shopkeeper adds a product, changes its stock and takes it off sale; the shop no longer lists it', async () => {
    const shopkeeper = await signInPersona('shopkeeper');
    const villager = await signInPersona('household_rep');
    const name = '洗衣皂（两块装）';
    await useSession(shopkeeper, { clear: true });
    await open(`${ADMIN}/products/index`, 'points-products-page', 'standard');
    await page.getByTestId('points-product-add').click();
    await field('points-product-name').fill(name);
    await field('points-product-price').fill('3.5');
    await field('points-product-stock').fill('10');
    await check('product-add', 'standard');
    await page.getByTestId('points-product-save').click();
    await page.getByTestId('points-products-done').waitFor();

    const shop = () => api<ProductView[]>('/points/products', { token: villager.accessToken });
    const added = (await shop()).find((p) => p.name === name);
    expect(added).toMatchObject({ priceTenths: 35, stock: 10, active: true });
    const id = added?.id ?? '';

    await page.getByTestId(`points-product-${id}-edit`).click();
    await field('points-product-stock').fill('8');
    await page.getByTestId('points-product-save').click();
    await page.getByTestId('points-products-done').waitFor();
    expect((await shop()).find((p) => p.id === id)?.stock).toBe(8);

    await open(`${ADMIN}/products/index`, 'points-products-page', 'elder');
    await page.getByTestId(`points-product-${id}-edit`).click();
    await page.getByTestId('points-product-off-sale').click();
    await check('product-edit', 'elder');
    await page.getByTestId('points-product-save').click();
    await page.getByTestId('points-products-done').waitFor();
    await page.getByTestId(`points-product-${id}`).getByText('已下架').waitFor();
    await check('products', 'elder');

    expect((await shop()).some((p) => p.id === id)).toBe(false);
    const all = await api<ProductView[]>('/points/products?all=true', { token: shopkeeper.accessToken });
    expect(all.find((p) => p.id === id)).toMatchObject({ stock: 8, active: false, priceTenths: 35 });
  });
});
