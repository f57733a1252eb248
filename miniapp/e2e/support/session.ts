import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, waitForPageShown } from './browser';
import { expectControlsAtLeast, smallestText } from './metrics';
import type { RunningServer } from './server';

export type Mode = 'elder' | 'standard';

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  me: { account: { currentPrivacyNoticeVersion: string }; resident: { id: string; name: string } | null };
}

export interface ApiOptions {
  token?: string;
  method?: string;
  body?: unknown;
}

/**
 * What every browser story needs, bound to its server and page (created in its beforeAll, hence the
 * getters): the API as a clerk's script would call it, demo sign-in, putting a session on the
 * "phone", opening a page in a mode, and the UX.md checks before each screenshot.
 */
export function e2eSession(ctx: { server: () => RunningServer; page: () => Page; name: string; screenshotPrefix?: string }) {
  async function api<T>(p: string, options: ApiOptions = {}): Promise<T> {
    const res = await fetch(`${ctx.server().baseUrl}/api${p}`, {
      method: options.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `${ctx.name}-e2e-${Math.random().toString(36).slice(2)}`,
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${options.method ?? 'GET'} ${p} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async function signInPersona(persona: string): Promise<LoginAnswer> {
    const login = await api<LoginAnswer>('/auth/demo-login', { method: 'POST', body: { persona } });
    await api('/me/privacy-consent', { method: 'POST', token: login.accessToken, body: { version: login.me.account.currentPrivacyNoticeVersion } });
    return login;
  }

  /**
   * The app keeps its tokens with Taro's storage: localStorage, each value wrapped as {"data": …}.
   * `clear` starts from an empty phone; otherwise what the app kept (a ballot receipt) stays.
   */
  async function useSession(login: LoginAnswer, options: { clear?: boolean } = {}): Promise<void> {
    const page = ctx.page();
    await page.goto(`${ctx.server().baseUrl}/`);
    await page.evaluate(
      ({ s, clear }) => {
        if (clear) localStorage.clear();
        localStorage.setItem('village.token', JSON.stringify({ data: s.accessToken }));
        localStorage.setItem('village.refreshToken', JSON.stringify({ data: s.refreshToken }));
      },
      { s: login, clear: Boolean(options.clear) },
    );
  }

  function url(p: string, mode?: Mode): string {
    const base = ctx.server().baseUrl;
    if (!mode) return `${base}${p}`;
    return `${base}${p}${p.includes('?') ? '&' : '?'}mode=${mode}`;
  }

  async function open(p: string, testId: string, mode?: Mode): Promise<void> {
    await ctx.page().goto(url(p, mode));
    await waitForPageShown(ctx.page(), testId);
  }

  /** The page on show never scrolls sideways (a wide table scrolls inside its own box). */
  async function expectNoSidewaysScroll(): Promise<void> {
    const widths = await ctx.page().evaluate(() => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((el) => getComputedStyle(el).display !== 'none');
      return { page: shown ? shown.scrollWidth - shown.clientWidth : -1, doc: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    expect(widths).toEqual({ page: 0, doc: 0 });
  }

  /** axe-core clean, the size floors of UX.md, no sideways scroll, then the screenshot. */
  async function check(name: string, mode: Mode): Promise<void> {
    const page = ctx.page();
    await page.waitForTimeout(200);
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (mode === 'elder') {
      await expectControlsAtLeast(page, 60);
      expect((await smallestText(page)).size).toBeGreaterThanOrEqual(18);
    } else {
      await expectControlsAtLeast(page, 44);
      expect((await smallestText(page)).size).toBeGreaterThanOrEqual(16);
    }
    await expectNoSidewaysScroll();
    await screenshot(page, `${ctx.screenshotPrefix ?? ''}${name}-${mode}`);
  }

  /** The biggest text on the page on show (UX.md: ≥ 30 px in 长辈版). */
  async function largestText(): Promise<number> {
    return ctx.page().evaluate(() => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((el) => getComputedStyle(el).display !== 'none');
      let best = 0;
      const walker = document.createTreeWalker(shown ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !(node.textContent ?? '').trim() || el.getClientRects().length === 0) continue;
        best = Math.max(best, parseFloat(getComputedStyle(el).fontSize));
      }
      return best;
    });
  }

  function dialogButton(dialogTestId: string, name: string) {
    return ctx.page().getByTestId(dialogTestId).getByRole('button', { name, exact: true });
  }

  return { api, signInPersona, useSession, url, open, expectNoSidewaysScroll, check, largestText, dialogButton };
}
