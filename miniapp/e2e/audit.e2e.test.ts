/**
 * 审计记录 in the browser: the H5 build served by the real server (fresh SQLite, demo village),
 * Debian's Chromium at 375 × 667.
 *
 *  1. 书记 changes a household's address through the API (an event with before/after);
 *  2. 监委会成员 (demo persona via the API, tokens put where services/session.ts keeps them) finds
 *     审计记录 on 首页 and 我的, opens the log, filters by 操作类型, opens the change (改前/改后);
 *  3. presses 核验记录 and sees the green card with 通过：全部 N 条记录完整;
 *  4. signs a 签名存证 (with the confirmation) and exports the CSV;
 *  5. the test edits row 1 of audit_event in the SQLite file; 核验 again → red 第 1 条记录被篡改.
 * Every page is saved in standard and 长辈版 to miniapp/artifacts/audit-*.png and checked with axe-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations, waitForPageShown, type Browser } from './support/browser';
import { expectControlsAtLeast, smallestText } from './support/metrics';
import { REPO_DIR, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let supervisor: { accessToken: string; refreshToken: string };

const LOG = '/packages/audit/pages/log/index';
const CHECKPOINTS = '/packages/audit/pages/checkpoints/index';

async function api<T>(p: string, options: { token?: string; method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api${p}`, {
    method: options.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `audit-e2e-${Math.random().toString(36).slice(2)}`,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${options.method ?? 'GET'} ${p} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

type LoginAnswer = { accessToken: string; refreshToken: string; me: { account: { currentPrivacyNoticeVersion: string } } };

async function signInPersona(persona: string): Promise<LoginAnswer> {
  const login = await api<LoginAnswer>('/auth/demo-login', { method: 'POST', body: { persona } });
  await api('/me/privacy-consent', { method: 'POST', token: login.accessToken, body: { version: login.me.account.currentPrivacyNoticeVersion } });
  return login;
}

/** The log has loaded: its count line and the newest record are on show. */
async function logShown(): Promise<void> {
  await page.getByTestId('audit-summary').waitFor();
  await page.locator('[data-testid^="audit-event-"]').first().waitFor();
}

/** Record `seq` of the log, pressing 加载更多 until it is on show (the oldest lie pages down). */
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));

  // 书记 changes an address: an event with a real before/after.
  const secretary = await signInPersona('secretary');
  const list = await api<{ items: Array<{ id: string }> }>('/roster/households?pageSize=1', { token: secretary.accessToken });
  const household = await api<{ id: string; version: number; address: string }>(`/roster/households/${list.items[0].id}`, {
    token: secretary.accessToken,
  });
  await api(`/roster/households/${household.id}`, {
    method: 'PATCH',
    token: secretary.accessToken,
    body: { version: household.version, address: `${household.address}（东头）` },
  });

  supervisor = await signInPersona('supervisor');
  // The app keeps its tokens with Taro's storage: localStorage, each value wrapped as {"data": …}.
  await page.goto(`${server.baseUrl}/`);
  await page.evaluate((s) => {
    localStorage.setItem('village.token', JSON.stringify({ data: s.accessToken }));
    localStorage.setItem('village.refreshToken', JSON.stringify({ data: s.refreshToken }));
  }, supervisor);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

function url(p: string, mode?: 'elder' | 'standard'): string {
  if (!mode) return `${server.baseUrl}${p}`;
  return `${server.baseUrl}${p}${p.includes('?') ? '&' : '?'}mode=${mode}`;
}

async function open(p: string, testId: string, mode?: 'elder' | 'standard'): Promise<void> {
  await page.goto(url(p, mode));
  await waitForPageShown(page, testId);
}

/** axe-core clean, the size floors of UX.md, then the screenshot. */
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

async function total(): Promise<number> {
  return (await api<{ total: number }>('/audit/events?pageSize=1', { token: supervisor.accessToken })).total;
}

