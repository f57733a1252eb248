/**
 * 村民提议 in the browser: the H5 build served by the real server (fresh SQLite, demo village, the
 * fake WeChat whose content check passes a plain photo about a second later), Debian's Chromium at
 * 375 × 667. One proposal from a villager to a matter:
 *
 *  1. a villager taps "＋ 我要提议" on the 议事 tab, writes the title and text, picks 道路, adds a
 *     photo (the upload shows its progress), confirms; the new proposal says 内容审核中 until
 *     WeChat's media check has passed, then it is public at 提出议题;
 *  2. a 户代表 co-signs it on the page (asked first; then "✓ 您已附议") and the bar moves; three
 *     more people co-sign through the API and the villager sees the count;
 *  3. the 书记 finds "N 件提议待答复（1 件已超期）" on 首页, opens the queue, the proposal, replies (the badge
 *     turns to ✓ 已答复), then converts it into a matter (事项类别, budget);
 *  4. the villager sees 已转为村里大事 with the matter's stage and opens the matter;
 *  5. the township's staff see the oversight table and sort it.
 * Every page is checked with axe-core and the UX.md size floors, and saved in standard and 长辈版
 * to miniapp/artifacts/proposals-*.png.
 */
import type { ProposalDetail } from '@village/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { photoFile } from './support/matters';
import { startServer, type RunningServer } from './support/server';
import { e2eSession, type LoginAnswer } from './support/session';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, dialogButton } = e2eSession({ server: () => server, page: () => page, name: 'proposals' });
let villager: LoginAnswer;
let householdRep: LoginAnswer;
let secretary: LoginAnswer;
let committee: LoginAnswer;
let supervisor: LoginAnswer;
let township: LoginAnswer;
let proposalId = '';

const DETAIL = '/packages/proposals/pages/detail/index';
const TITLE = '南坪组路口装一盏路灯';
const BODY = '南坪组路口晚上太黑，去年冬天有两位老人在这里摔倒。\n建议在路口装一盏太阳能路灯。';

async function proposal(token = villager.accessToken): Promise<ProposalDetail> {
  return api<ProposalDetail>(`/proposals/${proposalId}`, { token });
}

