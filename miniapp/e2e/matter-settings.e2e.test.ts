/**
 * 议事设置 in the browser: the H5 build served by the real server (fresh SQLite, demo village),
 * Debian's Chromium at 375 × 667.
 *
 *  1. 书记 opens 议事设置 from the 议事 tab: four rows, each with what is set now in one line;
 *  2. adds a village type (农田水利) and finds it in the list; the statutory ones say why they stay;
 *  3. changes the 公示期 to 10 days, and the hub says so;
 *  4. registers the representatives' petition for a 村民代表会议 and sees the obligation with its
 *     deadline; the 授权 page offers the passed 村民会议 to choose from;
 *  5. the 乡镇干部 reaches the obligations from the 首页 and sees it under the village (read-only);
 *  6. a 监委会成员 reads the settings without a way to change them; a villager is not offered them.
 * Every page is checked with axe-core and the UX.md size floors, and saved in standard and 长辈版
 * to miniapp/artifacts/matter-settings-*.png.
 */
import { chinaDay, type AssemblyAuthorizationView, type ProposalSettings } from '@village/shared';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { matterScripts } from './support/matters';
import { e2eSession, type LoginAnswer } from './support/session';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const { api, signInPersona, useSession, open, check, dialogButton, largestText } = e2eSession({ server: () => server, page: () => page, name: 'matter-settings' });
const { resolvedByVillagers } = matterScripts({ server: () => server, api, today: () => chinaDay(new Date()) });
let secretary: LoginAnswer;
let committee: LoginAnswer;
let supervisor: LoginAnswer;
let villager: LoginAnswer;
let township: LoginAnswer;

const HUB = '/packages/matters/pages/settings/index';
const TYPES = '/packages/matters/pages/types/index';
const POLICY = '/packages/matters/pages/policy/index';
const AUTHS = '/packages/matters/pages/authorizations/index';
const OBLIGATIONS = '/packages/matters/pages/obligations/index';
const SUBJECT = '讨论南坪组灌溉水渠维修和用水分配';

function photoFile(): string {
  const file = path.join(os.tmpdir(), 'matter-settings-e2e-提议书.jpg');
  if (!fs.existsSync(file)) fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]));
  return file;
}

