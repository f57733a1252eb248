/**
 * Draws the five tab bar icons (81 × 81 PNG, normal and selected colour) from the SVG below, using
 * Debian's Chromium through playwright-core. Run once after changing an icon:
 *   node scripts/make-tabbar-icons.js
 * The PNGs are committed in src/assets/tabbar/ (WeChat's tab bar needs PNG files, not SVG).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const COLORS = { normal: '#3D4047', active: '#1E5AA8' };
const STROKE = 'stroke-width="5" stroke-linecap="round" stroke-linejoin="round" fill="none"';

const ICONS = {
  // 首页: a house
  home: (c) => `<path d="M12 38 L40 14 L68 38" stroke="${c}" ${STROKE}/><path d="M20 33 V66 H60 V33" stroke="${c}" ${STROKE}/><path d="M34 66 V48 H46 V66" stroke="${c}" ${STROKE}/>`,
  // 公开: a notice sheet with lines
  notices: (c) => `<rect x="18" y="10" width="44" height="60" rx="5" stroke="${c}" ${STROKE}/><path d="M28 26 H52 M28 38 H52 M28 50 H44" stroke="${c}" ${STROKE}/>`,
  // 议事: two speech bubbles
  council: (c) => `<path d="M10 16 H50 V44 H28 L18 54 V44 H10 Z" stroke="${c}" ${STROKE}/><path d="M56 28 H70 V58 H62 V68 L52 58 H34 V50" stroke="${c}" ${STROKE}/>`,
  // 积分: a star
  points: (c) => `<path d="M40 10 L48.8 28.2 L68.5 30.7 L54 44.6 L57.7 64.3 L40 54.8 L22.3 64.3 L26 44.6 L11.5 30.7 L31.2 28.2 Z" stroke="${c}" ${STROKE}/>`,
  // 我的: a person
  mine: (c) => `<circle cx="40" cy="26" r="13" stroke="${c}" ${STROKE}/><path d="M14 68 C14 52 26 44 40 44 C54 44 66 52 66 68" stroke="${c}" ${STROKE}/>`,
};

(async () => {
  const outDir = path.join(__dirname, '..', 'src', 'assets', 'tabbar');
  fs.mkdirSync(outDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 81, height: 81 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  for (const [name, draw] of Object.entries(ICONS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80">${draw(color)}</svg>`;
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const file = path.join(outDir, `${name}${state === 'active' ? '-active' : ''}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(file);
    }
  }
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
})();
