/**
 * 表决 in the browser: the H5 build served by the real server (fresh SQLite, demo village), Debian's
 * Chromium at 375 × 667.
 *
 *  1. 书记 fills 发起表决 (无记名, 一户一票, 计票人 and 监票人 picked from the roster), saves the draft
 *     and publishes it ("开始后名单固定，不能再修改");
 *  2. the household representative finds "有 1 项表决等您投票" first on 首页, opens the ballot, taps
 *     同意, reads "您选择：同意。投票后不能更改。", confirms and gets the receipt code (kept on the phone);
 *  3. the 计票人 (村委会委员) ticks people present at the meeting (the rest through the API, enough for
 *     two thirds of the households) and enters the paper count; the 监票人 (监委会成员) confirms it;
 *  4. 书记 closes the ballot; the representative finds the receipt in the public list
 *     ("您的选票已计入"); a villager sees the result: 通过, the ring, the bars, every step.
 * Every page is checked with axe-core and the UX.md size floors, and saved in standard and 长辈版
 * to miniapp/artifacts/ballots-*.png.
 */
import { RECEIPT_CODE_PATTERN, neededFor, percent, TWO_THIRDS, type BallotDetail, type ElectoratePage } from '@village/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { e2eSession, type LoginAnswer } from './support/session';


let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, largestText, dialogButton } = e2eSession({ server: () => server, page: () => page, name: 'ballots' });
let secretary: LoginAnswer;
let rep: LoginAnswer;
let teller: LoginAnswer;
let scrutineer: LoginAnswer;
let villager: LoginAnswer;
let ballotId = '';
let receipt = '';

const DETAIL = '/packages/ballots/pages/detail/index';
const RESULT = '/packages/ballots/pages/result/index';
const TITLE = '土岭底组至南坪组村道硬化筹资筹劳方案';









async function ballot(token: string): Promise<BallotDetail> {
  return api<BallotDetail>(`/ballots/${ballotId}`, { token });
}

/** Waits until the element shows this text (a flash that replaces an earlier one). */
async function waitForText(testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor();
}


beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  secretary = await signInPersona('secretary');
  rep = await signInPersona('household_rep');
  teller = await signInPersona('committee');
  scrutineer = await signInPersona('supervisor');
  villager = await signInPersona('villager');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('a secret household ballot from start to result', () => {
  it('书记 fills 发起表决 with the 计票人 and 监票人 from the roster, saves the draft and publishes it', async () => {
    await useSession(secretary);
    await open('/pages/council/index', 'council-page', 'standard');
    await page.getByTestId('council-create').click();
    await waitForPageShown(page, 'ballot-edit-page');

    await page.locator('[data-testid="ballot-form-title"] input').fill(TITLE);
    await page.locator('[data-testid="ballot-form-description"] textarea').fill('全长 2.3 公里，宽 4.5 米。每户筹资 300 元，或出工 3 天。');
    expect(await page.getByTestId('ballot-form-rule-text').innerText()).toContain('三分之二以上的户的代表参加');
    for (const [who, login] of [
      ['teller', teller],
      ['scrutineer', scrutineer],
    ] as const) {
      const resident = login.me.resident!;
      await page.getByTestId(`ballot-form-${who}-pick`).click();
      await page.locator(`[data-testid="ballot-form-${who}"] input`).fill(resident.name);
      await page.getByTestId(`ballot-form-${who}-search`).click();
      await page.getByTestId(`ballot-form-${who}-option-${resident.id}`).click();
      expect(await page.getByTestId(`ballot-form-${who}-value`).innerText()).toContain(resident.name);
    }
    await check('ballots-form', 'standard');

    await page.getByTestId('ballot-form-save').click();
    await waitForPageShown(page, 'ballot-page');
    expect(await page.getByTestId('ballot-flash').innerText()).toBe('草稿已保存。发布前还可以修改。');
    ballotId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(ballotId).not.toBe('');
    expect(await page.getByTestId('ballot-draft-note').innerText()).toContain('这是草稿，村民还看不到');
    await check('ballots-draft', 'standard');

    await page.getByTestId('ballot-open').click();
    const dialog = page.getByTestId('ballot-open-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('开始后名单固定，不能再修改。');
    await check('ballots-open-dialog', 'standard');
    await dialogButton('ballot-open-dialog', '确认发布').click();
    await waitForText('ballot-flash', '已发布，表决名单已经固定。');
    const opened = await ballot(secretary.accessToken);
    expect([opened.status, opened.phase, opened.teller?.id, opened.scrutineer?.id]).toEqual(['open', 'voting', teller.me.resident!.id, scrutineer.me.resident!.id]);

    await open(`/packages/ballots/pages/edit/index`, 'ballot-edit-page', 'elder');
    await page.locator('[data-testid="ballot-form-title"] input').fill('（长辈版截图用，不保存）');
    await check('ballots-form', 'elder');
  });

  it('the household representative sees "有 N 项表决等您投票" first, votes 同意 after the confirmation, and gets the receipt', async () => {
    await useSession(rep);
    await page.evaluate(() => localStorage.removeItem('village.ballots.newForm'));
    // The demo village has its own open ballots too (seeded); ours is one of those awaiting this household.
    const awaiting = await api<{ total: number; items: Array<{ id: string }> }>('/ballots?awaitingMe=true', { token: rep.accessToken });
    expect(awaiting.items.map((b) => b.id)).toContain(ballotId);
    await open('/pages/index/index', 'home-page', 'standard');
    const todo = page.getByTestId('home-ballots-awaiting');
    await todo.waitFor();
    expect(await todo.innerText()).toContain(`有 ${awaiting.total} 项表决等您投票`);
    await check('ballots-home', 'standard');
    await todo.click();
    await waitForPageShown(page, 'council-page');
    const mine = page.getByTestId('council-awaiting').getByTestId(`ballot-row-${ballotId}`);
    await mine.waitFor();
    expect(await mine.innerText()).toContain('○ 本户未投票');
    expect(await mine.innerText()).toMatch(/还剩 \d+ 天/);
    await check('ballots-council-todo', 'standard');
    await mine.click();
    await waitForPageShown(page, 'ballot-page');

    for (const mode of ['standard', 'elder'] as const) {
      await open(`${DETAIL}?id=${ballotId}`, 'ballot-page', mode);
      await page.getByTestId('ballot-vote').waitFor();
      expect(await page.getByTestId('ballot-voter').innerText()).toMatch(/^您代表 \d+ 户（.+家）投票$/);
      expect(await page.getByTestId('ballot-countdown').innerText()).toMatch(/^还剩 \d+ 天( \d+ 小时)?（\d+月\d+日 18:00 截止）$/);
      for (const [key, word] of [
        ['for', '同意'],
        ['against', '反对'],
        ['abstain', '弃权'],
      ]) {
        const button = page.getByTestId(`ballot-choice-${key}`);
        expect(await button.innerText()).toContain(word);
        const box = await button.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(mode === 'elder' ? 96 : 72);
      }
      if (mode === 'elder') expect(await largestText()).toBeGreaterThanOrEqual(30);
      await check('ballots-vote', mode);
    }

    await page.getByTestId('ballot-choice-for').click();
    const confirm = page.getByTestId('ballot-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('ballot-confirm-text').innerText()).toBe('您选择：同意。投票后不能更改。');
    await check('ballots-confirm', 'elder');
    await dialogButton('ballot-confirm', '确认投票').click();

    const code = page.getByTestId('ballot-receipt-code');
    await code.waitFor();
    receipt = ((await code.textContent()) ?? '').trim();
    expect(receipt).toMatch(RECEIPT_CODE_PATTERN);
    expect(await page.getByTestId('ballot-voted').innerText()).toContain('已投票');
    const kept = await page.evaluate((id) => localStorage.getItem(`village.ballots.receipt.${id}`), ballotId);
    expect(kept).toContain(receipt);
    await page.getByTestId('ballot-receipt-copy').click();
    await page.getByTestId('ballot-receipt-copied').waitFor();
    await check('ballots-voted', 'elder');
    await open(`${DETAIL}?id=${ballotId}`, 'ballot-page', 'standard');
    expect(await page.getByTestId('ballot-receipt-code').textContent()).toBe(receipt);
    await check('ballots-voted', 'standard');

    // The 议事 tab now says ✓ 已投票 on it; 首页 no longer asks.
    await open('/pages/council/index', 'council-page', 'standard');
    const row = page.getByTestId(`ballot-row-${ballotId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('✓ 本户已投票');
    await check('ballots-council', 'standard');
  });

  it('the 计票人 ticks people present and enters the paper count; the 监票人 confirms it', async () => {
    await useSession(teller);
    await open(`${DETAIL}?id=${ballotId}`, 'ballot-page', 'standard');
    await page.getByTestId('ballot-attendance-link').click();
    await waitForPageShown(page, 'ballot-attendance-page');
    const ticks = page.locator('[data-testid^="ballot-tick-"][aria-disabled="false"]');
    await ticks.first().waitFor();
    await ticks.nth(0).click();
    await ticks.nth(1).click();
    expect(await page.getByTestId('ballot-ticked').innerText()).toBe('已勾选 2 户');
    await check('ballots-attendance', 'standard');
    await page.getByTestId('ballot-attendance-submit').click();
    await page.getByTestId('ballot-attendance-dialog').waitFor();
    await dialogButton('ballot-attendance-dialog', '确认登记').click();
    expect(await page.getByTestId('ballot-attendance-recorded').innerText()).toMatch(/^已登记 2 户到会。现在参与 3\/\d+ 户。$/);

    // The rest of the meeting through the API: enough households for two thirds.
    const now = await ballot(teller.accessToken);
    const eligible = now.participation!.eligible;
    const more = neededFor(eligible, TWO_THIRDS, false) - now.participation!.total;
    const none = await api<ElectoratePage>(`/ballots/${ballotId}/electorate?participation=none&pageSize=100`, { token: teller.accessToken });
    await api(`/ballots/${ballotId}/attendance`, { method: 'POST', token: teller.accessToken, body: { voterKeys: none.items.slice(0, more).map((e) => e.voterKey) } });
    const inPerson = 2 + more;
    await api(`/ballots/${ballotId}/paper-count`, {
      method: 'POST',
      token: teller.accessToken,
      body: { papers: inPerson, counts: { for: inPerson - 8, against: 5, abstain: 2 } },
    });
    await open(`${DETAIL}?id=${ballotId}`, 'ballot-page', 'elder');
    await page.getByTestId('ballot-turnout').waitFor();
    await check('ballots-teller', 'elder');

    await useSession(scrutineer);
    await open(`/packages/ballots/pages/paper/index?id=${ballotId}`, 'ballot-paper-page', 'elder');
    await page.getByTestId('ballot-paper-entry').waitFor();
    expect(await page.getByTestId('ballot-paper-next').innerText()).toContain(`${teller.me.resident!.name} 已录入`);
    await check('ballots-paper', 'elder');
    await page.getByTestId('ballot-paper-confirm').click();
    await dialogButton('ballot-paper-dialog', '确认提交').click();
    expect(await page.getByTestId('ballot-paper-done').innerText()).toContain('已由计票人、监票人共同确认');
    await check('ballots-paper-confirmed', 'standard');
  });

  it('书记 closes the ballot after confirming; the electorate list shows who took part and how', async () => {
    await useSession(secretary);
    await open(`/packages/ballots/pages/electorate/index?id=${ballotId}`, 'ballot-electorate-page', 'standard');
    await page.getByTestId('ballot-electorate-list').waitFor();
    await page.getByTestId('ballot-filter-in_person').click();
    await page.locator('[data-testid^="ballot-voter-"]').first().waitFor();
    expect(await page.locator('[data-testid^="ballot-voter-"]').first().innerText()).toContain('✓ 现场参加');
    await check('ballots-electorate', 'standard');

    await open(`${DETAIL}?id=${ballotId}`, 'ballot-page', 'standard');
    await page.getByTestId('ballot-close').click();
    const dialog = page.getByTestId('ballot-close-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('结束后不能再投票，结果马上算出并公开，以后不能更改。');
    await check('ballots-close-dialog', 'standard');
    await dialogButton('ballot-close-dialog', '确认结束').click();
    await waitForText('ballot-flash', '表决已结束，结果已经算出并公开。');
    await page.getByTestId('ballot-result-link').waitFor();
    expect((await ballot(secretary.accessToken)).result?.outcome).toBe('passed');
  });

  it('the representative finds the receipt in the public list: 您的选票已计入', async () => {
    await useSession(rep);
    await open(`${RESULT}?id=${ballotId}`, 'ballot-result-page', 'standard');
    const found = page.getByTestId('ballot-receipt-found');
    await found.waitFor();
    expect(await found.innerText()).toContain('✓ 您的选票已计入');
    expect(await found.innerText()).toContain(`${receipt}　所投：同意`);
    expect(await page.getByTestId('ballot-receipt-row-mine').innerText()).toContain(receipt);
    await page.getByTestId('ballot-receipts').scrollIntoViewIfNeeded();
    await check('ballots-receipts', 'standard');
  });

  it('a villager sees the result: 通过 in big words, the ring against the quorum line, the bars and every step', async () => {
    await useSession(villager);
    await page.evaluate((id) => localStorage.removeItem(`village.ballots.receipt.${id}`), ballotId);
    const result = (await ballot(villager.accessToken)).result!;
    for (const mode of ['standard', 'elder'] as const) {
      await open(`${RESULT}?id=${ballotId}`, 'ballot-result-page', mode);
      await page.getByTestId('ballot-outcome').waitFor();
      expect(await page.getByTestId('ballot-outcome-word').innerText()).toBe('通过');
      expect(await page.getByTestId('ballot-outcome-explanation').innerText()).toBe(result.explanation);
      expect(await page.getByTestId('ballot-ring-percent').innerText()).toBe(`${percent(result.participation.total, result.participation.eligible)}%`);
      expect(await page.getByTestId('ballot-ring').innerText()).toContain('法定人数：达到三分之二');
      expect(await page.getByTestId('ballot-quorum-verdict').innerText()).toBe('✓ 参与人数够了');
      const forCount = result.counts.find((c) => c.key === 'for')!;
      expect(await page.getByTestId('ballot-bar-for').innerText()).toContain(`${forCount.total} 户（${percent(forCount.total, result.participation.total)}%）`);
      expect(await page.getByTestId('ballot-steps').innerText()).toContain('结论：通过');
      // The ring's two halves really turn: more than half took part, so the left half is drawn too.
      expect(await page.locator('.ballot-ring__disc--left').count()).toBe(1);
      if (mode === 'elder') expect(await largestText()).toBeGreaterThanOrEqual(30);
      await check('ballots-result', mode);
    }
    await open('/pages/council/index', 'council-page', 'elder');
    const row = page.getByTestId(`ballot-row-${ballotId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('结果：通过');
    await check('ballots-council', 'elder');
  });
});

describe('投票明细 of a 记名 ballot', () => {
  it('the 监委会 opens who-chose-what from the ballot page (both modes)', async () => {
    const list = await api<{ items: Array<{ id: string; title: string; secrecy: string; status: string }> }>('/ballots?status=open&pageSize=50', { token: scrutineer.accessToken });
    const named = list.items.find((b) => b.secrecy === 'open' && b.title.includes('入户巷道'));
    expect(named).toBeDefined();
    const votes = await api<{ total: number; items: Array<{ voterKey: string; label: string }> }>(`/ballots/${named!.id}/votes`, { token: scrutineer.accessToken });
    expect(votes.total).toBeGreaterThan(0);
    await useSession(scrutineer);
    await open(`/packages/ballots/pages/detail/index?id=${named!.id}`, 'ballot-page', 'standard');
    await page.getByTestId('ballot-votes-link').click();
    await waitForPageShown(page, 'ballot-votes-page');
    const first = page.getByTestId(`ballot-vote-${votes.items[0].voterKey}`);
    await first.waitFor();
    expect(await first.innerText()).toContain(votes.items[0].label);
    expect(await first.innerText()).toMatch(/投了：(同意|反对|弃权)/);
    await check('ballots-votes', 'standard');
    await open(`/packages/ballots/pages/votes/index?id=${named!.id}`, 'ballot-votes-page', 'elder');
    await page.getByTestId('ballot-votes-list').waitFor();
    await check('ballots-votes', 'elder');
  });
});