async function checkBoth(name: string, url: string, testId: string): Promise<void> {
  await open(url, testId, 'standard');
  await check(name, 'standard');
  await open(url, testId, 'elder');
  await check(name, 'elder');
  expect(await largestText()).toBeGreaterThanOrEqual(30);
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
  township = await signInPersona('township');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('议事设置, across roles', () => {
  it('书记 opens 议事设置 from the 议事 tab and reads each setting in one line', async () => {
    await useSession(secretary, { clear: true });
    await open('/pages/council/index', 'council-page', 'standard');
    await page.getByTestId('council-matter-settings').click();
    await waitForPageShown(page, 'matter-settings-page');
    await page.getByTestId('settings-rows').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="settings-obligations-summary"]')?.textContent?.includes('正在读取'));
    expect(await page.getByTestId('settings-types-summary').innerText()).toBe('法定 11 类，本村还没有自设类型');
    expect(await page.getByTestId('settings-policy-summary').innerText()).toBe('公示 7 天，村民会议提前 10 天通知');
    expect(await page.getByTestId('settings-authorizations-summary').innerText()).toBe('现在没有有效的授权');
    expect(await page.getByTestId('settings-obligations-summary').innerText()).toBe('✓ 没有待召开的会议');
    expect(await page.getByTestId('settings-readonly').count()).toBe(0);
    await check('matter-settings-hub', 'standard');
    await open(HUB, 'matter-settings-page', 'elder');
    await page.waitForFunction(() => !document.querySelector('[data-testid="settings-obligations-summary"]')?.textContent?.includes('正在读取'));
    await check('matter-settings-hub', 'elder');
  });

  it('书记 adds a village type and sees it; the statutory ones say why they cannot go', async () => {
    await open(TYPES, 'matter-types-page', 'standard');
    await page.getByTestId('types-statutory').waitFor();
    expect(await page.getByTestId('types-statutory-why').innerText()).toContain('第二十四条');
    expect(await page.getByTestId('type-lost_work_subsidy').innerText()).toContain('法定');
    expect(await page.locator('[data-testid^="types-disable-lost_work_subsidy"]').count()).toBe(0);
    await page.getByTestId('types-add-open').click();
    // nothing chosen yet: the problems are said beside the fields
    await page.getByTestId('types-add-submit').click();
    expect(await page.getByTestId('types-add-name-error').innerText()).toBe('请填写类型名称');
    expect(await page.getByTestId('types-add-mode-error').innerText()).toBe('请选择由谁决定');
    await page.locator('[data-testid="types-add-name"] input').fill('农田水利');
    await page.locator('[data-testid="types-add-description"] textarea').fill('水渠、机耕道的修建和维护');
    await page.getByTestId('types-add-mode-either').click();
    await check('matter-settings-types-add', 'standard');
    await page.getByTestId('types-add-submit').click();
    expect(await page.getByTestId('types-confirm').innerText()).toContain('村民会议或村民代表会议均可决定');
    await dialogButton('types-confirm', '确认添加').click();
    await page.getByTestId('types-saved').waitFor();
    const others = await page.getByTestId('types-others').innerText();
    expect(others).toContain('农田水利');
    expect(others).toContain('本村自设');
    await checkBoth('matter-settings-types', TYPES, 'matter-types-page');
  });

  it('书记 changes the 公示期 to 10 days; 村民会议 cannot go below the legal 10', async () => {
    await open(POLICY, 'matter-policy-page', 'standard');
    const disclosure = page.locator('[data-testid="policy-disclosure"] input');
    await disclosure.waitFor();
    expect(await disclosure.inputValue()).toBe('7');
    await page.locator('[data-testid="policy-lead-villager_assembly"] input').fill('7');
    await page.getByTestId('policy-save').click();
    expect(await page.getByTestId('policy-lead-villager_assembly-error').innerText()).toContain('村民会议至少提前 10 天通知');
    await page.locator('[data-testid="policy-lead-villager_assembly"] input').fill('10');
    await disclosure.fill('10');
    await page.getByTestId('policy-save').click();
    await dialogButton('policy-confirm', '确认保存').click();
    await page.getByTestId('policy-saved').waitFor();
    await checkBoth('matter-settings-policy', POLICY, 'matter-policy-page');
    await open(HUB, 'matter-settings-page', 'standard');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-policy-summary"]')?.textContent === '公示 10 天，村民会议提前 10 天通知');
    expect(await page.getByTestId('settings-types-summary').innerText()).toBe('法定 11 类，本村自设 1 类');
  });

  it('书记 registers the representatives’ petition and sees the obligation with its deadline', async () => {
    await open(OBLIGATIONS, 'matter-obligations-page', 'standard');
    await page.getByTestId('obligations-empty').waitFor();
    await page.getByTestId('petition-open').click();
    await page.getByTestId('petition-body-representative_assembly').click();
    await page.locator('[data-testid="petition-subject"] textarea').fill(SUBJECT);
    await page.getByTestId('petition-reps-list').click();
    const reps = page.locator('[data-testid^="petition-rep-"]');
    await reps.first().waitFor();
    const n = await reps.count();
    for (let i = 0; i < n; i += 1) await reps.nth(i).click();
    await page.getByTestId('petition-photos-file').setInputFiles(photoFile());
    await page.getByTestId('petition-photos').getByText('✓ ', { exact: false }).first().waitFor();
    await check('matter-settings-petition', 'standard');
    await page.getByTestId('petition-submit').click();
    expect(await page.getByTestId('petition-confirm').innerText()).toContain(`村民代表 ${n} 人`);
    await dialogButton('petition-confirm', '确认登记').click();
    const done = await page.getByTestId('petition-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/已登记。应当在 .+ 前召开村民代表会议/);
    const card = page.locator('[data-testid^="obligation-"]').filter({ hasText: SUBJECT });
    expect(await card.innerText()).toContain('○ 待召开');
    expect(await card.innerText()).toMatch(/还剩 30 天/);
    expect(await card.innerText()).toContain('第二十六条');
    // 村民代表会议 每季度: said in words with the law (left out only where the server has no such route)
    const cadence = page.getByTestId('obligations-cadence');
    if ((await cadence.count()) > 0) expect(await cadence.innerText()).toContain('第二十六条');
    await check('matter-settings-obligations', 'standard');
    await open(OBLIGATIONS, 'matter-obligations-page', 'elder');
    await page.locator('[data-testid^="obligation-"]').filter({ hasText: SUBJECT }).waitFor();
    await check('matter-settings-obligations', 'elder');
    // the filter: nothing overdue yet, said in words
    await page.getByTestId('obligations-filter-overdue').click();
    expect(await page.getByTestId('obligations-empty').innerText()).toBe('没有“已逾期”的会议。');
    // the hub counts it
    await open(HUB, 'matter-settings-page', 'standard');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-obligations-summary"]')?.textContent === '召集义务：1 项待召开');
  });

  it('书记 gives the 两委 7 days to answer proposals and adds a 卫生保洁 category', async () => {
    await open(HUB, 'matter-settings-page', 'standard');
    expect(await page.getByTestId('settings-proposals').innerText()).toContain('10 天内答复');
    await page.getByTestId('settings-proposals').click();
    await waitForPageShown(page, 'proposal-settings-page');
    await page.locator('[data-testid="proposal-settings-days"] input').fill('7');
    await page.locator('[data-testid="proposal-settings-new"] input').fill('卫生保洁');
    await page.getByTestId('proposal-settings-add').click();
    await check('matter-settings-proposals', 'standard');
    await page.getByTestId('proposal-settings-save').click();
    expect(await page.getByTestId('proposal-settings-confirm').innerText()).toContain('两委在 7 天内答复');
    await dialogButton('proposal-settings-confirm', '确认保存').click();
    await page.getByTestId('proposal-settings-saved').waitFor();
    const saved = await api<ProposalSettings>('/proposal-settings', { token: villager.accessToken });
    expect(saved.replyDays).toBe(7);
    expect(saved.categories).toContainEqual(expect.objectContaining({ label: '卫生保洁', builtin: false, enabled: true }));
    await open('/packages/matters/pages/proposals/index', 'proposal-settings-page', 'elder');
    await check('matter-settings-proposals', 'elder');
  });

  it('书记 chooses the authorizing 村民会议 among those that passed (the demo village adopted its 积分细则 at one)', async () => {
    await open(AUTHS, 'matter-authorizations-page', 'standard');
    await page.getByTestId('auth-empty').waitFor();
    await page.getByTestId('auth-grant-open').click();
    const meetings = page.getByTestId('auth-meetings');
    await meetings.waitFor();
    expect(await meetings.innerText()).toContain('积分细则');
    expect(await page.getByTestId('auth-meetings-none').count()).toBe(0);
    await check('matter-settings-authorizations', 'standard');
    await open(AUTHS, 'matter-authorizations-page', 'elder');
    await page.getByTestId('auth-empty').waitFor();
    await check('matter-settings-authorizations', 'elder');
  });

  it('after a 村民会议 passes it, 书记 records the authorization for 集体收益使用; a later 村民会议 withdraws it', async () => {
    const people = { secretary, committee, scrutineer: supervisor };
    const granting = await resolvedByVillagers(people, '授权村民代表会议决定集体收益使用');
    await useSession(secretary);
    await open(AUTHS, 'matter-authorizations-page', 'standard');
    await page.getByTestId('auth-grant-open').click();
    await page.getByTestId(`auth-meeting-${granting.assemblyMeetingId}`).click();
    await page.getByTestId('auth-type-collective_income_use').click();
    await check('matter-settings-auth-grant', 'standard');
    await page.getByTestId('auth-grant-submit').click();
    await dialogButton('auth-confirm', '确认登记').click();
    await page.getByTestId('auth-done').waitFor();
    const [granted] = await api<AssemblyAuthorizationView[]>('/assembly-authorizations', { token: secretary.accessToken });
    expect(granted).toMatchObject({ inForce: true, grantedBy: { meetingId: granting.assemblyMeetingId }, types: [{ code: 'collective_income_use', label: '集体收益使用' }] });
    expect(await page.getByTestId(`auth-${granted.id}`).innerText()).toContain('集体收益使用');
    await check('matter-settings-auth-granted', 'standard');

    const withdrawing = await resolvedByVillagers(people, '撤销对村民代表会议的授权');
    await open(AUTHS, 'matter-authorizations-page', 'elder');
    await page.getByTestId(`auth-revoke-open-${granted.id}`).click();
    await page.getByTestId(`auth-meeting-${withdrawing.assemblyMeetingId}`).click();
    await check('matter-settings-auth-revoke', 'elder');
    await page.getByTestId('auth-revoke-submit').click();
    await dialogButton('auth-confirm', '确认撤销').click();
    await page.getByTestId('auth-done').waitFor();
    expect(await page.getByTestId(`auth-${granted.id}`).innerText()).toContain('已撤销');
    const [after] = await api<AssemblyAuthorizationView[]>('/assembly-authorizations', { token: villager.accessToken });
    expect(after).toMatchObject({ id: granted.id, inForce: false, revokedOn: chinaDay(new Date()) });
  });

  it('乡镇干部 reaches the obligations from the 首页 and sees the petition under the village', async () => {
    await useSession(township, { clear: true });
    await open('/pages/index/index', 'home-page', 'standard');
    await page.getByTestId('home-township-obligations').click();
    await waitForPageShown(page, 'matter-obligations-page');
    const village = page.locator('[data-testid^="township-village-"]').first();
    await village.waitFor();
    expect(await village.innerText()).toContain(SUBJECT);
    expect(await page.getByTestId('petition-open').count()).toBe(0);
    await check('matter-settings-township', 'standard');
    await open(OBLIGATIONS, 'matter-obligations-page', 'elder');
    await page.locator('[data-testid^="township-village-"]').first().waitFor();
    await check('matter-settings-township', 'elder');
  });

  it('a 监委会成员 reads the settings but cannot change them; a villager is not offered them', async () => {
    await useSession(supervisor, { clear: true });
    await open(HUB, 'matter-settings-page', 'standard');
    await page.getByTestId('settings-readonly').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-obligations-summary"]')?.textContent === '召集义务：1 项待召开');
    await check('matter-settings-hub-supervisor', 'standard');
    await open(TYPES, 'matter-types-page', 'standard');
    await page.getByTestId('types-statutory').waitFor();
    expect(await page.getByTestId('types-add-open').count()).toBe(0);
    expect(await page.locator('[data-testid^="types-remove-"]').count()).toBe(0);
    await open(POLICY, 'matter-policy-page', 'elder');
    expect(await (await page.getByTestId('policy-disclosure')).innerText()).toContain('10 天');
    expect(await page.getByTestId('policy-save').count()).toBe(0);
    await check('matter-settings-policy-supervisor', 'elder');
    await open(OBLIGATIONS, 'matter-obligations-page', 'standard');
    await page.locator('[data-testid^="obligation-"]').filter({ hasText: SUBJECT }).waitFor();
    expect(await page.getByTestId('petition-open').count()).toBe(0);

    await useSession(villager, { clear: true });
    await open('/pages/council/index', 'council-page', 'standard');
    await page.getByTestId('council-matters').waitFor();
    expect(await page.getByTestId('council-matter-settings').count()).toBe(0);
    await open(HUB, 'matter-settings-page', 'standard');
    await page.getByTestId('settings-not-allowed').waitFor();
  });
});
