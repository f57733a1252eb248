import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'artifacts');
export const VIEWPORT = { width: 375, height: 667 };

/** The flags this machine needs: no sandbox as root, and no background traffic to Google. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get update && apt-get install -y chromium`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'village-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves what the villager sees first (375 × 667) as `<name>.png`, and the whole page as
 * `<name>-full.png` (Taro's H5 page scrolls inside .taro_page, so the viewport is stretched).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
  const extra = await page.evaluate(() => {
    // The page on show is the .taro_page that is displayed; earlier pages stay in the DOM, hidden.
    const scroller = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find(
      (el) => getComputedStyle(el).display !== 'none',
    );
    return scroller ? Math.max(0, scroller.scrollHeight - scroller.clientHeight) : 0;
  });
  if (extra > 0) {
    await page.setViewportSize({ width: VIEWPORT.width, height: VIEWPORT.height + extra });
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}-full.png`) });
    await page.setViewportSize(VIEWPORT);
  }
}

/**
 * Waits until the page whose root has `data-testid=testId` is the only one on show (Taro's H5
 * router slides a new page in over ~300 ms and then hides the one below).
 */
export async function waitForPageShown(page: Page, testId: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
        (el) => getComputedStyle(el).display !== 'none',
      );
      if (shown.length !== 1 || !shown[0].querySelector(`[data-testid="${id}"]`)) return false;
      return Math.abs(shown[0].getBoundingClientRect().x) < 1;
    },
    testId,
    { timeout },
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page on show; returns serious and critical violations only (UX.md "Checking it"). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((el) => getComputedStyle(el).display !== 'none');
    const result = await axe.run(shown ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
