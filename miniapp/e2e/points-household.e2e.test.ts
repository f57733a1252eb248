/**
 * 村民积分制 for a household, in the browser: the H5 build served by the real server (fresh SQLite,
 * the demo village with last quarter published, this quarter's records in review, a 红黑榜 and a
 * stocked 积分超市), Debian's Chromium at 375 × 667. The demo 户代表:
 *
 *  1. sees "本户积分 N 分" on 首页 and opens the 积分 tab: the balance in very large type, this
 *     quarter's stars in words, the year's rank, the trend, the ways on;
 *  2. reads 积分明细 (ledger, records in review, records in the 公示 window) and appeals one record;
 *  3. looks at the ranking (全村 and 本网格, with "我家") and the 红黑榜;
 *  4. in the 积分超市 is told how many points a product still needs (one the 积分超市 just stocked
 *     above the household's balance), redeems one stocked within it (asked first), sees the
 *     order's QR code and code, the balance goes down by the price exactly once; then cancels it and
 *     gets the points back.
 * Every page is checked with axe-core and the UX.md size floors, and saved in standard and 长辈版
 * to miniapp/artifacts/points-household-*.png.
 */
import {
  formatPoints,
  REDEMPTION_QR_PREFIX,
  type HouseholdPoints,
  type PointsRecordPage,
  type PointsSettings,
  type ProductInput,
  type ProductView,
  type RedemptionPage,
} from '@village/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { e2eSession, type LoginAnswer, type Mode } from './support/session';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, dialogButton, largestText } = e2eSession({
  server: () => server,
  page: () => page,
  name: 'points-household',
  screenshotPrefix: 'points-household-',
});
let rep: LoginAnswer;

const TAB = '/pages/points/index';
const HISTORY = '/packages/points/pages/history/index';
const APPEAL = '/packages/points/pages/appeal/index';
const RANKING = '/packages/points/pages/ranking/index';
const BOARD = '/packages/points/pages/board/index';
const SHOP = '/packages/points/pages/shop/index';
const ORDERS = '/packages/points/pages/orders/index';
const MODES: Mode[] = ['standard', 'elder'];

