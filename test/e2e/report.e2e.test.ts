// Browser test of 统计报表 over the sample county (with sample-extra's registers): the 2024
// year-end report shows every figure of the expected.json files' 2024 whole-bureau case (value and printed text), last year's figures from
// its 2023 case, a consistent roster check; a drill-down lists as many records as its figure;
// printing hides the navigation; the Excel and Word exports download and carry the same figures.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { readExpectedWhole, sampleExtraPaths, sampleLedgerPaths } from '../support/cli.ts';

const expected = readExpectedWhole();
const caseOf = (from: string, to: string) => expected.cases.find((c) => c.from === from && c.to === to && c.office === null)!.indicators;
const year2024 = caseOf('2024-01-01', '2024-12-31');
const year2023 = caseOf('2023-01-01', '2023-12-31');

let app: TestApp;
let browser: Browser;
let page: Page;

/** How indicators.md says a figure reads, worked out here apart from the app's formatting. */
function printed(id: string, value: number | null): string {
  if (value === null) return '—';
  const grouped = (text: string) => text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (id.endsWith('rate')) return `${grouped(value.toFixed(2).split('.')[0]!)}.${value.toFixed(2).split('.')[1]}%`;
  if (id.endsWith('_wan')) return `${grouped(value.toFixed(2).split('.')[0]!)}.${value.toFixed(2).split('.')[1]}`;
  return grouped(String(value));
}

interface ShownFigure {
  readonly id: string;
  readonly value: number | null;
  readonly text: string;
  readonly previous: string;
}

async function shownFigures(): Promise<Map<string, ShownFigure>> {
  const rows = await page.locator('tr[data-indicator-id]').evaluateAll((elements) =>
    elements.map((row) => {
      const cells = row.querySelectorAll('td');
      return {
        id: (row as HTMLElement).dataset.indicatorId!,
        value: JSON.parse((row as HTMLElement).dataset.value!) as number | null,
        text: cells[1]!.textContent!.trim(),
        previous: cells[2]!.textContent!.trim(),
      };
    }),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Clicks an export button and reads the download; an export error shown instead fails at once. */
async function download(button: string): Promise<Buffer> {
  const downloaded = page.waitForEvent('download', { timeout: 60_000 });
  const failed = page.getByRole('alert').filter({ hasText: '导出未完成' });
  await page.getByRole('button', { name: button }).click();
  const file = await Promise.race([
    downloaded,
    failed.waitFor({ timeout: 60_000 }).then(async () => {
      throw new Error(`导出失败：${await failed.innerText()}`);
    }),
  ]);
  return fs.readFileSync((await file.path())!);
}

beforeAll(async () => {
  app = await startTestApp();
  await app.call('settings.update', { bureauName: '示例县司法局' });
  const files = [...sampleLedgerPaths(), ...sampleExtraPaths()].map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
  const imported = await app.call('import.commit', { files });
  expect(imported.ok && (imported.value as { ok: boolean }).ok).toBe(true);
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计报表', exact: true }).click();
  await page.locator('select[aria-label="年度"]').selectOption('2024');
  await page.getByRole('button', { name: '生成报表' }).click();
  await page.getByTestId('report').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('统计报表 for 2024', () => {
  it('shows every figure of the year-end report as expected.json has it', async () => {
    await expect(page.getByTestId('period').innerText()).resolves.toBe('2024-01-01 至 2024-12-31');
    const shown = await shownFigures();
    expect([...shown.keys()].sort()).toEqual(Object.keys(year2024).sort());
    for (const [id, value] of Object.entries(year2024)) {
      const figure = shown.get(id)!;
      expect({ id, value: figure.value, text: figure.text }).toEqual({ id, value, text: printed(id, value) });
      expect({ id, previous: figure.previous }).toEqual({ id, previous: printed(id, year2023[id] ?? null) });
    }
    await expect(page.getByTestId('generated-at').innerText()).resolves.toMatch(/生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(page.getByTestId('consistency-check').getAttribute('data-ok')).resolves.toBe('true');
    await page.getByTestId('report-charts').locator('.recharts-line').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'report-2024');
  });

  it('drills down to as many records as the figure counts', async () => {
    const figure = (id: string) => page.locator(`tr[data-indicator-id="${id}"] [data-testid=figure]`);
    await figure('mediation.cases.received').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('drill-total').filter({ hasText: /\d/ }).innerText()).resolves.toBe(
      printed('mediation.cases.received', year2024['mediation.cases.received']!),
    );
    await expect(dialog.locator('tbody tr').count()).resolves.toBe(15);
    await screenshot(page, 'report-drill-down');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await figure('legal_aid.recovered_wan').click();
    const sum = await dialog.getByTestId('drill-sum').innerText();
    const yuan = Number(sum.replace(/[^\d.]/g, ''));
    expect(Math.round(yuan / 100) / 100).toBe(year2024['legal_aid.recovered_wan']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('prints the report without the navigation and the buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      expect(await page.getByTestId('report-title').isVisible()).toBe(true);
      expect(await page.locator('tr[data-indicator-id="correction.managed"]').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('exports an Excel workbook whose 指标明细 has the same figures', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('导出Excel')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标明细')!;
    const figures = new Map<string, unknown>();
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 1) figures.set(String(row.getCell(row.cellCount).value), row.getCell(2).value);
    });
    for (const [id, value] of Object.entries(year2024)) {
      expect({ id, value: figures.get(id) }).toEqual({ id, value: value ?? '—' });
    }
  });

  it('exports a Word report that states the cases received', async () => {
    const zip = await JSZip.loadAsync(await download('导出Word'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    const received = /受理矛盾纠纷([\d,]+)宗/.exec(text);
    expect(received?.[1]).toBe(printed('mediation.cases.received', year2024['mediation.cases.received']!));
  });
});
