import { test } from 'vitest';
import { startTestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
test('probe', async () => {
  const app = await startTestApp(); const b = await launchBrowser();
  const ctx = await b.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const p = await ctx.newPage();
  p.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  p.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await p.goto(app.url); await p.waitForTimeout(2500);
  console.log('URL after', p.url());
  await screenshot(p, 'probe-home');
  await b.close(); await app.close();
});
