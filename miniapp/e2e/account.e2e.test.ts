/**
 * Who is using the app, in the browser: the H5 build served by the real server (fresh SQLite, demo
 * village), Debian's Chromium at 375 × 667.
 *
 *  1. signed out, 我的 offers 登录; the login page lists the demo personas;
 *  2. 书记 signs in, agrees to the privacy notice, sees 我的 with 书记 and the 户籍名册 pages;
 *  3. the roster: search and page, a household, change its 户代表, move it to another 网格, add a
 *     member (the server's per-field message first), 网格, 构成, import a CSV (errors, then commit);
 *  4. 书记 issues a binding code for 杨翠花 (the code sheet, and what 打印 prints), then logs out;
 *  5. 新用户 in 长辈版 signs in, agrees, types a wrong code (the message in place), then the code,
 *     and sees 我的 with 杨翠花 — now her household's 户代表 — and her household.
 * Every page is saved in standard and 长辈版 to miniapp/artifacts/ and checked with axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations, waitForPageShown, type Browser } from './support/browser';
import { expectControlsAtLeast, smallestText, textMetrics } from './support/metrics';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let issuedCode = '';
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'village-import-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

function url(p: string, mode?: 'elder' | 'standard'): string {
  if (!mode) return `${server.baseUrl}${p}`;
  return `${server.baseUrl}${p}${p.includes('?') ? '&' : '?'}mode=${mode}`;
}

/** Opens an address afresh (the app restarts from the session in storage) and waits for the page. */
async function open(p: string, testId: string, mode?: 'elder' | 'standard'): Promise<void> {
  await page.goto(url(p, mode));
  await waitForPageShown(page, testId);
}

async function shown(testId: string): Promise<void> {
  await waitForPageShown(page, testId);
}

/** axe-core clean, then the screenshot; in 长辈版 also the size floors of UX.md. */
async function check(name: string, mode: 'elder' | 'standard'): Promise<void> {
  await page.waitForTimeout(150);
  expect(await seriousA11yViolations(page)).toEqual([]);
  if (mode === 'elder') {
    await expectControlsAtLeast(page, 60);
    expect((await smallestText(page)).size).toBeGreaterThanOrEqual(18);
  } else {
    await expectControlsAtLeast(page, 44);
    expect((await smallestText(page)).size).toBeGreaterThanOrEqual(16);
  }
  await screenshot(page, `${name}-${mode}`);
}

async function tab(label: string, testId: string): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: label }).click();
  await shown(testId);
}

async function fill(testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).locator('input').fill(value);
}

async function agreeToPrivacy(mode: 'elder' | 'standard', shot: string): Promise<void> {
  await page.getByTestId('login-privacy-step').waitFor();
  const notice = await page.getByTestId('privacy-notice').innerText();
  for (const words of ['我们收集什么', '为什么要这些信息', '谁能看到', '怎样查看和更正', '微信身份编号', '身份证号']) {
    expect(notice).toContain(words);
  }
  await check(shot, mode);
  await page.getByTestId('privacy-agree').click();
}

describe('signed out', () => {
  it('我的 says so and offers a clear 登录 button (both modes)', async () => {
    await open('/pages/mine/index', 'mine-page', 'standard');
    const card = page.getByTestId('mine-signed-out');
    expect(await card.innerText()).toContain('您还没有登录。');
    await check('mine-signed-out', 'standard');
    await open('/pages/mine/index', 'mine-page', 'elder');
    await check('mine-signed-out', 'elder');
  });

  it('the login page lists every demo persona with label, name and what it can do', async () => {
    await page.getByTestId('mine-login').click();
    await shown('login-page');
    const picker = page.getByTestId('persona-picker');
    await picker.waitFor();
    const personas = (await (await fetch(`${server.baseUrl}/api/auth/demo-personas`)).json()) as Array<{
      key: string;
      label: string;
      name: string | null;
      description: string;
    }>;
    expect(personas.map((p) => p.key)).toEqual(expect.arrayContaining(['secretary', 'new', 'villager']));
    for (const persona of personas) {
      const text = await page.getByTestId(`persona-${persona.key}`).innerText();
      expect(text).toContain(persona.label);
      expect(text).toContain(persona.description);
      if (persona.name) expect(text).toContain(persona.name);
    }
    await check('login', 'elder');
    await open('/packages/account/pages/login/index', 'login-page', 'standard');
    await page.getByTestId('persona-picker').waitFor();
    await check('login', 'standard');
  });
});

