/**
 * 村民积分制 in the browser, across the people who run it: the H5 build served by the real server
 * (fresh SQLite, demo village with its adopted 积分细则 and this month's records waiting), Debian's
 * Chromium at 375 × 667.
 *
 *  1. a 网格员 records an item for a household of their grid on 记积分, with a photo — the form is
 *     kept on the phone, so opening it again in 长辈版 shows what was typed; the signal drops as it
 *     is sent, the page says so and keeps everything, 重试 records it once;
 *  2. the 评议小组 approves the grid's records on 每月积分评议 (the rest of the queue through the API);
 *  3. the server's clock moves to the 28th of the quarter's last month (CLOCK_OFFSET_DAYS, and the
 *     browser's clock with it); the 书记 (党组织) publishes the quarter and then the 红黑榜;
 *  4. the household sees the points on its 积分 tab, redeems a product in the 积分超市 and opens
 *     the order's QR code;
 *  5. the 积分超市 shopkeeper types the code, checks the order and hands it over; a second look at
 *     the code says it is already handed over.
 * Also the other admin pages (复议, 商品, 积分细则, 设置) as their people see them. Every page is checked
 * with axe-core and the UX.md size floors, and saved in standard and 长辈版 to
 * miniapp/artifacts/points-admin-*.png.
 */
import {
  chinaDay,
  daysBetween,
  publicationOpensOn,
  quarterOf,
  type PointsBoardView,
  type HouseholdPoints,
  type PointsRecordPage,
  type ProductView,
  type RuleBookDetail,
  type RuleBookList,
} from '@village/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { photoFile } from './support/matters';
import { startServer, type RunningServer } from './support/server';
import { e2eSession, type LoginAnswer, type Mode } from './support/session';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, dialogButton } = e2eSession({ server: () => server, page: () => page, name: 'points-admin', screenshotPrefix: 'points-admin-' });

let secretary: LoginAnswer;
let gridLeader: LoginAnswer;
let reviewer: LoginAnswer;
let shopkeeper: LoginAnswer;
/** The representative of the household the grid leader records for, signed in with a binding code. */
let household: LoginAnswer;
let target = { id: '', number: '', gridId: '', representativeId: '' };
let itemCode = '';
let itemNeedsPhoto = false;
let orderCode = '';
let daysOn = 0;

const RECORD = '/packages/points/pages/record/index';
const ADMIN = '/packages/points-admin/pages';
const today = () => chinaDay(new Date(Date.now() + daysOn * 86_400_000));
const quarter = () => quarterOf(chinaDay(new Date()));

async function bothModes(path: string, testId: string, name: string, ready?: string): Promise<void> {
  for (const mode of ['standard', 'elder'] as Mode[]) {
    await open(path, testId, mode);
    if (ready) await page.getByTestId(ready).first().waitFor();
    await check(name, mode);
  }
}

/** The household's representative signs in the real way: a binding code from the 书记, a new WeChat account. */
async function bindRepresentative(residentId: string): Promise<LoginAnswer> {
  const { code } = await api<{ code: string }>(`/residents/${residentId}/binding-codes`, { method: 'POST', token: secretary.accessToken });
  const login = await signInPersona('new');
  const me = await api<LoginAnswer['me']>('/me/binding', { method: 'POST', token: login.accessToken, body: { code } });
  return { ...login, me };
}

