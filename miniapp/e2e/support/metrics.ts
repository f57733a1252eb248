import type { Page } from 'playwright-core';

/** Computed font size (px) and line height ratio of the first element matching `selector`. */
export async function textMetrics(page: Page, selector: string): Promise<{ fontSize: number; lineHeight: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    const fontSize = parseFloat(style.fontSize);
    const lh = style.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(style.lineHeight);
    return { fontSize, lineHeight: lh / fontSize };
  });
}

/**
 * Heights (px) of the main controls on the page on show: switches, links, buttons, radios and text
 * boxes. Taro keeps earlier pages in the DOM (hidden), so only the displayed page is measured.
 */
export async function controlHeights(page: Page): Promise<Array<{ label: string; height: number }>> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((el) => getComputedStyle(el).display !== 'none');
    const root = shown ?? document.body;
    const els = Array.from(
      root.querySelectorAll<HTMLElement>('[role="switch"], [role="link"], [role="button"], [role="radio"], .nut-button, taro-input-core, .import-file-label'),
    );
    return els
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ label: (el.textContent ?? '').trim().slice(0, 14), height: el.getBoundingClientRect().height }));
  });
}

/** Fails with the offending controls listed when any is lower than `min` px. */
export async function expectControlsAtLeast(page: Page, min: number): Promise<void> {
  const low = (await controlHeights(page)).filter((c) => c.height + 0.5 < min);
  expect(low).toEqual([]);
}

/** The smallest font size of visible text on the page on show (px). */
export async function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((el) => getComputedStyle(el).display !== 'none');
    const root = shown ?? document.body;
    let best = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < best.size) best = { size, text: text.slice(0, 20) };
    }
    return best;
  });
}