describe('书记 and the 户籍名册', () => {
  it('书记 signs in, agrees to the privacy notice, lands on 首页', async () => {
    await page.getByTestId('persona-secretary').click();
    await agreeToPrivacy('standard', 'login-privacy');
    await shown('home-page');
    expect(await page.getByTestId('home-todo').innerText()).toContain('郭明亮，您好');
  });

  it('我的 shows 书记 in words, the household and the committee pages', async () => {
    await tab('我的', 'mine-page');
    await page.getByTestId('mine-name').waitFor();
    expect(await page.getByTestId('mine-name').innerText()).toBe('郭明亮');
    expect(await page.getByTestId('mine-roles').innerText()).toContain('书记');
    expect(await page.getByTestId('mine-household').innerText()).toContain('户号 0021');
    const committee = await page.getByTestId('mine-committee').innerText();
    for (const words of ['户籍名册', '网格和网格员', '导入名册', '村民代表构成']) expect(committee).toContain(words);
    await check('mine-secretary', 'standard');
    await open('/pages/mine/index', 'mine-page', 'elder');
    await page.getByTestId('mine-name').waitFor();
    await check('mine-secretary', 'elder');
    await page.getByTestId('mine-logout').click();
    await page.getByTestId('logout-dialog').waitFor();
    await check('logout-dialog', 'elder');
    await page.getByTestId('logout-dialog').getByRole('button', { name: '不退出' }).click();
  });

  it('户籍名册: the whole village, paging, search by name, and an empty search said in words', async () => {
    await open('/pages/mine/index', 'mine-page', 'standard');
    await page.getByTestId('mine-roster').click();
    await shown('roster-households-page');
    const summary = page.getByTestId('roster-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/^全村在册 \d+ 户$/);
    expect(await page.getByTestId('pager-label').innerText()).toMatch(/^第 1 页，共 \d+ 页$/);
    await check('roster-list', 'standard');

    await page.getByTestId('pager-next').click();
    await page.getByTestId('pager-label').getByText(/^第 2 页/).waitFor();

    await fill('roster-search', '任海军');
    await page.getByTestId('roster-search-button').click();
    await page.getByTestId('roster-summary').getByText('查找“任海军”：找到 1 户').waitFor();
    expect(await page.getByTestId('household-0002').innerText()).toContain('户代表 任海军');

    await fill('roster-search', '没有这个人');
    await page.getByTestId('roster-search-button').click();
    await page.getByTestId('roster-empty').waitFor();
    expect(await page.getByTestId('roster-empty').innerText()).toContain('没有找到“没有这个人”');
    await check('roster-empty', 'standard');

    await open('/packages/roster/pages/households/index', 'roster-households-page', 'elder');
    await page.getByTestId('roster-summary').waitFor();
    await check('roster-list', 'elder');

    // 导出名册 saves the whole roster as .xlsx.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export').getByRole('button').click()]);
    expect(exported.suggestedFilename()).toMatch(/^户籍名册-\d{8}\.xlsx$/);
    expect(fs.readFileSync((await exported.path()) as string).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByTestId('roster-export').getByText('已导出。').waitFor();
  });

  it('a household: members with 户代表 in words; change the 户代表 after a confirmation', async () => {
    await fill('roster-search', '0002');
    await page.getByTestId('roster-search-button').click();
    await page.getByTestId('household-0002').click();
    await shown('roster-household-page');
    await page.getByTestId('household-summary').waitFor();
    expect(await page.getByTestId('household-representative').innerText()).toBe('户代表：任海军');
    expect(await page.getByTestId('member-任海军').innerText()).toContain('户代表');
    await check('roster-household', 'elder');

    await page.getByTestId('member-rep-杨翠花').click();
    const dialog = page.getByTestId('representative-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('把户代表从 任海军 换成 杨翠花');
    await check('roster-representative-dialog', 'elder');
    await dialog.getByRole('button', { name: '确认更换' }).click();
    await page.getByTestId('household-done').waitFor();
    expect(await page.getByTestId('household-done').innerText()).toBe('户代表已换成 杨翠花。');
    expect(await page.getByTestId('household-representative').innerText()).toBe('户代表：杨翠花');
    expect(await page.getByTestId('member-杨翠花').innerText()).toContain('户代表');
  });

  it('moves the household to another 网格 after a confirmation', async () => {
    await page.getByTestId('household-move-start').click();
    await page.getByTestId('move-grid-第二网格').click();
    await page.getByTestId('household-move-confirm').click();
    const dialog = page.getByTestId('move-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('把 0002 号户从 第一网格 调到 第二网格');
    await dialog.getByRole('button', { name: '确认调整' }).click();
    await page.getByTestId('household-done').getByText('已调到 第二网格。').waitFor();
    expect(await page.getByTestId('household-summary').innerText()).toContain('第二网格');
    await check('roster-household-moved', 'elder');
  });

  it("adds a member: the server's reason under the field, then saved and listed", async () => {
    await page.getByTestId('household-add-member').click();
    await shown('roster-resident-page');
    await page.getByTestId('resident-save').click();
    expect(await page.getByTestId('field-name-error').innerText()).toBe('请填写姓名');
    await fill('field-name', '任小雨');
    await page.getByTestId('gender-female').click();
    await fill('field-birth-date', '2010-13-40');
    await fill('field-relation', '孙女');
    await page.getByTestId('resident-save').click();
    await page.getByTestId('field-birth-date-error').waitFor();
    expect(await page.getByTestId('field-birth-date-error').innerText()).toContain('出生日期');
    await check('roster-resident-errors', 'elder');

    // The ID number is behind an explanation.
    expect(await page.getByTestId('field-id-section').innerText()).toContain('为什么要身份证号');
    expect(await page.getByTestId('field-id-number').count()).toBe(0);

    await fill('field-birth-date', '20100315');
    await page.getByTestId('resident-save').click();
    await shown('roster-household-page');
    await page.getByTestId('member-任小雨').waitFor();
    expect(await page.getByTestId('member-任小雨').innerText()).toContain('孙女');
    // A child cannot be the 户代表: said in words instead of a button.
    expect(await page.getByTestId('member-任小雨').innerText()).toContain('未满 18 岁，不能当户代表');
  });

  it('edits a member; the ID number field appears only after the reason is given', async () => {
    await page.getByTestId('member-edit-任丽娟').click();
    await shown('roster-resident-page');
    await page.getByTestId('field-name').locator('input').waitFor();
    expect(await page.getByTestId('field-name').locator('input').inputValue()).toBe('任丽娟');
    await page.getByTestId('id-start').click();
    await fill('field-id-number', '123');
    await page.getByTestId('resident-save').click();
    await page.getByTestId('field-id-number-error').waitFor();
    await check('roster-resident-id', 'standard');
    await page.goBack();
    await shown('roster-household-page');
  });

  it('issues a binding code: very large, with the QR code and the expiry as a date', async () => {
    await page.getByTestId('member-code-杨翠花').click();
    await shown('roster-binding-code-page');
    await check('roster-binding-code-start', 'standard');
    await page.getByTestId('code-issue').click();
    const code = page.getByTestId('issued-code');
    await code.waitFor();
    issuedCode = (await code.innerText()).trim();
    expect(issuedCode).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect((await textMetrics(page, '[data-testid="issued-code"]')).fontSize).toBeGreaterThanOrEqual(48);
    expect(await page.getByTestId('code-expiry').innerText()).toMatch(/^有效期到 \d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const qr = page.getByTestId('code-sheet').locator('img');
    expect(await qr.getAttribute('alt')).toBe('杨翠花 的绑定二维码');
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Drawn square, inside its box and below the code — not shifted or stretched.
    const box = await qr.evaluate((img: HTMLImageElement) => {
      const r = img.getBoundingClientRect();
      const host = (img.parentElement as HTMLElement).getBoundingClientRect();
      const code = (document.querySelector('[data-testid="issued-code"]') as HTMLElement).getBoundingClientRect();
      return { w: r.width, h: r.height, dy: Math.abs(r.top - host.top), belowCode: r.top >= code.bottom - 1 };
    });
    expect(box.w).toBeGreaterThanOrEqual(180);
    expect(Math.abs(box.w - box.h)).toBeLessThan(1);
    expect(box.dy).toBeLessThan(1);
    expect(box.belowCode).toBe(true);
    await check('roster-binding-code', 'standard');

    // 打印 prints just the sheet: no navigation bar, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#taro-navigation-bar').isVisible()).toBe(false);
    expect(await page.getByTestId('code-print').isVisible()).toBe(false);
    expect(await page.getByTestId('code-sheet').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(__dirname, '..', 'artifacts', 'roster-binding-code-print.png') });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('code-print').isVisible()).toBe(true);
  });

  it('网格和网格员 and 村民代表构成 say it in words', async () => {
    await open('/packages/roster/pages/grids/index', 'roster-grids-page', 'standard');
    await page.getByTestId('grids-summary').waitFor();
    expect(await page.getByTestId('grid-第一网格').innerText()).toContain('网格员 闫保平');
    await check('roster-grids', 'standard');
    await open('/packages/roster/pages/grids/index', 'roster-grids-page', 'elder');
    await page.getByTestId('grids-summary').waitFor();
    await check('roster-grids', 'elder');

    await open('/packages/roster/pages/composition/index', 'roster-composition-page', 'standard');
    await page.getByTestId('composition-assembly').waitFor();
    expect(await page.getByTestId('composition-assembly').innerText()).toMatch(/村民代表 \d+\/\d+（\d+%），应在五分之四以上：(够了|还不够)/);
    await check('roster-composition', 'standard');
    await open('/packages/roster/pages/composition/index', 'roster-composition-page', 'elder');
    await page.getByTestId('composition-assembly').waitFor();
    await check('roster-composition', 'elder');
  });

  it('imports a CSV: every row error first, nothing written; then a good file after 确认导入', async () => {
    const header = '户号,住址,村民小组,网格,姓名,性别,出生日期,与户主关系,身份证号,手机号,是否党员,是否村民代表,是否户代表';
    const bad = path.join(tmpDir, '花名册-有错.csv');
    const good = path.join(tmpDir, '花名册.csv');
    fs.writeFileSync(
      bad,
      `${header}\n0099,南坪组99号,南坪组,第三网格,王秋菊,女,1968-13-40,户主,,,否,否,是\n0099,南坪组99号,南坪组,第三网格,王小冬,男,1992-02-30,子,,,否,否,否\n`,
    );
    fs.writeFileSync(good, `${header}\n0099,南坪组99号,南坪组,第三网格,王秋菊,女,1968-03-12,户主,,,否,否,是\n0099,南坪组99号,南坪组,第三网格,王小冬,男,1992-02-28,子,,,否,否,否\n`);

    await open('/packages/roster/pages/import/index', 'roster-import-page', 'standard');
    await page.getByTestId('import-pick').waitFor();
    await check('roster-import', 'standard');

    // The template comes down as a real .xlsx (a zip file) with the Chinese file name.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(template.suggestedFilename()).toBe('花名册导入模板.xlsx');
    const templateBytes = fs.readFileSync((await template.path()) as string);
    expect(templateBytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    const errors = page.getByTestId('import-error');
    expect(await errors.count()).toBeGreaterThanOrEqual(2);
    const errorText = (await page.getByTestId('import-errors').innerText()).replace(/\s+/g, ' ');
    expect(errorText).toContain('第 2 行');
    expect(errorText).toContain('第 3 行');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await check('roster-import-errors', 'standard');
    const nothing = await page.evaluate(async () => {
      const token = JSON.parse(localStorage.getItem('village.token') ?? '{}').data as string;
      const res = await fetch('/api/roster/households?q=0099', { headers: { Authorization: `Bearer ${token}` } });
      return ((await res.json()) as { total: number }).total;
    });
    expect(nothing).toBe(0);

    await page.getByTestId('import-restart').click();
    await page.getByTestId('import-file').setInputFiles(good);
    await page.getByTestId('import-no-errors').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-households').innerText()).toBe('户：新增 1，更新 0，不变 0');
    expect(await page.getByTestId('import-residents').innerText()).toBe('人：新增 2，更新 0，不变 0');
    await page.getByTestId('import-confirm').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('将新增 1 户、2 人，更新 0 人。');
    await check('roster-import-confirm', 'standard');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').innerText()).toContain('新增 1 户、2 人');
    await check('roster-import-done', 'standard');

    await open('/packages/roster/pages/import/index', 'roster-import-page', 'elder');
    await page.getByTestId('import-pick').waitFor();
    await check('roster-import', 'elder');
  });

  it('退出登录 asks first, then 我的 offers 登录 again', async () => {
    await open('/pages/mine/index', 'mine-page', 'standard');
    await page.getByTestId('mine-logout').click();
    await page.getByTestId('logout-dialog').getByRole('button', { name: '退出登录' }).click();
    await page.getByTestId('mine-signed-out').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('village.token'))).toBeNull();
  });
});

describe('新用户 binds with the code (长辈版)', () => {
  it('signs in as 新用户, agrees to the privacy notice and lands on the bind page', async () => {
    await open('/packages/account/pages/login/index', 'login-page', 'elder');
    await page.getByTestId('persona-new').click();
    await agreeToPrivacy('elder', 'login-privacy');
    await shown('bind-page');
    await page.getByTestId('bind-code').waitFor();
    await check('bind', 'elder');
  });

  it('the QR link fills the code in (standard mode screenshot)', async () => {
    await open(`/packages/account/pages/bind/index?code=${issuedCode.toLowerCase()}`, 'bind-page', 'standard');
    await page.getByTestId('bind-prefilled').waitFor();
    expect(await page.getByTestId('bind-code').locator('input').inputValue()).toBe(issuedCode);
    await check('bind-prefilled', 'standard');
  });

  it('a wrong code: the server says what happened and what to do, in place; what was typed stays', async () => {
    await open('/packages/account/pages/bind/index', 'bind-page', 'elder');
    const wrong = issuedCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
    await fill('bind-code', wrong.toLowerCase());
    expect(await page.getByTestId('bind-code').locator('input').inputValue()).toBe(wrong);
    await page.getByTestId('bind-confirm').click();
    const error = page.getByTestId('error-state');
    await error.waitFor();
    expect(await error.innerText()).toContain('绑定码不对。请核对后再输，或找村委会重新领取。');
    expect(await page.getByTestId('bind-code').locator('input').inputValue()).toBe(wrong);
    await check('bind-error', 'elder');

    await fill('bind-code', 'k7m');
    await page.getByTestId('bind-confirm').click();
    expect(await page.getByTestId('bind-code-error').innerText()).toBe('绑定码是 6 位，您输入了 3 位。请核对后补全。');
  });

  it('enters the code and sees 我的 with 杨翠花, her household and that she is its 户代表', async () => {
    await fill('bind-code', ` ${issuedCode.slice(0, 3).toLowerCase()} ${issuedCode.slice(3).toLowerCase()}`);
    await page.getByTestId('bind-confirm').click();
    await shown('mine-page');
    const flash = page.getByTestId('mine-flash');
    await flash.waitFor();
    expect(await flash.innerText()).toContain('绑定成功：您是任海军家的杨翠花。');
    expect(await page.getByTestId('mine-name').innerText()).toBe('杨翠花');
    const household = await page.getByTestId('mine-household').innerText();
    expect(household).toContain('户号 0002');
    expect(household).toContain('第二网格');
    expect(household).toContain('户代表：杨翠花');
    expect(household).toContain('您是本户的户代表，全家的票由您来投。');
    const members = await page.getByTestId('mine-members').innerText();
    expect(members).toContain('任海军');
    expect(members).toContain('任丽娟');
    expect(members).toContain('女儿');
    expect(members).toContain('户代表');
    expect(await page.getByTestId('mine-village').innerText()).toBe('土岭底村村民');
    const body = await textMetrics(page, '.mine-line');
    expect(body.fontSize).toBeGreaterThanOrEqual(18);
    expect(body.lineHeight).toBeGreaterThanOrEqual(1.3);
    expect((await textMetrics(page, '[data-testid="mine-name"]')).fontSize).toBeGreaterThanOrEqual(30);
    await check('mine-bound', 'elder');
    await open('/pages/mine/index', 'mine-page', 'standard');
    await page.getByTestId('mine-name').waitFor();
    await check('mine-bound', 'standard');
  });

  it('the privacy notice is one tap from 我的, with the version agreed to', async () => {
    await page.getByTestId('mine-privacy').click();
    await shown('privacy-page');
    expect(await page.getByTestId('privacy-page').innerText()).toContain('您已经同意了这份隐私说明');
    await check('privacy', 'standard');
    await open('/packages/account/pages/privacy/index', 'privacy-page', 'elder');
    await page.getByTestId('privacy-notice').waitFor();
    await check('privacy', 'elder');
  });

  it('the bind page now says the account is bound, and to whom', async () => {
    await open('/packages/account/pages/bind/index', 'bind-page', 'standard');
    await page.getByTestId('bind-already').waitFor();
    expect(await page.getByTestId('bind-already').innerText()).toContain('这个微信已经绑定了 杨翠花');
  });
});

describe('更正申请: a villager asks, the 书记 sees it', () => {
  it('杨翠花 asks to correct her birth date from 我的 and sees it 待答复', async () => {
    await open('/pages/mine/index', 'mine-page', 'elder');
    await page.getByTestId('mine-correction').click();
    await shown('correction-page');
    await page.getByTestId('correction-field-birth_date').click();
    await fill('correction-message', '我的出生日期写错了，应该是三月十二日');
    await page.getByTestId('correction-submit').click();
    expect(await page.getByTestId('correction-done').innerText()).toContain('申请已提交');
    const mine = page.getByTestId('correction-mine');
    await mine.getByText('待答复').waitFor();
    expect(await mine.innerText()).toContain('我的出生日期写错了，应该是三月十二日');
    await check('correction', 'elder');
  });

  it('书记 finds it under 更正申请 on 我的', async () => {
    await open('/pages/mine/index', 'mine-page', 'standard');
    await page.getByTestId('mine-logout').click();
    await page.getByTestId('logout-dialog').getByRole('button', { name: '退出登录' }).click();
    await page.getByTestId('mine-signed-out').waitFor();
    await open('/packages/account/pages/login/index', 'login-page', 'standard');
    await page.getByTestId('persona-secretary').click();
    await shown('home-page');
    await open('/pages/mine/index', 'mine-page', 'standard');
    await page.getByTestId('mine-corrections').click();
    await shown('roster-corrections-page');
    const list = page.getByTestId('corrections-list');
    await list.getByText('杨翠花（0002 号户）').waitFor();
    const text = await list.innerText();
    expect(text).toContain('有误的信息：出生日期');
    expect(text).toContain('我的出生日期写错了，应该是三月十二日');
    await check('corrections', 'standard');
  });
});