/** Waits until the server says the proposal is in `status` (the fake WeChat pushes its verdict about 1 s after the upload). */
async function until(status: string, timeoutMs = 20_000): Promise<ProposalDetail> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const p = await proposal();
    if (p.status === status) return p;
    if (Date.now() > end) throw new Error(`proposal still ${p.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  villager = await signInPersona('villager');
  householdRep = await signInPersona('household_rep');
  secretary = await signInPersona('secretary');
  committee = await signInPersona('committee');
  supervisor = await signInPersona('supervisor');
  township = await signInPersona('township');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('a villager\'s proposal, co-signed, answered and turned into a matter', () => {
  it('the villager submits it from the 议事 tab with a photo', async () => {
    await useSession(villager, { clear: true });
    await open('/pages/council/index', 'council-page', 'standard');
    // The demo village's proposals (路灯, 水渠, …) are listed, hottest first.
    await page.getByTestId('council-proposals').locator('[data-testid^="proposal-row-"]').first().waitFor();
    await page.getByTestId('council-proposals').scrollIntoViewIfNeeded();
    await check('proposals-council-demo', 'standard');
    await page.getByTestId('council-proposal-create').click();
    await waitForPageShown(page, 'proposal-create-page');
    await page.getByTestId('proposal-category-road').waitFor();

    // Nothing filled in: every problem in words, no dialog.
    await page.getByTestId('proposal-form-submit').click();
    expect(await page.getByTestId('proposal-form-title-error').innerText()).toBe('请填写标题');
    expect(await page.getByTestId('proposal-form-category-error').innerText()).toBe('请选属于哪一类');

    await page.locator('[data-testid="proposal-form-title"] input').fill(TITLE);
    await page.locator('[data-testid="proposal-form-body"] textarea').fill(BODY);
    await page.getByTestId('proposal-category-road').click();
    // The photo as a person picks it: the file chooser of 拍照或选照片.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('proposal-form-photos-file').click({ force: true })]);
    await chooser.setFiles(photoFile());
    await page.getByTestId('proposal-form-photos-count').filter({ hasText: '已传 1 张' }).waitFor();
    await check('proposals-create', 'standard');
    await page.getByTestId('proposal-form-submit').click();
    expect(await page.getByTestId('proposal-form-confirm').innerText()).toContain(`《${TITLE}》`);
    await check('proposals-create-confirm', 'standard');
    await dialogButton('proposal-form-confirm', '确认').click();
    await waitForPageShown(page, 'proposal-page');
    proposalId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(proposalId).not.toBe('');
    expect(await page.getByTestId('proposal-title').innerText()).toBe(TITLE);
    // Until WeChat's check of the photo has come back, the author is told plainly.
    if (await page.getByTestId('proposal-pending-review').isVisible()) {
      expect(await page.getByTestId('proposal-pending-review').innerText()).toContain('内容审核中');
      await check('proposals-pending-review', 'standard');
    }
    // WeChat's verdict on the photo comes back by itself (the fake WeChat downloads it, finds it
    // clean and pushes the result to /api/wechat/push); then the proposal is public.
    await until('raised', 15_000);
    await page.reload();
    await waitForPageShown(page, 'proposal-page');
    expect(await page.getByTestId('proposal-status').innerText()).toBe('提出议题');
    expect(await page.getByTestId('proposal-step-raised').innerText()).toContain('正在办');
    expect(await page.getByTestId('proposal-deadline').innerText()).toMatch(/还剩 \d+ 天/);
    await page.getByTestId('proposal-photos').waitFor();
    await check('proposals-detail-author', 'standard');

    // 长辈版 of the form (empty: the draft went with the submission)
    await open('/packages/proposals/pages/create/index', 'proposal-create-page', 'elder');
    await page.getByTestId('proposal-category-road').waitFor();
    expect(await page.locator('[data-testid="proposal-form-title"] input').inputValue()).toBe('');
    await check('proposals-create', 'elder');
  });

  it('a 户代表 co-signs on the page and the bar moves; more co-sign through the API', async () => {
    const before = await proposal();
    await useSession(householdRep);
    await open('/pages/council/index', 'council-page', 'standard');
    const row = page.getByTestId(`proposal-row-${proposalId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('道路');
    expect(await row.innerText()).toContain(`${before.cosigns} 人附议`);
    await row.scrollIntoViewIfNeeded();
    await check('proposals-council', 'standard');
    await open('/pages/council/index', 'council-page', 'elder');
    await page.getByTestId(`proposal-row-${proposalId}`).scrollIntoViewIfNeeded();
    await check('proposals-council', 'elder');
    await page.getByTestId(`proposal-row-${proposalId}`).click();
    await waitForPageShown(page, 'proposal-page');
    const textBefore = await page.getByTestId('proposal-progress-text').innerText();
    expect(textBefore).toBe(before.progress.text);
    expect(await page.getByTestId('proposal-progress-marker').innerText()).toBe(`1/10（${before.progress.personsNeeded} 人）`);
    await check('proposals-detail', 'elder');

    await page.getByTestId('proposal-cosign-button').click();
    expect(await page.getByTestId('proposal-cosign-confirm').innerText()).toContain('不能撤回');
    await check('proposals-cosign-confirm', 'elder');
    await dialogButton('proposal-cosign-confirm', '确认附议').click();
    await page.getByTestId('proposal-cosigned').waitFor();
    expect(await page.getByTestId('proposal-cosigned').innerText()).toBe('✓ 您已附议');
    const after = await proposal();
    expect(after.progress.persons).toBe(before.progress.persons + 1);
    expect(await page.getByTestId('proposal-progress-text').innerText()).toBe(after.progress.text);
    expect(await page.getByTestId('proposal-progress-text').innerText()).not.toBe(textBefore);
    await check('proposals-cosigned', 'elder');
    await open(`${DETAIL}?id=${proposalId}`, 'proposal-page', 'standard');
    await check('proposals-cosigned', 'standard');

    // Three more villagers co-sign from their phones; co-signing twice changes nothing.
    for (const who of [committee, supervisor, secretary]) await api(`/proposals/${proposalId}/cosign`, { method: 'POST', token: who.accessToken, body: {} });
    const later = await proposal();
    expect(later.progress.persons).toBe(after.progress.persons + 3);
    await useSession(villager);
    await open(`${DETAIL}?id=${proposalId}`, 'proposal-page', 'standard');
    expect(await page.getByTestId('proposal-progress-text').innerText()).toBe(later.progress.text);
  });

  it('the 书记 finds it on 首页 and in the queue, and replies', async () => {
    await useSession(secretary);
    await open('/pages/index/index', 'home-page', 'standard');
    const todo = page.getByTestId('home-proposals-queue');
    await todo.waitFor();
    // Besides the new one, the demo village has one waiting and overdue (节能路灯).
    expect(await todo.innerText()).toMatch(/\d+ 件提议待答复（1 件已超期）/);
    await check('proposals-home-committee', 'standard');
    await todo.click();
    await waitForPageShown(page, 'proposal-queue-page');
    const row = page.getByTestId(`proposal-row-${proposalId}`);
    await row.waitFor();
    expect(await page.getByTestId('proposal-queue-due').innerText()).toMatch(/等待答复（\d+ 条）/);
    expect(await page.getByTestId(`proposal-row-${proposalId}-deadline`).innerText()).toMatch(/还剩 \d+ 天/);
    await check('proposals-queue', 'standard');
    await open('/packages/proposals/pages/queue/index', 'proposal-queue-page', 'elder');
    await page.getByTestId(`proposal-row-${proposalId}`).waitFor();
    await check('proposals-queue', 'elder');
    await page.getByTestId(`proposal-row-${proposalId}`).click();
    await waitForPageShown(page, 'proposal-page');
    await page.getByTestId('proposal-actions').waitFor();
    await page.getByTestId('proposal-actions').scrollIntoViewIfNeeded();
    await check('proposals-detail-committee', 'elder');

    await open(`${DETAIL}?id=${proposalId}`, 'proposal-page', 'standard');
    await page.getByTestId('proposal-actions-reply-button').click();
    await waitForPageShown(page, 'proposal-act-page');
    await page.locator('[data-testid="proposal-act-text"] textarea').fill('两委已经研究：路灯列入 12 月的村务议题，先请电工看现场。');
    await check('proposals-reply', 'standard');
    await page.getByTestId('proposal-act-submit').click();
    await dialogButton('proposal-act-confirm', '确认').click();
    await waitForPageShown(page, 'proposal-page');
    expect(await page.getByTestId('proposal-flash').innerText()).toContain('答复提议：已办好');
    expect(await page.getByTestId('proposal-deadline').innerText()).toBe('✓ 已答复');
    expect(await page.getByTestId('proposal-reply-1').innerText()).toContain('路灯列入 12 月的村务议题');
  });

  it('the 书记 converts it into a matter; the villager sees the matter\'s stage and opens it', async () => {
    await page.getByTestId('proposal-actions-convert-button').click();
    await waitForPageShown(page, 'proposal-act-page');
    await page.getByTestId('proposal-act-type-general').waitFor();
    expect(await page.locator('[data-testid="proposal-act-matter-title"] input').inputValue()).toBe(TITLE);
    await page.getByTestId('proposal-act-type-general').click();
    await page.locator('[data-testid="proposal-act-budget"] input').fill('3000');
    await check('proposals-convert', 'standard');
    await page.getByTestId('proposal-act-submit').click();
    expect(await page.getByTestId('proposal-act-confirm-text').innerText()).toContain('预算 3,000.00 元');
    await dialogButton('proposal-act-confirm', '确认').click();
    await waitForPageShown(page, 'proposal-page');
    await page.getByTestId('proposal-flash').waitFor();
    // The page may show the proposal it had before its reload lands.
    await page.getByTestId('proposal-status').filter({ hasText: '已转为村里大事' }).waitFor();
    expect(await page.getByTestId('proposal-status').innerText()).toBe('已转为村里大事');
    expect(await page.getByTestId('proposal-matter-stage').innerText()).toContain('党组织提议');

    await useSession(villager);
    await open(`${DETAIL}?id=${proposalId}`, 'proposal-page', 'standard');
    expect(await page.getByTestId('proposal-matter-stage').innerText()).toContain('党组织提议');
    await page.getByTestId('proposal-matter').scrollIntoViewIfNeeded();
    await check('proposals-converted', 'standard');
    await open(`${DETAIL}?id=${proposalId}`, 'proposal-page', 'elder');
    await page.getByTestId('proposal-matter').scrollIntoViewIfNeeded();
    await check('proposals-converted', 'elder');
    await page.getByTestId('proposal-matter-link').click();
    await waitForPageShown(page, 'matter-page');
    expect(await page.getByTestId('matter-title').innerText()).toBe(TITLE);
    // …and back: the matter says where it came from.
    await page.getByTestId('matter-from-proposal').click();
    await waitForPageShown(page, 'proposal-page');
    // The proposal page opened first stays below in the stack: the one on show is the last.
    expect(await page.getByTestId('proposal-title').last().innerText()).toBe(TITLE);
  });

  it('the 监委会 is told on 首页 of replies overdue, and follows the queue read-only', async () => {
    await useSession(supervisor);
    await open('/pages/index/index', 'home-page', 'standard');
    const todo = page.getByTestId('home-proposals-queue');
    await todo.waitFor();
    // The demo village's 节能路灯 proposal has waited past its reply deadline.
    expect(await todo.innerText()).toContain('1 件村民提议超期未答复');
    await check('proposals-home-supervisor', 'standard');
    await todo.click();
    await waitForPageShown(page, 'proposal-queue-page');
    await page.locator('[data-testid^="proposal-row-"]').first().waitFor();
    await check('proposals-queue-supervisor', 'standard');
  });

  it('the township sees one card per village and sorts them', async () => {
    await useSession(township);
    await open('/pages/index/index', 'home-page', 'standard');
    await page.getByTestId('home-township-oversight').click();
    await waitForPageShown(page, 'township-oversight-page');
    await page.getByTestId('township-oversight-list').waitFor();
    expect(await page.getByTestId('township-oversight-list').innerText()).toContain('公告知晓率');
    await page.getByTestId('township-oversight-sort-awareness').click();
    expect(await page.getByTestId('township-oversight-sort-awareness').getAttribute('aria-checked')).toBe('true');
    await check('proposals-oversight', 'standard');
    await open('/packages/proposals/pages/oversight/index', 'township-oversight-page', 'elder');
    await page.getByTestId('township-oversight-list').waitFor();
    await check('proposals-oversight', 'elder');
  });
});
