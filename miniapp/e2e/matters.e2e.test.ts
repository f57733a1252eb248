/**
 * 村里大事（四议两公开） in the browser: the H5 build served by the real server (fresh SQLite, demo
 * village), Debian's Chromium at 375 × 667. One matter, as far as the API allows in one day:
 *
 *  1. 书记 (一肩挑) proposes it from the 议事 tab (提出新的大事), amends it and reads the change as
 *     【＋…】【－…】, then registers the 党组织提议 meeting on the page: notice, record with the
 *     sign-in sheet photo and the counts, 计入流程;
 *  2. 两委商议, 党员大会 (paper count confirmed by the 监票人) and the 村民会议 (announced 10 days
 *     ahead) through the API, as the committee would on their phones;
 *  3. during the 决议公示 a villager files an objection; the 监委会成员 gives an opinion that 要求纠正,
 *     the matter shows ⚠ 暂停 with the reason; 书记 answers both; the supervisor lifts it;
 *  4. 开始实施 stays disabled with the reason in words (公示期未满) — the end of what one day allows.
 * Every page is checked with axe-core and the UX.md size floors, and saved in standard and 长辈版
 * to miniapp/artifacts/matters-*.png.
 */
import { addDays, chinaDay, type MatterDetail } from '@village/shared';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
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
let matterId = '';

const DETAIL = '/packages/matters/pages/detail/index';
const TITLE = '村委会至南坪组道路硬化方案';
const BODY = '硬化村委会至南坪组道路 1.2 公里，宽 4.5 米。\n每户筹资 300 元，不足部分由村集体收益解决。\n';









async function matter(token = secretary.accessToken): Promise<MatterDetail> {
  return api<MatterDetail>(`/matters/${matterId}`, { token });
}

const today = () => chinaDay(new Date());

/** Schedules and records a paper-count meeting through the API; returns its id. */
async function paperMeeting(login: LoginAnswer, m: MatterDetail, facts: { purpose: string; body: string; electorate: string; noticeGivenOn: string; turnout: { eligible: number; participated: number }; counts: { for: number; against: number; abstain: number }; tellerResidentId?: string; scrutineerResidentId?: string }, photoId: string): Promise<string> {
  const scheduled = await api<MatterDetail>(`/matters/${m.id}/meetings`, {
    method: 'POST',
    token: login.accessToken,
    body: { purpose: facts.purpose, body: facts.body, electorate: facts.electorate, scheduledAt: new Date().toISOString(), place: '村委会会议室', noticeGivenOn: facts.noticeGivenOn },
  });
  const meetingId = scheduled.meetings[scheduled.meetings.length - 1].id;
  await api(`/matters/${m.id}/meetings/${meetingId}/record`, {
    method: 'POST',
    token: login.accessToken,
    body: {
      heldOn: today(),
      revision: m.currentRevision,
      attendeeResidentIds: [login.me.resident!.id],
      minutes: '会议由书记主持，逐条讨论了方案，表决通过。',
      signInSheetPhotoIds: [photoId],
      signerResidentIds: [login.me.resident!.id],
      count: { kind: 'paper', turnout: facts.turnout, counts: facts.counts, tellerResidentId: facts.tellerResidentId ?? null, scrutineerResidentId: facts.scrutineerResidentId ?? null },
    },
  });
  return meetingId;
}

/** A tiny JPEG (the server checks the content's signature), written once for the file input and the API. */
function photoFile(): string {
  const file = path.join(os.tmpdir(), 'matters-e2e-签到表.jpg');
  if (!fs.existsSync(file)) fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]));
  return file;
}

