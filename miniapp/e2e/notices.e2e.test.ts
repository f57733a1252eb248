/**
 * 村务公开 in the browser: the H5 build served by the real server (fresh SQLite, demo village),
 * Debian's Chromium at 375 × 667.
 *
 *  1. signed out, the 公开 tab says notices are for the village and offers 登录;
 *  2. the 村委会委员 signs in through the persona picker, presses 发布公告, writes a 村务 notice with a
 *     table (the preview shows it), saves the draft, adds a photo (progress, then 已上传), opens the
 *     draft and publishes it after the confirmation;
 *  3. a villager finds it on the 公开 tab marked 未读, opens it (已读 is recorded: the mark goes), and
 *     asks a question, which shows as 待答复;
 *  4. the committee's 知晓率 page shows the rate moved by that household, then records a 上门告知 and
 *     the figure moves again; the committee answers the question from 村民的询问.
 * Every page is checked with axe-core (no serious/critical), against the UX.md floors (controls ≥ 44 /
 * 60 px, text ≥ 16 / 18 px), for sideways scrolling, and saved in standard and 长辈版 to
 * miniapp/artifacts/notices-*.png.
 */
import type { Page } from 'playwright-core';
import { percent, type NoticeAwareness, type VillageCadence } from '@village/shared';
import { launchBrowser, screenshot, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { e2eSession, type LoginAnswer } from './support/session';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check } = e2eSession({ server: () => server, page: () => page, name: 'notices', screenshotPrefix: 'notices-' });


const LIST = '/pages/notices/index';
const DETAIL = '/packages/notices/pages/detail/index';
const AWARENESS = '/packages/notices/pages/awareness/index';
const QUERIES = '/packages/notices/pages/queries/index';
const SIGNOFF = '/packages/notices/pages/signoff/index';
const TITLE = '冬季村道修补和路灯更换公示';
const BODY = [
  '# 一、要办的事',
  '',
  '村东头到小学的村道有 3 处坑洼，**本月 20 日前**修补完；村委会门口换 4 盏路灯。',
  '',
  '## 二、花多少钱',
  '',
  '| 项目 | 数量 | 金额（元） | 经手人 | 备注 |',
  '|---|---|---|---|---|',
  '| 修补村道 | 3 处 | 4200 | 王建国 | 村集体出资，按实际用料结算 |',
  '| 更换路灯 | 4 盏 | 1600 | 刘凤英 | 镇里补一半 |',
  '',
  '- 有意见请在下面“我要询问”里提',
  '- 也可以到村委会当面说',
].join('\n');