const mine = (): Promise<HouseholdPoints> => api<HouseholdPoints>('/points/me', { token: rep.accessToken });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  rep = await signInPersona('household_rep');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe("a household's points: standing, history, appeal, ranking, 红黑榜 and the 积分超市", () => {
  it('首页 shows the balance, and the 积分 tab shows it in very large type with stars, rank and trend', async () => {
    const p = await mine();
    const settings = await api<PointsSettings>('/points/settings', { token: rep.accessToken });
    await useSession(rep, { clear: true });
    await open('/pages/index/index', 'home-page', 'standard');
    const line = page.getByTestId('home-points-balance');
    await line.waitFor();
    expect(await line.innerText()).toContain(`本户积分 ${formatPoints(p.balanceTenths)} 分`);
    await line.scrollIntoViewIfNeeded();
    await check('home', 'standard');

    for (const mode of MODES) {
      await open(TAB, 'points-page', mode);
      await page.getByTestId('points-standing').waitFor();
      expect(await page.getByTestId('points-balance').innerText()).toMatch(new RegExp(`本户积分\\s*${formatPoints(p.balanceTenths)} 分`));
      const current = p.quarters[p.quarters.length - 1];
      if (current) {
        expect(await page.getByTestId('points-stars').innerText()).toContain(current.stars > 0 ? `${current.stars} 颗星` : '还没有星');
        // One star drawn per threshold of the village.
        const icons = page.getByTestId('points-stars').locator('.pts-stars__icons');
        await icons.waitFor();
        expect([...(await icons.innerText()).trim()]).toHaveLength(settings.starThresholdsTenths.length);
      }
      if (p.villageRank) expect(await page.getByTestId('points-village-rank').innerText()).toBe(`全村第 ${p.villageRank.rank} 名 / 共 ${p.villageRank.of} 户`);
      expect(await page.getByTestId('points-entries').innerText()).toContain('积分超市');
      if (mode === 'elder') expect(await largestText()).toBeGreaterThanOrEqual(30);
      await check('tab', mode);
      await page.getByTestId('points-trend').scrollIntoViewIfNeeded();
      await check('tab-trend', mode);
    }
  });

  it('积分明细 lists the ledger and the records in review, and a record in the 公示 window can be appealed', async () => {
    const p = await mine();
    for (const mode of MODES) {
      await open(HISTORY, 'points-history-page', mode);
      await page.getByTestId('points-history-ledger').waitFor();
      const newest = p.ledger[0];
      if (newest) expect(await page.getByTestId(`points-ledger-${newest.id}`).innerText()).toContain(`记完共 ${formatPoints(newest.balanceTenths)} 分`);
      const waiting = p.unpublished[0];
      if (waiting) expect(await page.getByTestId(`points-record-${waiting.id}-status`).innerText()).toBe(waiting.statusLabel);
      await check('history', mode);
    }

    const published = await api<PointsRecordPage>(`/points/records?householdId=${p.household.id}&status=published&pageSize=50`, { token: rep.accessToken });
    const [target, other] = published.items.filter((r) => r.canAppeal);
    expect(target).toBeDefined();
    if (!target) return;
    if (other) {
      await open(`${APPEAL}?recordId=${other.id}`, 'points-appeal-page', 'elder');
      await page.getByTestId('points-appeal-record').waitFor();
      await check('appeal', 'elder');
    }
    await open(HISTORY, 'points-history-page', 'standard');
    await page.getByTestId(`points-appeal-${target.id}`).scrollIntoViewIfNeeded();
    await check('history-window', 'standard');
    await page.getByTestId(`points-appeal-${target.id}`).click();
    await waitForPageShown(page, 'points-appeal-page');
    await page.getByTestId('points-appeal-record').waitFor();
    // Nothing written: said in words, no dialog.
    await page.getByTestId('points-appeal-submit').click();
    expect(await page.getByTestId('points-appeal-confirm').count()).toBe(0);
    await page.locator('[data-testid="points-appeal-reason"] textarea').fill('那天我们家也去清了水渠，请再核实一下。');
    await check('appeal', 'standard');
    await page.getByTestId('points-appeal-submit').click();
    await check('appeal-confirm', 'standard');
    await dialogButton('points-appeal-confirm', '提交').click();
    await page.getByTestId('points-appeal-done').waitFor();
    await check('appeal-done', 'standard');

    const after = await api<PointsRecordPage>(`/points/records?householdId=${p.household.id}&status=published&pageSize=50`, { token: rep.accessToken });
    const appealed = after.items.find((r) => r.id === target.id);
    expect(appealed?.appeal?.status).toBe('open');
    expect(appealed?.canAppeal).toBe(false);
    await open(HISTORY, 'points-history-page', 'standard');
    expect(await page.getByTestId(`points-record-${target.id}-appeal`).innerText()).toContain('复议中');
  });

  it('the ranking marks my household with 我家, 全村 and 本网格; the 红黑榜 says it never touches basic rights', async () => {
    for (const mode of MODES) {
      await open(RANKING, 'points-ranking-page', mode);
      await page.getByTestId('points-ranking-list').waitFor();
      const me = page.getByTestId('points-ranking-mine');
      await me.scrollIntoViewIfNeeded();
      expect(await me.innerText()).toContain('我家');
      await check('ranking', mode);
    }
    await page.getByTestId('points-ranking-grid').click();
    await page.getByTestId('points-ranking-mine').waitFor();
    await check('ranking-grid', 'elder');

    for (const mode of MODES) {
      await open(BOARD, 'points-board-page', mode);
      expect(await page.getByTestId('points-board-rights').innerText()).toContain('不影响投票');
      await page.getByTestId('points-board').or(page.getByTestId('points-board-empty')).first().waitFor();
      await check('board', mode);
      if (await page.getByTestId('points-board-black').isVisible()) {
        await page.getByTestId('points-board-black').scrollIntoViewIfNeeded();
        expect(await page.getByTestId('points-board-black').innerText()).toContain('需要帮助改进');
        await check('board-black', mode);
      }
    }
  });

  it('the 积分超市 says plainly what is missing when the household cannot afford a product', async () => {
    const p = await mine();
    // The demo household can afford the cheapest products; the 积分超市 stocks one 12.3 分 above its balance.
    const shopkeeper = await signInPersona('shopkeeper');
    const input: ProductInput = { name: '电饭煲', photoId: null, priceTenths: p.balanceTenths + 123, stock: 2, active: true };
    const tooDear = await api<ProductView>('/points/products', { method: 'POST', token: shopkeeper.accessToken, body: input });
    for (const mode of MODES) {
      await open(SHOP, 'points-shop-page', mode);
      await page.getByTestId(`points-product-${tooDear.id}`).waitFor();
      expect(await page.getByTestId('points-shop-balance').innerText()).toBe(`本户积分 ${formatPoints(p.balanceTenths)} 分`);
      expect(await page.getByTestId(`points-product-${tooDear.id}`).innerText()).toContain(`积分还差 ${formatPoints(tooDear.priceTenths - p.balanceTenths)} 分`);
      expect(await page.getByTestId(`points-redeem-${tooDear.id}`).count()).toBe(0);
      await check('shop', mode);
    }
  });

  it('redeems a product after one more question, shows its QR code, and charges the price once', async () => {
    await useSession(rep, { clear: true });
    const before = await mine();
    expect(before.canRedeem).toBe(true);
    expect(before.balanceTenths).toBeGreaterThan(0);
    // The demo seed's balances are drawn at random and may fall just short of the cheapest product:
    // the 积分超市 stocks one this household can afford, so the walk does not depend on the draw.
    const shopkeeper = await signInPersona('shopkeeper');
    const input: ProductInput = { name: '针线包 1 个', photoId: null, priceTenths: Math.min(before.balanceTenths, 10), stock: 5, active: true };
    const product = await api<ProductView>('/points/products', { method: 'POST', token: shopkeeper.accessToken, body: input });

    await open(SHOP, 'points-shop-page', 'standard');
    await page.getByTestId(`points-redeem-${product.id}`).click();
    expect(await page.getByTestId('points-shop-confirm').innerText()).toContain(`用 ${formatPoints(product.priceTenths)} 分换 ${product.name}？`);
    await check('shop-confirm', 'standard');
    await dialogButton('points-shop-confirm', '兑换').click();
    await page.getByTestId('points-shop-done').waitFor();
    await page.getByTestId('points-shop-balance').filter({ hasText: `本户积分 ${formatPoints(before.balanceTenths - product.priceTenths)} 分` }).waitFor();
    await check('shop-done', 'standard');

    const after = await mine();
    expect(after.balanceTenths).toBe(before.balanceTenths - product.priceTenths);
    const orders = await api<RedemptionPage>('/points/redemptions?mine=true', { token: rep.accessToken });
    const order = orders.items.find((o) => o.product.id === product.id && o.status === 'ready');
    expect(order).toBeDefined();
    if (!order) return;

    await page.getByTestId('points-shop-show-qr').click();
    await waitForPageShown(page, 'points-orders-page');
    const qr = page.getByTestId('points-order-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-text')).toBe(REDEMPTION_QR_PREFIX + order.code);
    expect(await page.getByTestId('points-order-code').innerText()).toBe(order.code);
    expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(250);
    await check('order-qr', 'standard');
    await open(`${ORDERS}?id=${order.id}`, 'points-orders-page', 'elder');
    await page.getByTestId('points-order-qr').waitFor();
    await check('order-qr', 'elder');
  });

  it('cancels a ready order after one more question, and the points come back', async () => {
    const before = await mine();
    const orders = await api<RedemptionPage>('/points/redemptions?mine=true', { token: rep.accessToken });
    const order = orders.items.find((o) => o.status === 'ready');
    expect(order).toBeDefined();
    if (!order) return;
    await open(ORDERS, 'points-orders-page', 'standard');
    await page.getByTestId(`points-order-${order.id}-cancel`).click();
    expect(await page.getByTestId('points-orders-cancel-confirm').innerText()).toContain(`${formatPoints(order.priceTenths)} 分退回本户`);
    await check('order-cancel-confirm', 'standard');
    await dialogButton('points-orders-cancel-confirm', '取消兑换').click();
    await page.getByTestId('points-orders-cancelled').waitFor();
    await page.getByTestId(`points-order-${order.id}-status`).filter({ hasText: '已取消' }).waitFor();
    await check('orders', 'standard');
    expect((await mine()).balanceTenths).toBe(before.balanceTenths + order.priceTenths);
    await open(ORDERS, 'points-orders-page', 'elder');
    await page.getByTestId('points-orders-list').waitFor();
    await check('orders', 'elder');
  });

  it('people with points roles find their work on the tab and on 首页', async () => {
    const reviewer = await signInPersona('points_reviewer');
    const pending = await api<PointsRecordPage>('/points/records?status=pending&pageSize=1', { token: reviewer.accessToken });
    await useSession(reviewer, { clear: true });
    await open(TAB, 'points-page', 'elder');
    const review = page.getByTestId('points-work-review');
    await review.waitFor();
    expect(await review.innerText()).toContain(pending.total > 0 ? `待评议 ${pending.total} 条` : '待评议');
    expect(await page.getByTestId('points-work-appeals').count()).toBe(1);
    await review.scrollIntoViewIfNeeded();
    await check('work-reviewer', 'elder');

    const keeper = await signInPersona('shopkeeper');
    await useSession(keeper, { clear: true });
    await open(TAB, 'points-page', 'standard');
    await page.getByTestId('points-work-handover').waitFor();
    // The 积分超市's keeper is also a 党组织委员: 季度公示 and the 两委's rule book, settings and 红黑榜.
    for (const key of ['products', 'publish', 'rules', 'settings', 'board']) expect(await page.getByTestId(`points-work-${key}`).count()).toBe(1);
    expect(await page.getByTestId('points-work-record').count()).toBe(0);
    await page.getByTestId('points-work').scrollIntoViewIfNeeded();
    await check('work-shopkeeper', 'standard');
    await open('/pages/index/index', 'home-page', 'standard');
    await page.getByTestId('home-points-handover').waitFor();
    expect(await page.getByTestId('home-points-products').count()).toBe(0);
  });
});
