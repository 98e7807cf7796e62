// Debian's Chromium for browser tests, driven by playwright-core: launch it headless, open a
// page as a clerk's screen would show it (1366×768, zh-CN), save screenshots under
// test/artifacts/screenshots/ (git-ignored), and read which fonts rendered a piece of text.
// Never downloads a browser: it uses /usr/bin/chromium (apt-get install chromium fonts-noto-cjk).

import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../../build/paths.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless Chromium as the test machine can run it (no sandbox, no GPU, no calls home). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotDir = path.join(repoRoot, 'test', 'artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`找不到 ${CHROMIUM_PATH}：浏览器测试需要 Debian 的 chromium（apt-get install -y chromium fonts-noto-cjk）`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** A new page in its own context (1366×768, zh-CN, Beijing time), opened at `url`. */
export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Saves a full-page screenshot as test/artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotDir, `${name}.png`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface PlatformFont {
  readonly familyName: string;
  readonly glyphCount: number;
}

/**
 * The system fonts Chromium used to draw the text of the first element matching `selector`
 * (DevTools' CSS.getPlatformFontsForNode): a way to tell Chinese drawn with a CJK font from
 * Chinese drawn as empty boxes.
 */
export async function platformFonts(page: Page, selector: string): Promise<PlatformFont[]> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`页面上没有「${selector}」`);
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map(({ familyName, glyphCount }) => ({ familyName, glyphCount }));
  } finally {
    await session.detach();
  }
}
