/**
 * 村里大事（四议两公开） in the browser: the H5 build served by the real server (fresh SQLite, demo
 * village), Debian's Chromium at 375 × 667. One matter from proposal to archive, across roles:
 *
 *  1. 书记 (一肩挑) proposes it from the 议事 tab (提出新的大事), amends it and reads the change as
 *     【＋…】【－…】, then registers the 党组织提议 meeting on the page: notice, record with the
 *     sign-in sheet photo and the counts, 计入流程; a 村委会委员 does the same for 两委商议;
 *  2. the 党员大会 and the 村民会议 are counted on paper: a party member (bound with a binding code
 *     from the 书记) is the 监票人 and confirms the count on 核对计票; a 村民代表 is the 村民会议's
 *     监票人, finds a wrong number, corrects it and confirms; 书记 计入流程 and the 决议公示 opens;
 *  3. during the 决议公示 a villager files an objection, a 户代表's objection waits for content review
 *     and 书记 makes it public; the 监委会成员 gives an opinion that 要求纠正, the matter shows ⚠ 暂停
 *     with the reason; 书记 answers everything; the supervisor lifts it;
 *  4. 开始实施 stays disabled with the reason in words (公示期未满); then the server is restarted with
 *     its clock 8 days on (CLOCK_OFFSET_DAYS, and the browser's clock with it): 书记 starts the
 *     implementation, the 村委会委员 reports progress, 书记 the result, the supervisor signs it off,
 *     书记 publishes it; 8 more days and 书记 archives it; the villager finds it among 已办完的大事.
 * Every page is checked with axe-core and the UX.md size floors, and saved in standard and 长辈版
 * to miniapp/artifacts/matters-*.png.
 */
import { addDays, chinaDay, type MatterDetail } from '@village/shared';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { matterScripts, photoFile } from './support/matters';
import { e2eSession, type LoginAnswer } from './support/session';


let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, dialogButton } = e2eSession({ server: () => server, page: () => page, name: 'matters' });
let secretary: LoginAnswer;
let committee: LoginAnswer;
let supervisor: LoginAnswer;
let villager: LoginAnswer;
let householdRep: LoginAnswer;
/** Signed in with binding codes, as a village would: a party member and a 村民代表 without office. */
let partyMember: LoginAnswer;
let representative: LoginAnswer;
let matterId = '';
/** Days the server's (and the browser's) clock has been moved on. */
let daysOn = 0;

const DETAIL = '/packages/matters/pages/detail/index';
const TITLE = '村委会至南坪组道路硬化方案';
const BODY = '硬化村委会至南坪组道路 1.2 公里，宽 4.5 米。\n每户筹资 300 元，不足部分由村集体收益解决。\n';

async function matter(token = secretary.accessToken): Promise<MatterDetail> {
  return api<MatterDetail>(`/matters/${matterId}`, { token });
}

const today = () => chinaDay(new Date(Date.now() + daysOn * 86_400_000));
const { uploadPhoto, paperMeeting } = matterScripts({ server: () => server, api, today });

/** The meeting page as the clerk fills it in: notice, record (counts, signer, photo, minutes), 计入流程. */
async function meetingOnPage(login: LoginAnswer, event: string, minutes: string, screenshots: boolean): Promise<void> {
  await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
  await page.getByTestId(`matter-actions-${event}-button`).click();
  await waitForPageShown(page, 'matter-meeting-page');
  await page.getByTestId('matter-schedule-when-day').fill(today());
  await page.getByTestId('matter-schedule-when-time').fill('08:00');
  await page.locator('[data-testid="matter-schedule-place"] input').fill('村委会会议室');
  await page.getByTestId('matter-schedule-notice-day').fill(addDays(today(), -1));
  if (screenshots) await check('matters-schedule', 'standard');
  await page.getByTestId('matter-schedule-save').click();
  await page.getByTestId('matter-record').waitFor();
  for (const [k, v] of [['eligible', '7'], ['present', '7'], ['for', '7'], ['against', '0'], ['abstain', '0']] as const) {
    await page.locator(`[data-testid="matter-record-${k}"] input`).fill(v);
  }
  const me = login.me.resident!;
  await page.locator('[data-testid="matter-record-signers-q"] input').fill(me.name);
  await page.getByTestId('matter-record-signers-search').click();
  await page.getByTestId(`matter-record-signers-option-${me.id}`).click();
  await page.getByTestId('matter-record-photos-file').setInputFiles(photoFile());
  await page.getByTestId('matter-record-photos-count').filter({ hasText: '已传 1 张' }).waitFor();
  await page.locator('[data-testid="matter-record-minutes"] textarea').fill(minutes);
  if (screenshots) await check('matters-record', 'standard');
  await page.getByTestId('matter-record-save').click();
  await page.getByTestId('matter-submit').waitFor();
  await page.getByTestId('matter-submit-button').click();
  await dialogButton('matter-submit-confirm', '确认').click();
  await waitForPageShown(page, 'matter-page');
  await page.getByTestId('matter-flash').waitFor();
}