/** A 1 × 1 PNG (what a phone photo is to the server's content check). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let noticeId = '';
let committee: LoginAnswer;
let villager: LoginAnswer;




async function awarenessNow(): Promise<NoticeAwareness> {
  return api<NoticeAwareness>(`/notices/${noticeId}/awareness`, { token: committee.accessToken });
}

function figure(a: Pick<NoticeAwareness, 'reached' | 'total'>): string {
  return `已知晓 ${a.reached}/${a.total} 户（${percent(a.reached, a.total)}%）`;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  villager = await signInPersona('villager');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});





describe('signed out', () => {
  it('the 公开 tab says notices are for the village and offers 登录 (both modes)', async () => {
    for (const mode of ['standard', 'elder'] as const) {
      await open(LIST, 'notices-page', mode);
      expect(await page.getByTestId('notices-sign-in').innerText()).toContain('登录以后可以看村里的公开');
      await check('signed-out', mode);
    }
  });
});

describe('the committee publishes a notice', () => {
  it('村委会委员 signs in from the 公开 tab', async () => {
    await open(LIST, 'notices-page', 'standard');
    await page.getByTestId('notices-login').click();
    await waitForPageShown(page, 'login-page');
    await page.getByTestId('persona-committee').click();
    await page.getByTestId('login-privacy-step').waitFor();
    await page.getByTestId('privacy-agree').click();
    await waitForPageShown(page, 'home-page');
    committee = await page.evaluate(() => ({
      accessToken: JSON.parse(localStorage.getItem('village.token') ?? '{}').data as string,
      refreshToken: JSON.parse(localStorage.getItem('village.refreshToken') ?? '{}').data as string,
      me: { account: { currentPrivacyNoticeVersion: '' }, resident: null },
    }));
    expect(committee.accessToken).toBeTruthy();
    await page.locator('.weui-tabbar__label', { hasText: '公开' }).click();
    await waitForPageShown(page, 'notices-page');
    await page.getByTestId('notices-compose').waitFor();
    await page.getByTestId('notices-list').locator('[data-testid^="notice-row-"]').first().waitFor();
    await check('committee-list', 'standard');
  });

  it('writes the notice: the preview shows the table; nothing is sent until the form is complete', async () => {
    await page.getByTestId('notices-compose').click();
    await waitForPageShown(page, 'notice-compose-page');
    await page.getByTestId('compose-save').click();
    expect(await page.getByTestId('compose-problems').innerText()).toContain('有几处要改一下');
    expect(await page.getByTestId('compose-title-error').innerText()).toBe('请填写标题');

    await page.getByTestId('compose-kind-village').click();
    await page.getByTestId('compose-title').locator('input').fill(TITLE);
    await page.getByTestId('compose-body').locator('textarea').fill(BODY);
    const preview = page.getByTestId('compose-preview-body');
    await preview.getByRole('table').waitFor();
    expect(await preview.getByRole('columnheader').allInnerTexts()).toEqual(['项目', '数量', '金额（元）', '经手人', '备注']);
    expect(await preview.locator('.nb-bold').first().innerText()).toBe('本月 20 日前');
    await page.getByTestId('compose-format-toggle').click();
    expect(await page.getByTestId('compose-format').innerText()).toContain('| 项目 | 金额 |');
    expect(await page.getByTestId('compose-window-min').innerText()).toMatch(/^至少公示 7 天：结束日期最早选 \d+月\d+日。$/);
    expect(await page.getByTestId('compose-window-length').innerText()).toBe('共 8 天');
    // the table scrolls inside its own box, never the page
    const table = await preview.locator('.nb-table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, box: el.clientWidth }));
    expect(table.scroll).toBeGreaterThan(table.box);
    await check('compose', 'standard');
  });

  it('saves the draft; on a slow line a photo goes up with its progress in numbers, then 已上传', async () => {
    expect(await page.getByTestId('compose-attachments-save-first').innerText()).toContain('先点下面的“保存草稿”');
    await page.getByTestId('compose-save').click();
    expect(await page.getByTestId('compose-saved').innerText()).toContain('草稿已保存');

    // A 2G-like upload (about 48 KB/s) and a 240 KB photo: the row shows 正在上传 N% with its bar.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 200, downloadThroughput: -1, uploadThroughput: 48 * 1024 });
    const photo = Buffer.concat([PNG, Buffer.alloc(240 * 1024)]);
    await page.getByTestId('compose-file').setInputFiles({ name: '路面照片.png', mimeType: 'image/png', buffer: photo });
    const state = page.getByTestId('compose-upload-路面照片.png').getByTestId('compose-upload-state');
    await page.waitForFunction(
      () => /^正在上传 ([1-9]\d?)%$/.test(document.querySelector('[data-testid="compose-upload-路面照片.png"] [data-testid="compose-upload-state"]')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.getByTestId('compose-upload-路面照片.png').getByRole('progressbar').getAttribute('aria-valuenow')).toMatch(/^[1-9]\d?$/);
    await screenshot(page, 'notices-compose-uploading-standard');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="compose-upload-路面照片.png"] [data-testid="compose-upload-state"]')?.textContent?.startsWith('已上传'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await state.innerText()).toBe('已上传 · 240 KB');
    await cdp.detach();
  });

  it('a file called .pdf that is not a PDF is refused by the server in words; 不传了 removes it', async () => {
    await page.getByTestId('compose-file').setInputFiles({ name: '收支明细.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>不是 PDF</html>') });
    const row = page.getByTestId('compose-upload-收支明细.pdf');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="compose-upload-收支明细.pdf"] [data-testid="compose-upload-state"]')?.textContent === '没有上传成功',
      undefined,
      { timeout: 15_000 },
    );
    expect((await row.locator('.nt-upload__error').innerText()).length).toBeGreaterThan(4);
    await check('compose-saved', 'standard');
    await row.getByText('不传了').click();
    expect(await page.getByTestId('compose-upload-收支明细.pdf').count()).toBe(0);
  });

  it('opens the draft and publishes it after the confirmation (公开后不能修改…)', async () => {
    await page.getByTestId('compose-go-publish').click();
    await waitForPageShown(page, 'notice-detail-page');
    expect(await page.getByTestId('notice-title').innerText()).toBe(TITLE);
    expect(await page.getByTestId('notice-tags').innerText()).toContain('草稿');
    noticeId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(noticeId).not.toBe('');
    await page.getByTestId('notice-publish').click();
    const dialog = page.getByTestId('notice-dialog');
    expect(await dialog.innerText()).toContain('公开后不能修改，如需更正只能发布更正公告');
    await check('publish-dialog', 'standard');
    await dialog.getByText('确认公开').click();
    expect(await page.getByTestId('notice-flash').innerText()).toBe('已公开，全村村民现在都能看到。');
    expect(await page.getByTestId('notice-tags').innerText()).toContain('公开中');
    await page.getByTestId('notice-awareness').waitFor();
    await check('published', 'standard');

    // 打印公开栏: the PDF opens in a new tab (or is saved when the browser blocks the tab).
    const sheet = await Promise.race([
      page.context().waitForEvent('page').then((tab) => ({ kind: 'tab' as const, tab })),
      page.waitForEvent('download').then((file) => ({ kind: 'file' as const, file })),
      page.getByTestId('notice-sheet').click().then(() => new Promise<never>(() => undefined)),
    ]);
    if (sheet.kind === 'tab') {
      expect(sheet.tab.url()).toMatch(/^blob:/);
      await sheet.tab.close();
    } else {
      expect(sheet.file.suggestedFilename()).toBe(`公开栏-${TITLE}.pdf`);
    }
    expect(await page.locator('[data-testid="notice-actions"] [data-testid="error-state"]').count()).toBe(0);
    await open(`${DETAIL}?id=${noticeId}`, 'notice-detail-page', 'elder');
    await page.getByTestId('notice-awareness').waitFor();
    await check('published', 'elder');
  });

  it('the drafts and 发布公告 pages pass in 长辈版 too', async () => {
    await open(LIST, 'notices-page', 'elder');
    await page.getByTestId(`notice-row-${noticeId}`).waitFor();
    await check('committee-list', 'elder');
    await open(`/packages/notices/pages/compose/index?kind=village`, 'notice-compose-page', 'elder');
    await page.getByTestId('compose-body').locator('textarea').fill(BODY);
    await page.getByTestId('compose-preview-body').getByRole('table').waitFor();
    await check('compose', 'elder');
  });
});

describe('a villager reads and asks', () => {
  let before: NoticeAwareness;

  it('finds it marked 未读; opening it records 已读 and the mark goes', async () => {
    before = await awarenessNow();
    await useSession(villager, { clear: true });
    await open(LIST, 'notices-page', 'standard');
    const row = page.getByTestId(`notice-row-${noticeId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('未读');
    await check('villager-list', 'standard');

    const read = page.waitForResponse((res) => res.url().endsWith(`/api/notices/${noticeId}/read`) && res.request().method() === 'POST');
    await row.click();
    await waitForPageShown(page, 'notice-detail-page');
    expect((await read).status()).toBe(200);
    expect(await page.getByTestId('notice-body').innerText()).toContain('修补村道');
    expect(await page.getByTestId('notice-attachments').innerText()).toContain('附件（1 个）');
    expect(await page.locator('[data-testid="notice-actions"]').count()).toBe(0);
    await check('villager-detail', 'standard');

    await page.goBack();
    await waitForPageShown(page, 'notices-page');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="notice-row-${id}"]`)?.textContent?.includes('未读'), noticeId);
  });

  it('asks a question; it shows as 待答复 under the notice (both modes)', async () => {
    await open(`${DETAIL}?id=${noticeId}`, 'notice-detail-page', 'elder');
    await page.getByTestId('ask-submit').click();
    expect(await page.getByTestId('ask-text-error').innerText()).toBe('请写一下您的问题（至少 2 个字）。');
    await page.getByTestId('ask-text').locator('textarea').fill('修补村道的钱是从哪一笔里出的？');
    await page.getByTestId('ask-submit').click();
    expect(await page.getByTestId('ask-outcome').innerText()).toContain('已提交');
    const query = page.locator('[data-testid^="query-"][data-testid$="-status"]').first();
    expect(await query.innerText()).toBe('待答复');
    await check('villager-asked', 'elder');
    await open(`${DETAIL}?id=${noticeId}`, 'notice-detail-page', 'standard');
    await page.locator('[data-testid^="query-"][data-testid$="-status"]').first().waitFor();
    await check('villager-asked', 'standard');
  });

  it('the committee sees the 知晓率 moved by that household, then records a 上门告知', async () => {
    const after = await awarenessNow();
    expect(after.reached).toBe(before.reached + 1);
    await useSession(committee, { clear: true });
    for (const mode of ['standard', 'elder'] as const) {
      await open(`${AWARENESS}?id=${noticeId}`, 'notice-awareness-page', mode);
      await page.getByTestId('awareness-rate').waitFor();
      expect(await page.getByTestId('awareness-rate').innerText()).toBe(figure(after));
      expect(await page.getByTestId('awareness-missing').innerText()).toBe(`还差 ${after.total - after.reached} 户不知道`);
      await page.locator('[data-testid^="awareness-household-"]').first().waitFor();
      await check('awareness', mode);
    }

    const first = page.locator('[data-testid^="awareness-household-"]').first();
    const line = (await first.locator('.aw-house__title').innerText()).trim();
    await first.getByText('已上门告知').click();
    const dialog = page.getByTestId('awareness-dialog');
    expect(await dialog.innerText()).toContain(`把 ${line} 记为已经知道这份公告`);
    await dialog.getByTestId('awareness-note').locator('input').fill('当面念给户主听了');
    await check('awareness-dialog', 'elder');
    await dialog.getByText('确认记下').click();
    expect(await page.getByTestId('awareness-done').innerText()).toBe(`已记下：${line} 已上门告知。`);
    const told = await awarenessNow();
    expect(told.reached).toBe(after.reached + 1);
    expect(told.toldInPerson).toBe(after.toldInPerson + 1);
    await page.waitForFunction((text) => document.querySelector('[data-testid="awareness-rate"]')?.textContent === text, figure(told));
  });

  it('the committee answers the question from 村民的询问; the villager sees the answer', async () => {
    await open(QUERIES, 'notice-queries-page', 'standard');
    const card = page.locator('[data-testid^="query-"]').filter({ hasText: '修补村道的钱是从哪一笔里出的？' }).first();
    await card.waitFor();
    expect(await card.innerText()).toContain(`公告《${TITLE}》`);
    await check('queries', 'standard');
    await card.getByText('答复', { exact: true }).click();
    await card.locator('textarea').fill('从村集体今年的道路维护费里出，明细见上表。');
    await card.getByRole('button', { name: '发出答复' }).click();
    const dialog = page.locator('[data-testid$="-dialog"]').filter({ hasText: '发出答复？' });
    expect(await dialog.innerText()).toContain('全村都能看到');
    await dialog.getByRole('button', { name: '发出答复' }).click();
    expect(await page.getByTestId('queries-done').innerText()).toBe('已答复。');

    await useSession(villager, { clear: true });
    await open(`${DETAIL}?id=${noticeId}`, 'notice-detail-page', 'elder');
    const answer = page.locator('[data-testid$="-answer"]').first();
    await answer.waitFor();
    expect(await answer.innerText()).toContain('从村集体今年的道路维护费里出');
    await check('villager-answered', 'elder');
  });
});

describe('a finance notice waits for the 监委会', () => {
  let financeId = '';

  it('the supervisor’s 首页 shows it waiting; the queue opens it; 审核通过 publishes it after confirming', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const end = new Date(Date.parse(today) + 7 * 86_400_000).toISOString().slice(0, 10);
    const draft = await api<{ id: string }>('/notices', {
      method: 'POST',
      token: committee.accessToken,
      body: { kind: 'finance', title: '2026年11月财务收支公开', body: BODY, window: { startsOn: today, endsOn: end } },
    });
    financeId = draft.id;
    const submitted = await api<{ status: string }>(`/notices/${financeId}/publish`, { method: 'POST', token: committee.accessToken });
    expect(submitted.status).toBe('pending_signoff');

    await useSession(await signInPersona('supervisor'), { clear: true });
    await open('/pages/index/index', 'home-page', 'standard');
    const waiting = page.getByTestId('home-notices-signoff');
    await waiting.waitFor();
    expect(await waiting.innerText()).toMatch(/待审核的财务公开 [1-9]\d* 条/);
    await waiting.click();
    await waitForPageShown(page, 'notice-signoff-page');
    await page.getByTestId(`notice-row-${financeId}`).waitFor();
    expect(await page.getByTestId(`notice-row-${financeId}`).innerText()).toContain('待监委会审核');
    await check('signoff-queue', 'standard');
    await open(SIGNOFF, 'notice-signoff-page', 'elder');
    await page.getByTestId(`notice-row-${financeId}`).waitFor();
    await check('signoff-queue', 'elder');

    await page.getByTestId(`notice-row-${financeId}`).click();
    await waitForPageShown(page, 'notice-detail-page');
    await page.getByTestId('notice-signoff').waitFor();
    expect(await page.getByTestId('notice-pending').innerText()).toContain('正在等监委会审核签字');
    await check('signoff-detail', 'elder');
    await page.getByTestId('signoff-approve').click();
    const dialog = page.getByTestId('signoff-dialog');
    expect(await dialog.innerText()).toContain('签字后这份财务公开马上对全村公开');
    await dialog.getByTestId('signoff-note').locator('input').fill('已核对原始凭证');
    await dialog.getByRole('button', { name: '确认签字' }).click();
    expect(await page.getByTestId('notice-flash').innerText()).toBe('已审核签字，这份财务公开已经公开。');
    expect(await page.getByTestId('notice-signoff-approved').innerText()).toContain('已于');
    expect(await page.getByTestId('notice-tags').innerText()).toContain('公开中');
    await check('signed-off', 'standard');
  });
});

describe('乡镇干部 oversees disclosure', () => {
  it('首页 lists each village of the township and whether its 公开 is on time (both modes)', async () => {
    const township = await signInPersona('township');
    const cadence = await api<VillageCadence[]>('/township/notice-cadence', { token: township.accessToken });
    const demo = cadence.find((v) => v.village.name === '土岭底村');
    expect(demo).toBeDefined();
    await useSession(township, { clear: true });
    for (const mode of ['standard', 'elder'] as const) {
      await open('/pages/index/index', 'home-page', mode);
      const row = page.getByTestId(`home-township-village-${demo!.village.id}`);
      await row.waitFor();
      expect(await row.innerText()).toContain(demo!.overdueCount > 0 ? '逾期：土岭底村' : '按时：土岭底村');
      await check('township-home', mode);
    }
  });
});
