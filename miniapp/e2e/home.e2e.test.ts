/**
 * The H5 build as a villager meets it: served by the real API server (fresh SQLite, demo village
 * seeded on start), in Debian's Chromium at 375 × 667. Screenshots go to miniapp/artifacts/.
 */
import type { Page } from 'playwright-core';
import type { VillageSummary } from '@village/shared';
import { launchBrowser, screenshot, seriousA11yViolations, waitForPageShown, type Browser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let village: VillageSummary;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  const res = await fetch(`${server.baseUrl}/api/villages/current`);
  expect(res.status).toBe(200);
  village = (await res.json()) as VillageSummary;
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

/** Computed font size (px) and line height ratio of the first element matching `selector`. */
async function textMetrics(selector: string): Promise<{ fontSize: number; lineHeight: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    const fontSize = parseFloat(style.fontSize);
    const lh = style.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(style.lineHeight);
    return { fontSize, lineHeight: lh / fontSize };
  });
}

/** Heights (px) of the page's main controls: switches, link rows and buttons. */
async function controlHeights(): Promise<Array<{ label: string; height: number }>> {
  return page.locator('[role="switch"]:visible, [role="link"]:visible, .nut-button:visible').evaluateAll((els) =>
    els.map((el) => ({ label: (el.textContent ?? '').trim().slice(0, 12), height: el.getBoundingClientRect().height })),
  );
}

async function htmlHasCareMode(): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('care-mode'));
}

describe('H5 in the browser', () => {
  it('首页 shows the demo village from the real server, in standard mode', async () => {
    await page.goto(`${server.baseUrl}/`);
    const name = page.getByTestId('village-name');
    await name.waitFor({ timeout: 30_000 });

    expect(await name.textContent()).toBe('土岭底村');
    expect(village.name).toBe('土岭底村');
    const body = await page.getByTestId('home-page').innerText();
    expect(body).toContain(`${village.township.county}${village.township.name}`);
    expect(body).toContain(`全村 ${village.households} 户 ${village.residents} 人`);
    expect(body).toContain(`${village.grids.length} 个网格`);
    for (const grid of village.grids) {
      if (grid.leaderName) expect(body).toContain(`网格员 ${grid.leaderName}`);
    }
    expect(body).toContain('长辈版');

    expect(await htmlHasCareMode()).toBe(false);
    const main = await textMetrics('.home-card__line');
    expect(main.fontSize).toBeGreaterThanOrEqual(16);
    expect(main.lineHeight).toBeGreaterThanOrEqual(1.3);
    for (const control of await controlHeights()) {
      expect({ ...control, ok: control.height >= 44 }).toEqual({ ...control, ok: true });
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home-standard');
  });

  it('?mode=elder switches to 长辈版: main text ≥ 18 px, largest ≥ 30 px, controls ≥ 60 px', async () => {
    await page.goto(`${server.baseUrl}/?mode=elder`);
    await page.getByTestId('village-name').waitFor({ timeout: 30_000 });

    expect(await htmlHasCareMode()).toBe(true);
    expect(await page.getByTestId('home-page').getAttribute('class')).toContain('care-mode');

    const main = await textMetrics('.home-card__line');
    expect(main.fontSize).toBeGreaterThanOrEqual(18);
    expect(main.lineHeight).toBeGreaterThanOrEqual(1.3);
    const hero = await textMetrics('[data-testid="village-name"]');
    expect(hero.fontSize).toBeGreaterThanOrEqual(30);

    const controls = await controlHeights();
    expect(controls.length).toBeGreaterThanOrEqual(2);
    for (const control of controls) {
      expect({ ...control, ok: control.height >= 60 }).toEqual({ ...control, ok: true });
    }
    expect(await page.getByTestId('care-mode-switch').getAttribute('aria-checked')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home-elder');
  });

  it('remembers 长辈版 without the query, and 显示设置 (sub-package) turns it off', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('village-name').waitFor({ timeout: 30_000 });
    expect(await htmlHasCareMode()).toBe(true);

    await page.getByTestId('home-display-settings').click();
    await waitForPageShown(page, 'display-settings-page');
    expect(new URL(page.url()).pathname).toBe('/packages/settings/pages/display/index');
    expect(await page.locator('#taro-navigation-bar').innerText()).toContain('返回');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'display-elder');

    const toggle = page.getByTestId('display-settings-page').getByTestId('care-mode-switch');
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await toggle.innerText()).toContain('已关闭');
    expect(await htmlHasCareMode()).toBe(false);
    const main = await textMetrics('[data-testid="display-settings-page"] .display__para');
    expect(main.fontSize).toBeGreaterThanOrEqual(16);
    expect(main.fontSize).toBeLessThan(18);
  });

  it('the 公开 tab tells a signed-out visitor to log in and bind', async () => {
    await page.goto(`${server.baseUrl}/?mode=standard`);
    await page.getByTestId('village-name').waitFor({ timeout: 30_000 });
    await page.locator('.weui-tabbar__label', { hasText: '公开' }).click();
    await waitForPageShown(page, 'notices-page');
    expect(await page.getByTestId('notices-sign-in').innerText()).toContain('登录以后可以看村里的公开');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'notices-standard');
  });

  it('我的 has the 长辈版 switch and the way to 显示设置', async () => {
    await page.locator('.weui-tabbar__label', { hasText: '我的' }).click();
    await waitForPageShown(page, 'mine-page');
    const mine = page.getByTestId('mine-page');
    expect(await mine.getByTestId('care-mode-switch').innerText()).toContain('长辈版');
    expect(await mine.getByTestId('mine-display-settings').innerText()).toContain('显示设置');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'mine-standard');
  });

  it('when the server keeps failing, 首页 says so in Chinese and 重试 recovers', async () => {
    let failing = true;
    await page.route('**/api/villages/current', async (route) => {
      if (!failing) return route.fallback();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'UNAVAILABLE', message: '服务器正在维护，请过一会儿再试。', correlationId: 'e2e-1' }),
      });
    });
    await page.goto(`${server.baseUrl}/?mode=elder`);
    const error = page.getByTestId('error-state');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toContain('服务器正在维护，请过一会儿再试。');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home-error-elder');

    failing = false;
    await error.locator('.error-state__retry').click();
    await page.getByTestId('village-name').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('error-state').count()).toBe(0);
    await page.unroute('**/api/villages/current');
  });
});