/** Moves the server's clock (restarting it on the same database) and the browser's; everyone signs in again. */
async function liveUntil(days: number): Promise<void> {
  // Sessions from before run out in the meantime: forget them first, so the app opening with an
  // expired one does not end the session after the next sign-in has been put on the phone.
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  daysOn = days;
  await server.restart({ CLOCK_OFFSET_DAYS: String(days) });
  await page.clock.setSystemTime(new Date(Date.now() + days * 86_400_000));
  [secretary, gridLeader, reviewer, shopkeeper] = [await signInPersona('secretary'), await signInPersona('grid_leader'), await signInPersona('points_reviewer'), await signInPersona('shopkeeper')];
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  secretary = await signInPersona('secretary');
  gridLeader = await signInPersona('grid_leader');
  reviewer = await signInPersona('points_reviewer');
  shopkeeper = await signInPersona('shopkeeper');

  // A household of the grid leader's grid, not their own, whose 户代表 the test signs in as.
  const mine = await api<{ household: { id: string } | null }>('/me', { token: gridLeader.accessToken });
  const list = await api<{ items: { id: string; number: string; grid: { id: string }; representative: { id: string } | null }[] }>('/roster/households?pageSize=50', { token: gridLeader.accessToken });
  const h = list.items.find((x) => x.id !== mine.household?.id && x.representative);
  if (!h?.representative) throw new Error('the grid leader has no household to record for');
  target = { id: h.id, number: h.number, gridId: h.grid.id, representativeId: h.representative.id };

  // A positive item that needs a photo, so the photo is the evidence the server asks for.
  const books = await api<RuleBookList>('/points/rule-books', { token: gridLeader.accessToken });
  const book = await api<RuleBookDetail>(`/points/rule-books/${books.effective?.id}`, { token: gridLeader.accessToken });
  const items = book.categories.flatMap((c) => c.items).filter((i) => i.pointsTenths > 0);
  const item = items.find((i) => i.evidenceRequired) ?? items[0];
  itemCode = item.code;
  itemNeedsPhoto = item.evidenceRequired;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('a quarter of points, across the people who run it', () => {
  it('the 网格员 records an item for a household of their grid, with a photo', async () => {
    await useSession(gridLeader, { clear: true });
    await open(RECORD, 'points-record-page', 'standard');
    await page.locator('[data-testid="points-record-household-q"] input').fill(target.number);
    await page.getByTestId('points-record-household-search').click();
    await page.getByTestId(`points-record-household-${target.number}`).click();
    await page.getByTestId('points-record-household').waitFor();
    await page.locator('[data-testid="points-record-item-q"] input').fill(itemCode);
    await page.getByTestId(`points-record-item-${itemCode}`).click();
    await page.getByTestId('points-record-day-day').fill(today());
    await page.locator('[data-testid="points-record-note"] textarea').fill('帮邻居抢收玉米，忙了一上午');
    await page.getByTestId('points-record-photos-file').setInputFiles(photoFile());
    await page.getByTestId('points-record-photos-count').filter({ hasText: '已传 1 张' }).waitFor();
    await check('record', 'standard');

    // What was typed is kept on the phone: opened again (in 长辈版), the form is still filled in.
    await open(RECORD, 'points-record-page', 'elder');
    await page.getByTestId('points-record-restored').waitFor();
    await page.getByTestId('points-record-item').waitFor();
    await check('record', 'elder');

    // The signal drops as it is sent: said in words, everything kept, 重试 once it is back — recorded once.
    await page.getByTestId('points-record-submit').click();
    expect(await page.getByTestId('points-record-confirm').innerText()).toContain(itemCode);
    await page.context().setOffline(true);
    await dialogButton('points-record-confirm', '确认').click();
    await page.getByTestId('points-record-failed').waitFor();
    expect(await page.getByTestId('points-record-failed').innerText()).toContain('网络断了');
    await page.context().setOffline(false);
    await check('record-offline', 'elder');
    await page.getByTestId('points-record-retry').click();
    await page.getByTestId('points-record-done').waitFor();
    expect(await page.getByTestId('points-record-done').innerText()).toContain('已记录，等评议小组评议');
    await check('record-done', 'elder');

    const records = await api<PointsRecordPage>(`/points/records?householdId=${target.id}&status=pending`, { token: secretary.accessToken });
    const mine = records.items.filter((r) => r.itemCode === itemCode && r.recordedBy.id === gridLeader.me.resident?.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].photos).toHaveLength(1);
  });

  it('the 评议小组 approves the grid’s records', async () => {
    await useSession(reviewer, { clear: true });
    await bothModes(`${ADMIN}/review/index`, 'points-review-page', 'review', `points-review-grid-${target.gridId}`);
    await page.getByTestId(`points-review-grid-${target.gridId}-all`).click();
    await page.getByTestId('points-review-approve').click();
    expect(await page.getByTestId('points-review-confirm').innerText()).toMatch(/确认通过这 \d+ 条/);
    await dialogButton('points-review-confirm', '通过').click();
    await page.getByTestId('points-review-result').waitFor();
    expect(await page.getByTestId('points-review-result').innerText()).toMatch(/通过 \d+ 条/);
    await check('review-done', 'elder');

    // The rest of the village's queue, so the quarter can be published.
    for (;;) {
      const left = await api<PointsRecordPage>('/points/records?status=pending&pageSize=50', { token: reviewer.accessToken });
      if (left.items.length === 0) break;
      await api('/points/records/review', { method: 'POST', token: reviewer.accessToken, body: { recordIds: left.items.map((r) => r.id), decision: 'approve' } });
    }
  });

  it('the 党组织 publishes the quarter on the 28th of its last month, and the 两委 its 红黑榜', async () => {
    const from = publicationOpensOn(quarter());
    const wait = daysBetween(chinaDay(new Date()), from);
    if (wait > 0) {
      // Before the 28th the page says why the quarter cannot be published yet.
      await useSession(secretary, { clear: true });
      await open(`${ADMIN}/publish/index`, 'points-publish-page', 'standard');
      await page.getByTestId(`points-publish-ready-${quarter()}`).getByText('以后才能公示这个季度').waitFor();
      await check('publish-waiting', 'standard');
      await liveUntil(wait);
    }
    expect(today() >= from).toBe(true);

    await useSession(secretary, { clear: true });
    await bothModes(`${ADMIN}/publish/index`, 'points-publish-page', 'publish', `points-publish-ready-${quarter()}`);
    await page.getByTestId(`points-publish-${quarter()}`).click();
    await dialogButton('points-publish-confirm', '公示').click();
    await page.getByTestId('points-publish-done').waitFor();
    await page.getByTestId(`points-publication-${quarter()}`).waitFor();
    await page.getByTestId(`points-board-publish-${quarter()}`).click();
    await dialogButton('points-publish-confirm', '发布红黑榜').click();
    await page.getByTestId(`points-board-${quarter()}`).waitFor();
    await check('published', 'standard');
    await check('published', 'elder');
  });

  it('the 两委 write the 帮扶 note for a household on the 黑榜; only its people and the 两委 read it', async () => {
    const boards = await api<PointsBoardView[]>('/points/boards', { token: secretary.accessToken });
    const board = boards.find((b) => b.black.some((e) => e.followUp === null));
    if (!board) throw new Error('the demo 红黑榜 should have a black-listed household without a 帮扶 note');
    const entry = board.black.find((e) => e.followUp === null) as PointsBoardView['black'][number];
    await useSession(secretary, { clear: true });
    await open(`${ADMIN}/publish/index`, 'points-publish-page', 'elder');
    const testId = `points-followup-${entry.household.number}`;
    await page.getByTestId(`${testId}-edit`).click();
    await page.locator(`[data-testid="${testId}-note"] textarea`).fill('村干部每月上门一次，帮他把门前柴草码放整齐，讲清负面清单。');
    await check('followup', 'elder');
    await page.getByTestId(`${testId}-save`).click();
    await page.getByTestId(testId).getByText('村干部每月上门一次').waitFor();
    // A 网格员 is neither 两委 nor 监委会, and the seed never puts a 网格员's own household on the 黑榜.
    const again = await api<PointsBoardView>(`/points/boards/${board.id}`, { token: gridLeader.accessToken });
    expect(again.black.find((e) => e.household.id === entry.household.id)?.followUp).toBeNull();
  });

  it('the household sees its points on the 积分 tab, redeems a product and opens the QR code', async () => {
    // Signed in now, after the clock moved, as the family would open the app the day the points are out.
    household = await bindRepresentative(target.representativeId);
    const mine = await api<HouseholdPoints>('/points/me', { token: household.accessToken });
    expect(mine.ledger.some((e) => e.description.startsWith(itemCode))).toBe(true);
    expect(mine.balanceTenths).toBeGreaterThan(0);

    await useSession(household, { clear: true });
    await bothModes('/pages/points/index', 'points-page', 'household-tab', 'points-balance');

    const products = await api<ProductView[]>('/points/products', { token: household.accessToken });
    const product = products.filter((p) => p.stock > 0 && p.priceTenths <= mine.balanceTenths).sort((a, b) => a.priceTenths - b.priceTenths)[0];
    expect(product).toBeDefined();
    await open('/packages/points/pages/shop/index', 'points-shop-page', 'standard');
    await page.getByTestId(`points-redeem-${product.id}`).click();
    await page.getByTestId('points-shop-confirm').getByRole('button').first().click();
    await page.getByTestId('points-shop-done').waitFor();
    await page.getByTestId('points-shop-show-qr').click();
    await waitForPageShown(page, 'points-orders-page');
    await page.getByTestId('points-order-qr').first().waitFor();
    orderCode = (await page.getByTestId('points-order-code').first().innerText()).trim();
    expect(orderCode).toHaveLength(8);
    await check('household-order', 'standard');
  });

  it('the shopkeeper types the code, checks the order and hands it over', async () => {
    await useSession(shopkeeper, { clear: true });
    for (const mode of ['standard', 'elder'] as Mode[]) {
      await open(`${ADMIN}/handover/index`, 'points-handover-page', mode);
      await page.locator('[data-testid="points-handover-code"] input').fill(orderCode.toLowerCase());
      await page.getByTestId('points-handover-find').click();
      await page.getByTestId('points-handover-order').waitFor();
      expect(await page.getByTestId('points-handover-order').innerText()).toContain('待领取');
      await check('handover', mode);
    }
    await page.getByTestId('points-handover-submit').click();
    await dialogButton('points-handover-confirm', '确认交付').click();
    await page.getByTestId('points-handover-done').waitFor();
    await check('handover-done', 'elder');

    // The same code again: said plainly that it was handed over already.
    await page.locator('[data-testid="points-handover-code"] input').fill(orderCode);
    await page.getByTestId('points-handover-find').click();
    await page.getByTestId('points-handover-settled').waitFor();
    expect(await page.getByTestId('points-handover-settled').innerText()).toContain('已经交付过了');
  });
});