describe('监委会成员 and the 审计记录', () => {
  it('首页 and 我的 lead a supervisor to 审计记录（村务监督）', async () => {
    await open('/pages/index/index', 'home-page', 'standard');
    await page.getByTestId('home-audit').waitFor();
    expect(await page.getByTestId('home-audit').innerText()).toContain('审计记录（村务监督）');
    await open('/pages/mine/index', 'mine-page', 'standard');
    await page.getByTestId('mine-audit').click();
    await waitForPageShown(page, 'audit-log-page');
    await page.getByTestId('audit-results').waitFor();
  });

  it('the log lists records newest first: 第 N 条, time, who, what in words (both modes)', async () => {
    // The oldest record, opened by its number: the demo seed's hundreds of records lie in between.
    await open('/packages/audit/pages/event/index?seq=1', 'audit-event-page', 'standard');
    await page.getByTestId('audit-event-action').waitFor();
    const seeded = await page.getByTestId('audit-event-page').innerText();
    expect(seeded).toContain('建立本村基础数据');
    expect(seeded).toContain('系统');
    expect(seeded).toContain('village.seeded');
    for (const mode of ['standard', 'elder'] as const) {
      await open(LOG, 'audit-log-page', mode);
      await logShown();
      const n = await total();
      expect(await page.getByTestId('audit-summary').innerText()).toBe(`共 ${n} 条记录`);
      const first = await page.locator('[data-testid^="audit-event-"]').first().innerText();
      expect(first).toContain(`第 ${n} 条`);
      expect(first).toMatch(/\d+月\d+日 \d\d:\d\d/);
      await page.locator('[data-testid^="audit-event-"]').first().scrollIntoViewIfNeeded();
      await check('audit-log', mode);
    }
  });

  it('filters by 操作类型 (Chinese label, raw code in small print) and clears', async () => {
    await page.getByTestId('audit-filters-toggle').click();
    await page.getByTestId('audit-filter-action-toggle').click();
    await page.getByTestId('audit-filter-action-option-household.updated').waitFor();
    expect(await page.getByTestId('audit-filter-action-option-household.updated').innerText()).toContain('household.updated');
    await check('audit-log-filter', 'elder');
    await page.getByTestId('audit-filter-action-option-household.updated').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="audit-summary"]')?.textContent === '符合条件的有 1 条');
    expect(await page.locator('[data-testid^="audit-event-"]').count()).toBe(1);
    expect(await page.locator('[data-testid^="audit-event-"]').first().innerText()).toContain('修改户信息');
  });

  it('a change shows 改前 and 改后 in words, side by side (both modes)', async () => {
    await page.locator('[data-testid^="audit-event-"]').first().click();
    await waitForPageShown(page, 'audit-event-page');
    const address = page.getByTestId('audit-diff-address');
    await address.waitFor();
    const text = await address.innerText();
    expect(text).toContain('住址');
    expect(text).toContain('有改动');
    expect(text).toMatch(/改前[\s\S]*改后[\s\S]*（东头）/);
    await check('audit-event', 'elder');
    const seq = /第 (\d+) 条记录/.exec(await page.getByTestId('audit-event-heading').innerText())?.[1];
    await open(`/packages/audit/pages/event/index?seq=${seq}`, 'audit-event-page', 'standard');
    await page.getByTestId('audit-diff-address').waitFor();
    await check('audit-event', 'standard');
  });

  it('核验记录 shows progress, then the green card: 通过：全部 N 条记录完整，没有被改动', async () => {
    for (const mode of ['standard', 'elder'] as const) {
      await open(LOG, 'audit-log-page', mode);
      await logShown();
      await page.getByTestId('audit-verify').click();
      const card = page.getByTestId('audit-verdict');
      await card.waitFor();
      expect(await card.getAttribute('data-tone')).toBe('pass');
      const n = await total();
      expect(await card.innerText()).toContain(`通过：全部 ${n} 条记录完整，没有被改动`);
      await check('audit-verify-pass', mode);
    }
  });

  it('签名存证: a supervisor signs one now after confirming; the list shows it (both modes)', async () => {
    await open(CHECKPOINTS, 'audit-checkpoints-page', 'standard');
    await page.getByTestId('audit-checkpoint-list').waitFor();
    await check('audit-checkpoints-empty', 'standard');
    await page.getByTestId('audit-checkpoint-create-button').click();
    await page.getByTestId('audit-checkpoint-dialog').waitFor();
    await check('audit-checkpoint-dialog', 'standard');
    // The checkpoint covers the trail as it is now; publishing its 记录存证 notice then adds a record.
    const n = await total();
    await page.getByTestId('audit-checkpoint-dialog').getByText('确认签名').click();
    const done = page.getByTestId('audit-checkpoint-created');
    await done.waitFor();
    expect(await done.innerText()).toContain(`已签名存证：覆盖第 1 至 ${n} 条记录`);
    await page.getByTestId(`audit-checkpoint-${n}`).waitFor();
    expect(await page.getByTestId(`audit-checkpoint-${n}`).innerText()).toMatch(/签名密钥编号：[0-9a-f]{16}/);
    await check('audit-checkpoints', 'standard');
    await open(CHECKPOINTS, 'audit-checkpoints-page', 'elder');
    await page.getByTestId(`audit-checkpoint-${n}`).waitFor();
    await check('audit-checkpoints', 'elder');
  });

  it('导出 saves the filtered range as a CSV that Excel/WPS can open (UTF-8 with BOM)', async () => {
    await open(LOG, 'audit-log-page', 'standard');
    await logShown();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-button').click()]);
    expect(download.suggestedFilename()).toMatch(/^审计记录-\d{8}\.csv$/);
    const file = await download.path();
    const csv = fs.readFileSync(file as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('序号 seq');
    expect(csv).toContain('village.seeded');
    await page.getByTestId('audit-exported').waitFor();
  });

  it('after row 1 is edited in the database, 核验记录 shows the red card: 第 1 条记录被篡改', async () => {
    const Database = require(path.join(REPO_DIR, 'server', 'node_modules', 'better-sqlite3')) as new (file: string) => {
      prepare: (sql: string) => { run: () => { changes: number } };
      close: () => void;
    };
    const db = new Database(server.databaseFile);
    try {
      expect(db.prepare("UPDATE audit_event SET action='x' WHERE seq=1").run().changes).toBe(1);
    } finally {
      db.close();
    }
    for (const mode of ['standard', 'elder'] as const) {
      await open(LOG, 'audit-log-page', mode);
      await logShown();
      await page.getByTestId('audit-verify').click();
      const card = page.getByTestId('audit-verdict');
      await card.waitFor();
      expect(await card.getAttribute('data-tone')).toBe('fail');
      const text = await card.innerText();
      expect(text).toContain('不通过');
      expect(text).toMatch(/第 1 条记录被篡改/);
      expect(text).toMatch(/具体情况：.+/);
      const colour = await card.evaluate((el) => getComputedStyle(el).borderColor);
      expect(colour).toBe('rgb(166, 27, 27)');
      await check('audit-verify-fail', mode);
    }
  });
});