/** A meeting recorded (and its count confirmed) is put into the workflow from its page: 计入流程. */
async function submitOnPage(event: string): Promise<void> {
  await open(`/packages/matters/pages/meeting/index?id=${matterId}&event=${event}`, 'matter-meeting-page', 'standard');
  await page.getByTestId('matter-submit-button').click();
  await dialogButton('matter-submit-confirm', '确认').click();
  await waitForPageShown(page, 'matter-page');
  await page.getByTestId('matter-flash').waitFor();
}

/** A one-form act from the matter page: its button, the form, 确认, back on the matter with 已办好. */
async function act(event: string, fill: () => Promise<void>): Promise<void> {
  await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
  await page.getByTestId(`matter-actions-${event}-button`).click();
  await waitForPageShown(page, 'matter-act-page');
  await fill();
  await page.getByTestId('matter-act-submit').click();
  await dialogButton('matter-act-confirm', '确认').click();
  await waitForPageShown(page, 'matter-page');
  await page.getByTestId('matter-flash').waitFor();
}

/**
 * A villager signs in the real way: the 书记 issues a binding code for them, a new
 * WeChat account enters it.
 */
async function bindResident(filter: Record<string, string>): Promise<LoginAnswer> {
  const taken = new Set([secretary, committee, supervisor, villager, householdRep, partyMember, representative].map((l) => l?.me.resident?.id));
  const list = await api<{ items: { id: string; name: string }[] }>(`/roster/residents?${new URLSearchParams({ ...filter, pageSize: '50' })}`, { token: secretary.accessToken });
  const resident = [...list.items].reverse().find((r) => !taken.has(r.id));
  if (!resident) throw new Error(`no free resident for ${JSON.stringify(filter)}`);
  const { code } = await api<{ code: string }>(`/residents/${resident.id}/binding-codes`, { method: 'POST', token: secretary.accessToken });
  const login = await signInPersona('new');
  const me = await api<LoginAnswer['me']>('/me/binding', { method: 'POST', token: login.accessToken, body: { code } });
  return { ...login, me };
}

/**
 * Moves the server's clock `days` on from now (restarting it on the same database) and the
 * browser's with it; sessions are signed in again, as people would the next week.
 */
