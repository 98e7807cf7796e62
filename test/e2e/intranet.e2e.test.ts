// Browser test of 设置 → 数据交换 → 内网同步 at the bureau, 1366×768: the administrator turns the
// listener on, on 127.0.0.1 and a free port; the app's session starts it (in its worker) and the
// page says where it listens and shows the fingerprint. An office joined with a join file made
// then (carrying address and pin) syncs to it from this process, and the bureau's exchange table
// shows the office's package.

import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { joinCounty } from '../../db/exchange/exchange.ts';
import { bureauLink } from '../../db/exchange/intranet-settings.ts';
import { syncWithBureau } from '../../db/exchange/intranet-sync.ts';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { tempDir } from '../support/cli.ts';
import { create, legalAidCase, officeId } from '../exchange/county.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('设置 → 数据交换 → 内网同步 at the bureau', () => {
  it('turns the listener on, and an office syncs to it', async () => {
    const port = await freePort();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置', exact: true }).click();
    await page.getByRole('heading', { name: '内网同步' }).waitFor();
    const form = page.locator('form').filter({ has: page.getByText('开启内网同步服务') });
    await form.getByLabel('开启内网同步服务').check();
    await form.getByRole('combobox', { name: '本机地址' }).click();
    await page.getByRole('option', { name: '127.0.0.1', exact: true }).click();
    await form.getByRole('textbox', { name: '端口' }).fill(String(port));
    await form.getByRole('button', { name: '保存内网同步设置' }).click();
    await expect.poll(() => form.innerText(), { timeout: 30_000 }).toContain(`正在 127.0.0.1:${port} 上提供内网同步`);
    const fingerprint = (await form.locator('code').innerText()).trim();
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await screenshot(page, 'settings-intranet-bureau');

    const invited = await app.call('exchange.invite', { office: '城西司法所' });
    if (!invited.ok) throw new Error(invited.error.message);
    const office = openDatabase(path.join(tempDir('intranet-e2e'), 'west.sqlite'), { create: true });
    try {
      joinCounty(office, Buffer.from((invited.value as { content: string }).content, 'base64'), '测试');
      expect(bureauLink(office)).toEqual({ enabled: true, address: '127.0.0.1', port, fingerprint, intervalMinutes: 5 });
      create(office, 'legalAidCase', legalAidCase('西-1', officeId(office, '城西司法所')));
      create(office, 'legalAidCase', legalAidCase('西-2', officeId(office, '城西司法所')));
      const synced = await syncWithBureau(async (work) => work(office), '测试');
      expect(synced.sent).toBe(2);
    } finally {
      office.close();
    }
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页', exact: true }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: '生成给该所的数据包' });
    await expect.poll(async () => row.innerText(), { timeout: 30_000 }).toMatch(/^城西司法所\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+\d+\s+2\s+/);
  }, 120_000);
});