async function uploadPhoto(login: LoginAnswer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(photoFile())], { type: 'image/jpeg' }), '签到表.jpg');
  const res = await fetch(`${server.baseUrl}/api/matter-files`, { method: 'POST', headers: { authorization: `Bearer ${login.accessToken}` }, body: form });
  if (!res.ok) throw new Error(`upload → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
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
    await page.getByTestId('matter-act-amend').click();
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
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    await page.getByTestId('matter-act-record_branch_meeting').click();
    await waitForPageShown(page, 'matter-meeting-page');
    await page.locator('[data-testid="matter-schedule-when"] input').fill(`${today()} 08:00`);
    await page.locator('[data-testid="matter-schedule-place"] input').fill('村委会会议室');
    await page.locator('[data-testid="matter-schedule-notice"] input').fill(addDays(today(), -1));
    await check('matters-schedule', 'standard');
    await page.getByTestId('matter-schedule-save').click();
    await page.getByTestId('matter-record').waitFor();
    for (const [k, v] of [['eligible', '7'], ['present', '7'], ['for', '7'], ['against', '0'], ['abstain', '0']] as const) {
      await page.locator(`[data-testid="matter-record-${k}"] input`).fill(v);
    }
    const me = secretary.me.resident!;
    await page.locator('[data-testid="matter-record-signers-q"] input').fill(me.name);
    await page.getByTestId('matter-record-signers-search').click();
    await page.getByTestId(`matter-record-signers-option-${me.id}`).click();
    await page.getByTestId('matter-record-photos-file').setInputFiles(photoFile());
    await page.getByTestId('matter-record-photos').getByText('签到表照片 1 张').waitFor();
    await page.locator('[data-testid="matter-record-minutes"] textarea').fill('书记主持，七名两委委员到会，一致同意提出本方案。');
    await check('matters-record', 'standard');
    await page.getByTestId('matter-record-save').click();
    await page.getByTestId('matter-submit').waitFor();
    await page.getByTestId('matter-submit-button').click();
    await dialogButton('matter-submit-confirm', '确认').click();
    await waitForPageShown(page, 'matter-page');
    await page.getByTestId('matter-flash').waitFor();
    await page.getByTestId('matter-step-branch_proposal').filter({ hasText: '已完成' }).waitFor();
    expect(await page.getByTestId('matter-step-committees_deliberation').innerText()).toContain('进行中');
    await check('matters-after-branch', 'standard');
  });

  it('两委商议, 党员大会 and the 村民会议 are recorded (through the API) and the 决议公示 opens', async () => {
    const photo = await uploadPhoto(secretary);
    let m = await matter();
    const committees = await paperMeeting(committee, m, { purpose: 'committees_deliberation', body: 'committee_meeting', electorate: 'committee_members', noticeGivenOn: addDays(today(), -1), turnout: { eligible: 7, participated: 7 }, counts: { for: 7, against: 0, abstain: 0 } }, photo);
    m = await api<MatterDetail>(`/matters/${matterId}/events`, { method: 'POST', token: committee.accessToken, body: { event: { type: 'record_committees_meeting', meetingId: committees }, version: m.version } });
    const party = await paperMeeting(
      secretary,
      m,
      { purpose: 'party_review', body: 'party_assembly', electorate: 'party_members', noticeGivenOn: addDays(today(), -2), turnout: { eligible: 9, participated: 8 }, counts: { for: 7, against: 1, abstain: 0 }, tellerResidentId: committee.me.resident!.id, scrutineerResidentId: supervisor.me.resident!.id },
      photo,
    );
    await api(`/matters/${matterId}/meetings/${party}/confirm-count`, { method: 'POST', token: supervisor.accessToken, body: {} });
    m = await api<MatterDetail>(`/matters/${matterId}/events`, { method: 'POST', token: secretary.accessToken, body: { event: { type: 'record_party_review', meetingId: party }, version: m.version } });
    const assembly = await paperMeeting(
      secretary,
      m,
      { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -10), turnout: { eligible: 80, participated: 60 }, counts: { for: 50, against: 5, abstain: 5 }, tellerResidentId: committee.me.resident!.id, scrutineerResidentId: supervisor.me.resident!.id },
      photo,
    );
    await api(`/matters/${matterId}/meetings/${assembly}/confirm-count`, { method: 'POST', token: supervisor.accessToken, body: {} });
    m = await api<MatterDetail>(`/matters/${matterId}/events`, { method: 'POST', token: secretary.accessToken, body: { event: { type: 'record_assembly_resolution', meetingId: assembly }, version: m.version } });
    expect(m.stage).toBe('resolution_disclosure');

    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    expect(await page.getByTestId('matter-step-assembly_resolution').innerText()).toContain('已完成');
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
    await page.getByTestId('matter-act-file_objection').click();
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

  it('the 监委会成员 requires a correction; the matter shows ⚠ 暂停 with the reason', async () => {
    await useSession(supervisor);
    await open(`${DETAIL}?id=${matterId}`, 'matter-page', 'standard');
    await page.getByTestId('matter-act-add_opinion').click();
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
    for (const [kind, id, text] of [
      ['objection', m.objections[0].id, '五保户、低保户免交，由村集体收益补足。'],
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
      const button = page.getByTestId('matter-act-start_implementation');
      expect(await button.isDisabled()).toBe(true);
      const why = await page.getByTestId('matter-why-start_implementation').innerText();
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
});