async function liveUntil(days: number): Promise<void> {
  daysOn = days;
  await server.restart({ CLOCK_OFFSET_DAYS: String(days) });
  await page.clock.setSystemTime(new Date(Date.now() + days * 86_400_000));
  [secretary, committee, supervisor, villager] = [await signInPersona('secretary'), await signInPersona('committee'), await signInPersona('supervisor'), await signInPersona('villager')];
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
  secretary = await signInPersona('secretary');
  committee = await signInPersona('committee');
  supervisor = await signInPersona('supervisor');
  villager = await signInPersona('villager');
  householdRep = await signInPersona('household_rep');
  partyMember = await bindResident({ isPartyMember: 'true' });
  representative = await bindResident({ isVillagerRep: 'true' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('one matter through the 四议两公开, across roles', () => {
  it('书记 proposes it from the 议事 tab', async () => {
    await useSession(secretary);
    await open('/pages/council/index', 'council-page', 'standard');
    await page.getByTestId('council-matters').waitFor();
    await page.getByTestId('council-matter-create').click();
    await waitForPageShown(page, 'matter-edit-page');
    await page.getByTestId('matter-type-general').click();
    await page.locator('[data-testid="matter-form-title"] input').fill(TITLE);
    await page.locator('[data-testid="matter-form-body"] textarea').fill(BODY);
    await page.locator('[data-testid="matter-form-budget"] input').fill('360000');
    await check('matters-create', 'standard');
    await page.getByTestId('matter-form-submit').click();
    expect(await page.getByTestId('matter-form-confirm').innerText()).toContain('提交后就是第一稿');
    await dialogButton('matter-form-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    matterId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(matterId).not.toBe('');
    expect(await page.getByTestId('matter-title').innerText()).toBe(TITLE);
    expect(await page.getByTestId('matter-budget').innerText()).toBe('预算（筹资）金额：360,000.00 元');
    expect(await page.getByTestId('matter-step-branch_proposal').innerText()).toContain('进行中');
    await check('matters-proposed', 'standard');
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'elder');
    await check('matters-proposed', 'elder');
  });

  it('书记 amends the text and reads what changed in words', async () => {
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    await page.getByTestId('matter-actions-amend-button').click();
    await waitForPageShown(page, 'matter-edit-page');
    await page.locator('[data-testid="matter-form-body"] textarea').fill(BODY.replace('300 元', '200 元'));
    await page.locator('[data-testid="matter-form-budget"] input').fill('340000');
    expect(await page.getByTestId('matter-preview-body').innerText()).toContain('【－3】【＋2】');
    expect(await page.getByTestId('matter-preview-budget').innerText()).toBe('金额：由 360,000.00 元 改为 340,000.00 元');
    await page.locator('[data-testid="matter-form-note"] textarea').fill('根据群众意见，每户筹资由 300 元降为 200 元');
    await check('matters-amend', 'standard');
    await page.getByTestId('matter-form-submit').click();
    await dialogButton('matter-form-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-flash').waitFor();
    await page.getByTestId('matter-revision-2-toggle').click();
    expect(await page.getByTestId('matter-diff-2-body').innerText()).toContain('【－3】【＋2】');
    await page.getByTestId('matter-revision-2').scrollIntoViewIfNeeded();
    await check('matters-diff', 'standard');
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'elder');
    await page.getByTestId('matter-revision-2-toggle').click();
    await page.getByTestId('matter-revision-2').scrollIntoViewIfNeeded();
    await check('matters-diff', 'elder');
  });

  it('书记 registers the 党组织提议 meeting on the page: notice, record with the photo, 计入流程', async () => {
    await open(`/packages/matters/pages/meeting/index?id=${matterId}&event=record_branch_meeting`, 'matter-meeting-page', 'elder');
    await page.getByTestId('matter-schedule').waitFor();
    await check('matters-schedule', 'elder');
    await meetingOnPage(secretary, 'record_branch_meeting', '书记主持，七名两委委员到会，一致同意提出本方案。', true);
    await page.getByTestId('matter-step-branch_proposal').filter({ hasText: '已完成' }).waitFor();
    expect(await page.getByTestId('matter-step-committees_deliberation').innerText()).toContain('进行中');
    await check('matters-after-branch', 'standard');
  });

  it('a 村委会委员 registers the 两委商议 the same way', async () => {
    await useSession(committee);
    await meetingOnPage(committee, 'record_committees_meeting', '两委联席会议逐条商议，同意提交党员大会审议。', false);
    await page.getByTestId('matter-step-committees_deliberation').filter({ hasText: '已完成' }).waitFor();
    expect(await page.getByTestId('matter-step-party_review').innerText()).toContain('进行中');
  });

  it('the 党员大会 is counted on paper; the party member who is 监票人 confirms it on 核对计票', async () => {
    const photo = await uploadPhoto(secretary);
    const party = await paperMeeting(
      secretary,
      await matter(),
      { purpose: 'party_review', body: 'party_assembly', electorate: 'party_members', noticeGivenOn: addDays(today(), -2), turnout: { eligible: 15, participated: 13 }, counts: { for: 12, against: 1, abstain: 0 }, tellerResidentId: committee.me.resident!.id, scrutineerResidentId: partyMember.me.resident!.id },
      photo,
    );
    // Until the 监票人 confirms, 计入流程 is refused with the reason.
    await useSession(secretary);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    expect(await page.getByTestId(`matter-meeting-${party}`).innerText()).toContain('纸质计票还没有经监票人确认');

    await useSession(partyMember);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    expect(await page.getByTestId(`matter-count-todo-${party}`).innerText()).toContain('您是党员大会的监票人，请核对票数');
    await check('matters-count-todo', 'standard');
    await page.getByTestId(`matter-count-go-${party}`).click();
    await waitForPageShown(page, 'matter-count-page');
    expect(await page.getByTestId('matter-count-for').innerText()).toBe('同意　12 票');
    await check('matters-count', 'standard');
    await open(`/packages/matters/pages/count/index?id=${matterId}&meeting=${party}`, 'matter-count-page', 'elder');
    await check('matters-count', 'elder');
    await page.getByTestId('matter-count-confirm').click();
    await check('matters-count-confirm', 'elder');
    await dialogButton('matter-count-dialog', '确认').click();
    await waitForPageShown(page, 'matter-page');
    expect(await page.getByTestId('matter-flash').innerText()).toContain('计票已确认');
    expect(await page.getByTestId(`matter-meeting-${party}`).innerText()).not.toContain('还没有经监票人确认');

    await useSession(secretary);
    await submitOnPage('record_party_review');
    await page.getByTestId('matter-step-party_review').filter({ hasText: '已完成' }).waitFor();
  });

  it('the 村民会议 (announced 10 days ahead): the 村民代表 who is 监票人 corrects a number, then confirms; the 决议公示 opens', async () => {
    const photo = await uploadPhoto(secretary);
    const assembly = await paperMeeting(
      secretary,
      await matter(),
      { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -10), turnout: { eligible: 80, participated: 60 }, counts: { for: 50, against: 5, abstain: 5 }, tellerResidentId: committee.me.resident!.id, scrutineerResidentId: representative.me.resident!.id },
      photo,
    );
    await useSession(representative);
    await open(`/packages/matters/pages/count/index?id=${matterId}&meeting=${assembly}`, 'matter-count-page', 'standard');
    await page.getByTestId('matter-count-correct').click();
    for (const [k, v] of [['for', '49'], ['against', '6'], ['abstain', '5']] as const) {
      await page.locator(`[data-testid="matter-count-input-${k}"] input`).fill(v);
    }
    await check('matters-count-correct', 'standard');
    await page.getByTestId('matter-count-submit').click();
    expect(await page.getByTestId('matter-count-dialog').innerText()).toContain('同意　49 票');
    await dialogButton('matter-count-dialog', '确认').click();
    // The corrected numbers stand and wait for the scrutineer's own confirmation.
    await page.getByTestId('matter-count-for').filter({ hasText: '同意　49 票' }).waitFor();
    await page.getByTestId('matter-count-confirm').click();
    await dialogButton('matter-count-dialog', '确认').click();
    await waitForPageShown(page, 'matter-page');

    await useSession(secretary);
    await submitOnPage('record_assembly_resolution');
    await page.getByTestId('matter-step-assembly_resolution').filter({ hasText: '已完成' }).waitFor();
    const m = await matter();
    expect(m.stage).toBe('resolution_disclosure');
    expect(m.meetings.find((x) => x.id === assembly)?.counts).toEqual({ for: 49, against: 6, abstain: 5 });
    await check('matters-disclosure', 'standard');
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'elder');
    await check('matters-disclosure', 'elder');
  });

  it('a villager files an objection during the 决议公示', async () => {
    await useSession(villager);
    await open('/pages/council/index', 'council-page', 'standard');
    const row = page.getByTestId(`matter-row-${matterId}`).first();
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await check('matters-council', 'standard');
    await row.click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-actions-file_objection-button').click();
    await waitForPageShown(page, 'matter-act-page');
    await page.locator('[data-testid="matter-act-text"] textarea').fill('五保户和低保户也要交 200 元吗？');
    await check('matters-objection', 'standard');
    await page.getByTestId('matter-act-submit').click();
    expect(await page.getByTestId('matter-act-confirm-text').innerText()).toBe('提交后，异议会公开，两委要答复。');
    await check('matters-objection-confirm', 'standard');
    await dialogButton('matter-act-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-flash').waitFor();
    expect(await page.getByTestId('matter-objections').innerText()).toContain('五保户和低保户');
    await open(`/packages/matters/pages/act/index?id=${matterId}&event=file_objection`, 'matter-act-page', 'elder');
    await check('matters-objection', 'elder');
  });

  it('an objection from a 户代表 waits for content review; 书记 reads it and makes it public', async () => {
    await api(`/matters/${matterId}/objections`, { method: 'POST', token: householdRep.accessToken, body: { text: '【待审】修路占了我家的菜地，补偿怎么算？' } });
    await useSession(villager);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    expect(await page.getByTestId('matter-objections').innerText()).toContain('（内容审核中）');
    expect(await page.getByTestId('matter-objections').innerText()).not.toContain('菜地');

    await useSession(secretary);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    const pending = (await matter()).objections.find((o) => o.status === 'pending_review')!;
    const review = page.getByTestId(`matter-review-${pending.id}`);
    await review.scrollIntoViewIfNeeded();
    expect(await review.innerText()).toContain('这条异议等您审核');
    await check('matters-review', 'standard');
    await page.getByTestId(`matter-review-release-${pending.id}`).click();
    await dialogButton(`matter-review-dialog-${pending.id}`, '确认').click();
    await page.getByTestId(`matter-answer-objection-${pending.id}`).waitFor();
    expect(await page.getByTestId(`matter-objection-${pending.id}`).innerText()).toContain('等待答复');

    await useSession(villager);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    expect(await page.getByTestId('matter-objections').innerText()).toContain('菜地');
  });

  it('the 监委会成员 requires a correction; the matter shows ⚠ 暂停 with the reason', async () => {
    await useSession(supervisor);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    await page.getByTestId('matter-actions-add_opinion-button').click();
    await waitForPageShown(page, 'matter-act-page');
    await page.locator('[data-testid="matter-act-text"] textarea').fill('筹资方案没有写明困难户怎样减免，请补充后再实施。');
    await page.getByTestId('matter-act-block').click();
    await check('matters-opinion', 'standard');
    await page.getByTestId('matter-act-submit').click();
    await dialogButton('matter-act-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-flash').waitFor();
    expect(await page.getByTestId('matter-header').innerText()).toContain('⚠ 暂停');
    expect(await page.getByTestId('matter-step-resolution_disclosure').innerText()).toContain('为什么停下');
    await check('matters-blocked', 'standard');
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'elder');
    await check('matters-blocked', 'elder');
    await page.getByTestId('matter-step-resolution_disclosure').scrollIntoViewIfNeeded();
    await check('matters-blocked-step', 'elder');
    await page.getByTestId('matter-opinions').scrollIntoViewIfNeeded();
    await check('matters-opinions', 'elder');
  });

  it('书记 answers the objection and the opinion; the supervisor lifts the demand', async () => {
    const m = await matter();
    await useSession(secretary);
    const objection = (text: string) => m.objections.find((o) => o.text.includes(text))!.id;
    for (const [kind, id, text] of [
      ['objection', objection('五保户'), '五保户、低保户免交，由村集体收益补足。'],
      ['objection', objection('菜地'), '占用的菜地按每平方米 30 元补偿，由施工方承担。'],
      ['opinion', m.opinions[0].id, '已在方案中补充困难户减免办法。'],
    ] as const) {
      await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
      await page.getByTestId(`matter-answer-${kind}-${id}`).click();
      await waitForPageShown(page, 'matter-act-page');
      await page.locator('[data-testid="matter-act-text"] textarea').fill(text);
      await page.getByTestId('matter-act-submit').click();
      await dialogButton('matter-act-confirm', '确认').click();
      await waitForPageShown(page, 'matter-page');
      await page.getByTestId('matter-flash').waitFor();
    }
    await useSession(supervisor);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    await page.getByTestId(`matter-lift-opinion-${m.opinions[0].id}`).click();
    await waitForPageShown(page, 'matter-act-page');
    await page.getByTestId('matter-act-submit').click();
    await dialogButton('matter-act-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-flash').waitFor();
    expect(await page.getByTestId(`matter-opinion-${m.opinions[0].id}`).innerText()).toContain('✓ 已解除');
  });

  it('开始实施 stays disabled with the reason in words until the 公示期 is over', async () => {
    await useSession(secretary);
    for (const mode of ['standard', 'elder'] as const) {
      await open(`${DETAIL}?id=${matterId}`, 'matter-page', mode);
      const button = page.getByTestId('matter-actions-start_implementation-button');
      expect(await button.isDisabled()).toBe(true);
      const why = await page.getByTestId('matter-actions-start_implementation-why').innerText();
      expect(why).toContain('现在不能办，因为');
      expect(why).toMatch(/公示/);
      // With the objection answered and the demand lifted, only time is left: waiting, not a stop.
      expect(await page.getByTestId('matter-step-resolution_disclosure').innerText()).toContain('公示中');
      expect(await page.getByTestId('matter-step-resolution_disclosure').innerText()).toContain('还要等');
      expect(await page.getByTestId('matter-header').innerText()).not.toContain('暂停');
      await page.getByTestId('matter-actions').scrollIntoViewIfNeeded();
      await check('matters-wait', mode);
    }
  });

  it('8 days on, the 公示期 is over: 书记 starts the implementation on the page', async () => {
    await liveUntil(8);
    await useSession(secretary);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    // The window ran its length: nothing left to wait for, and 开始实施 is open.
    expect(await page.getByTestId('matter-step-resolution_disclosure').innerText()).not.toContain('还要等');
    expect(await page.getByTestId('matter-disclosures').innerText()).toContain('公示期已满');
    expect(await page.getByTestId('matter-actions-start_implementation-button').isDisabled()).toBe(false);
    await page.getByTestId('matter-actions-start_implementation-button').click();
    await waitForPageShown(page, 'matter-act-page');
    const boss = committee.me.resident!;
    await page.locator('[data-testid="matter-act-responsible-q"] input').fill(boss.name);
    await page.getByTestId('matter-act-responsible-search').click();
    await page.getByTestId(`matter-act-responsible-option-${boss.id}`).click();
    expect(await page.getByTestId('matter-act-start-day').inputValue()).toBe(today());
    await page.getByTestId('matter-act-end-day').fill(addDays(today(), 90));
    await check('matters-start', 'standard');
    await page.getByTestId('matter-act-submit').click();
    await dialogButton('matter-act-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-flash').waitFor();
    expect(await page.getByTestId('matter-step-implementation').innerText()).toContain('进行中');
    expect(await page.getByTestId('matter-implementation').innerText()).toContain(`负责人：${boss.name}`);
  });

  it('the responsible 村委会委员 reports progress, 书记 the result, the supervisor signs it off, 书记 publishes it', async () => {
    await useSession(committee);
    await act('report_progress', async () => {
      await page.locator('[data-testid="matter-act-text"] textarea').fill('路基已平整 0.6 公里，开始铺设水稳层。');
      await page.locator('[data-testid="matter-act-amount"] input').fill('150000');
      await page.getByTestId('matter-act-photos-file').setInputFiles(photoFile());
      await page.getByTestId('matter-act-photos-count').filter({ hasText: '已传 1 张' }).waitFor();
    });
    expect(await page.getByTestId('matter-implementation').innerText()).toContain('路基已平整');
    const progress = (await matter()).implementation!.progress[0];
    expect(progress.photos).toHaveLength(1);
    await page.getByTestId(`matter-progress-${progress.id}-photos`).scrollIntoViewIfNeeded();
    await check('matters-progress', 'standard');

    await useSession(secretary);
    await act('report_result', async () => {
      await page.locator('[data-testid="matter-act-text"] textarea').fill('道路硬化 1.2 公里全部完工，经村民代表验收合格。');
      await page.locator('[data-testid="matter-act-amount"] input').fill('332000');
    });
    await useSession(supervisor);
    await act('sign_off_result', async () => {
      await page.locator('[data-testid="matter-act-text"] textarea').fill('账目与票据相符。');
    });
    await useSession(secretary);
    await act('publish_result', async () => undefined);
    expect(await page.getByTestId('matter-step-result_disclosure').innerText()).toContain('公示中');
    await check('matters-result-disclosure', 'standard');
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'elder');
    await page.getByTestId('matter-implementation').scrollIntoViewIfNeeded();
    await check('matters-implementation', 'elder');
  });

  it('8 more days: 书记 archives it, and the villager finds it among 已办完的大事', async () => {
    await liveUntil(16);
    await useSession(secretary);
    await act('archive', async () => undefined);
    expect(await page.getByTestId('matter-header').innerText()).toContain('已归档');
    await useSession(villager);
    await open('/pages/council/index', 'council-page', 'standard');
    await page.getByTestId('council-show-archived-matters').click();
    await page.getByTestId('council-matters-archived').waitFor();
    const row = page.getByTestId(`matter-row-${matterId}`).first();
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await check('matters-archived', 'standard');
    await row.click();
    await waitForPageShown(page, 'matter-page');
    for (const stage of ['branch_proposal', 'committees_deliberation', 'party_review', 'assembly_resolution', 'resolution_disclosure', 'implementation', 'result_disclosure']) {
      expect(await page.getByTestId(`matter-step-${stage}`).innerText()).toContain('已完成');
    }
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'elder');
    await check('matters-archived-detail', 'elder');
    const verdict = await api<{ ok: boolean; problem: unknown }>('/audit/verify', { token: supervisor.accessToken });
    expect(verdict).toMatchObject({ ok: true, problem: null });
  });
});