describe('the other pages of the people who run points', () => {
  it('a villager self-reports for their own household: positive items only, the 评议小组 will check it', async () => {
    const rep = await signInPersona('household_rep');
    await useSession(rep, { clear: true });
    for (const mode of ['standard', 'elder'] as Mode[]) {
      await open(`${RECORD}?as=self`, 'points-record-page', mode);
      await page.getByTestId('points-record-own-household').waitFor();
      if (mode === 'standard') {
        expect(await page.locator('[data-testid^="points-record-item-"][role="radio"]').count()).toBeGreaterThan(0);
        expect(await page.getByText('负面清单，扣分').count()).toBe(0);
        await page.locator('[data-testid="points-record-item-q"] input').fill(itemCode);
        await page.getByTestId(`points-record-item-${itemCode}`).click();
        if (itemNeedsPhoto) {
          // The item needs a photo: said before anything is sent.
          await page.getByTestId('points-record-submit').click();
          await page.getByTestId('points-record-photos').getByText('这一项必须有照片').first().waitFor();
        }
      } else {
        // Opened again: the chosen item was kept on the phone.
        await page.getByTestId('points-record-restored').waitFor();
        await page.getByTestId('points-record-item').waitFor();
      }
      await check('self-report', mode);
    }
  });

  it('复议 for the 评议小组: an adjustment shows the difference in words', async () => {
    await useSession(reviewer, { clear: true });
    await bothModes(`${ADMIN}/appeals/index`, 'points-appeals-page', 'appeals');
    const opener = page.locator('[data-testid$="-open"][data-testid^="points-appeal-"]').first();
    if ((await opener.count()) === 0) return;
    await opener.click();
    await page.getByTestId('points-appeal-adjust').click();
    await page.locator('[data-testid="points-appeal-points"] input').fill('-1');
    expect(await page.getByTestId('points-appeal-difference').innerText()).toMatch(/调整后 −1 分，比原来(多|少) [\d.]+ 分/);
    await page.locator('[data-testid="points-appeal-reason"] textarea').fill('现场核实，柴草第二天就收走了，酌情少扣');
    await check('appeal-adjust', 'elder');
    await page.getByTestId('points-appeal-submit').click();
    await dialogButton('points-appeal-confirm', '确认').click();
    await page.getByTestId('points-appeals-done').waitFor();
  });

  it('商品 for the shopkeeper', async () => {
    await useSession(shopkeeper, { clear: true });
    await bothModes(`${ADMIN}/products/index`, 'points-products-page', 'products', 'points-product-add');
    await page.getByTestId('points-product-add').click();
    await page.getByTestId('points-product-form').waitFor();
    await page.locator('[data-testid="points-product-price"] input').fill('2.55');
    await page.getByTestId('points-product-save').click();
    await page.getByTestId('points-product-price-error').waitFor();
    await check('product-form', 'elder');
  });

  it('积分细则 and 设置 for the 两委, read-only settings for others', async () => {
    await useSession(secretary, { clear: true });
    await bothModes(`${ADMIN}/rules/index`, 'points-rules-page', 'rules', 'points-rules-effective');
    const books = await api<RuleBookList>('/points/rule-books', { token: secretary.accessToken });
    await bothModes(`${ADMIN}/rule/index?id=${books.effective?.id}`, 'points-rule-page', 'rule', 'points-rule-status');
    await bothModes(`${ADMIN}/settings/index`, 'points-settings-page', 'settings', 'points-settings-save');
    await useSession(reviewer, { clear: true });
    await open(`${ADMIN}/settings/index`, 'points-settings-page', 'standard');
    await page.getByTestId('points-settings-star-1').waitFor();
    expect(await page.getByTestId('points-settings-save').count()).toBe(0);
  });
});
