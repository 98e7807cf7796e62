// The browser-test harness end to end: a small page served by the real loopback server under
// the app's CSP, opened in Debian's Chromium, calls the API with the token from its URL and
// shows Chinese — drawn with a CJK font, not as empty boxes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, platformFonts, screenshot } from '../support/browser.ts';

const heading = '人民调解案件登记台账';

let staticDir: string;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-page-'));
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>司法台账</title>
<script type="module" src="./page.js"></script></head>
<body><h1 id="heading" style="font-family: sans-serif">${heading}</h1><p id="answer">等待中</p></body></html>`,
  );
  fs.writeFileSync(
    path.join(staticDir, 'page.js'),
    `const token = /token=([\\w-]+)/.exec(location.hash)[1];
const response = await fetch('/api/app.info', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
  body: '{}',
});
const result = await response.json();
document.getElementById('answer').textContent = result.ok ? '接口已连通' : '接口出错：' + result.error.message;
`,
  );
  app = await startTestApp({ staticDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

test('a page served by the harness reaches the API with its token and shows Chinese in a CJK font', async () => {
  const page = await newPage(browser, app.url);
  await expect.poll(() => page.textContent('#answer')).toBe('接口已连通');
  expect(await page.textContent('#heading')).toBe(heading);

  const fonts = await platformFonts(page, '#heading');
  expect(fonts.map((font) => font.familyName).join(', ')).toMatch(/CJK|WenQuanYi|Droid Sans Fallback|AR PL/);
  expect(fonts.reduce((sum, font) => sum + font.glyphCount, 0)).toBe([...heading].length);

  const file = await screenshot(page, 'harness-cjk');
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
});

test('the harness exposes the dispatcher directly and the API over HTTP', async () => {
  const direct = await app.call('app.info', {});
  expect(direct.ok).toBe(true);
  const response = await fetch(`${app.apiUrl}/app.info`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(await response.json()).toEqual(direct);
});
