// Every list fits the office screens (1366×768 and 1280×720) over the sample
// county: the first row's 编辑/删除 and the last column's header and cell are inside the visible
// area (the element drawn at their centre is themselves, not cut off by the window or covered),
// and no name breaks across lines. Screenshots of every list at both sizes go to
// test/artifacts/screenshots/. The column chooser hides a column and remembers it. The other
// tables — 审计日志, 用户管理 and the import history — fit 1280×720 the same way.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registers } from '../../db/registers/index.ts';
import { AUDIT, IMPORT, USERS, registerRoutes } from '../../renderer/common/routes.ts';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { sampleExtraPaths, sampleLedgerPaths } from '../support/cli.ts';
import { visible } from './support/on-screen.ts';
import { openRegister } from './support/registers.ts';

const screens = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startTestApp({ today: '2025-03-01' });
  const files = [...sampleLedgerPaths(), ...sampleExtraPaths()].map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
  const imported = await app.call('import.commit', { files });
  expect(imported.ok && (imported.value as { ok: boolean }).ok).toBe(true);
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.each(screens)('lists at $width×$height', ({ width, height }) => {
  it.each(registerRoutes.map((route) => [route.label, route] as const))('%s: row actions and last column visible, names whole', async (_label, route) => {
    await page.setViewportSize({ width, height });
    await openRegister(page, route.path, registers.find((register) => register.name === route.register)!.title);
    const table = page.locator('main table');
    const firstRow = table.locator('tbody tr').first();
    await firstRow.locator('td').nth(1).waitFor();
    const edit = firstRow.getByRole('button', { name: /^编辑「/ });
    const remove = firstRow.getByRole('button', { name: /^删除「/ });
    const headers = table.locator('thead th');
    const dataHeaders = (await headers.count()) - 1;
    const lastHeader = headers.nth(dataHeaders - 1);
    const lastCell = firstRow.locator('td').nth(dataHeaders - 1);
    const problems = {
      编辑: await visible(edit),
      删除: await visible(remove),
      [`最后一列表头「${(await lastHeader.innerText()).trim()}」`]: await visible(lastHeader),
      最后一列: await visible(lastCell),
    };
    await screenshot(page, `list-${route.register}-${width}x${height}`);
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, null])));
    // Every single-line cell shows its whole text, and each name of a list of names stays on one line.
    const cut = await table.locator('tbody td').evaluateAll((cells) =>
      cells
        .filter((cell) => getComputedStyle(cell).whiteSpace === 'nowrap' && cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent),
    );
    expect(cut).toEqual([]);
    const brokenNames = await table.locator('[data-name]').evaluateAll((names) =>
      names.filter((name) => name.getClientRects().length > 1).map((name) => name.textContent),
    );
    expect(brokenNames).toEqual([]);
  });
});

describe('column chooser', () => {
  it('adds and hides columns, remembers the choice, and keeps the row actions pinned when all are shown', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openRegister(page, '/legal-aid/cases', '法律援助案件');
    const headers = page.locator('main table thead th');
    await page.locator('main table tbody tr td').nth(1).waitFor();
    expect(await headers.allInnerTexts()).not.toContain('挽回经济损失(元)');
    await page.getByRole('button', { name: '显示列' }).click();
    const menu = page.getByRole('dialog', { name: '显示列' });
    for (const header of ['案件来源', '挽回经济损失(元)']) await menu.getByRole('checkbox', { name: header }).click();
    await menu.getByRole('checkbox', { name: '受援人' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await headers.allInnerTexts()).map((text) => text.trim())).toEqual([
      '案件编号', '单位', '受理日期', '案件类别', '身份证号码', '审查结果', '结案日期', '案件来源', '挽回经济损失(元)', '',
    ]);
    const firstRow = page.locator('main table tbody tr').first();
    expect(await visible(firstRow.getByRole('button', { name: /^编辑「/ }))).toBeNull();
    expect(await visible(firstRow.getByRole('button', { name: /^删除「/ }))).toBeNull();
    await screenshot(page, 'list-legalAidCase-all-columns-1280x720');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: '法律援助案件' }).waitFor();
    await page.locator('main table tbody tr td').nth(1).waitFor();
    expect((await headers.allInnerTexts()).map((text) => text.trim())).toContain('挽回经济损失(元)');
    expect((await headers.allInnerTexts()).map((text) => text.trim())).not.toContain('受援人');
    await page.getByRole('button', { name: '显示列' }).click();
    await page.getByRole('dialog', { name: '显示列' }).getByRole('button', { name: '恢复默认列' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await headers.allInnerTexts()).map((text) => text.trim())).toEqual([
      '案件编号', '单位', '受理日期', '案件类别', '受援人', '身份证号码', '审查结果', '结案日期', '',
    ]);
  });
});

describe('the other tables at 1280×720', () => {
  const tables = [
    { name: '审计日志', route: AUDIT, table: 'main table', action: /^展开第 \d+ 条$/ },
    { name: '用户管理', route: USERS, table: '[data-testid=users]', action: /^修改用户「/ },
    { name: '导入记录', route: IMPORT, table: '[data-testid=import-history]', action: /^撤销$/ },
  ] as const;

  beforeAll(async () => {
    // Accounts with long names and an office, as a bureau has them.
    for (const [username, displayName, office] of [['chengxi_luru', '城西司法所录入员欧阳慧敏', '城西司法所'], ['chakan', '局机关查看员', null]] as const) {
      const officeId = office ? ((await app.call('office.list', {})) as { ok: true; value: { id: number; name: string }[] }).value.find((row) => row.name === office)!.id : null;
      const created = await app.call('users.create', { username, displayName, role: office ? 'clerk' : 'viewer', officeId, password: 'Chushi2026mima' });
      if (!created.ok) throw new Error(created.error.message);
    }
  });

  it.each(tables.map((table) => [table.name, table] as const))('%s: row actions and last column visible, names whole', async (name, { route, table: selector, action }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate((path) => {
      window.location.hash = path;
    }, route);
    const table = page.locator(selector).first();
    const firstRow = table.locator('tbody tr').first();
    await firstRow.locator('td').nth(1).waitFor();
    const headers = table.locator('thead th');
    const cells = firstRow.locator('td');
    const last = (await cells.count()) - 1;
    const problems = {
      行操作: await visible(firstRow.getByRole('button', { name: action }).first()),
      [`最后一列表头「${(await headers.nth(last).innerText()).trim()}」`]: await visible(headers.nth(last)),
      最后一列: await visible(cells.nth(last)),
    };
    await screenshot(page, `table-${name}-1280x720`);
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, null])));
    // No text in the first rows breaks across lines: each name, time and label is on one line.
    const broken = await table.locator('tbody tr:first-child td, tbody tr:nth-child(2) td').evaluateAll((tds) =>
      tds.flatMap((td) => {
        const pieces: string[] = [];
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top);
          if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 4) pieces.push(node.textContent ?? '');
        }
        return pieces;
      }),
    );
    expect(broken).toEqual([]);
  });
});
