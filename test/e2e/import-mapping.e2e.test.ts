// Browser test of what the importer cannot recognise (registers.md §5): a cases ledger with a
// name that says nothing, an unknown column that is a required field, another to ignore, and a
// value outside its list. The preview says how the sheet was read and offers a choice for each;
// nothing can be written until all are answered; the answers import the ledger and are
// remembered, so a second ledger of the same layout previews clean without asking.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { tempDir } from '../support/cli.ts';

let app: TestApp;
let browser: Browser;
let page: Page;
let dir: string;

const header = '案号,调委会,受理日期,来源,纠纷类别,当事人,主调人,调解结果,结案日期,协议形式,不成功去向,调解地点';

function ledger(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\ufeff${[header, ...rows].join('\r\n')}\r\n`);
  return file;
}

const csvFile = (name: string, lines: string[]) => ({ name, content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`).toString('base64') });

async function cases(): Promise<number> {
  const result = await app.call('mediationCase.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { total: number }).total;
}

async function choose(label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  // The open list's option: other pickers of the page (the templates' 台账) keep theirs in the page, hidden.
  await page
    .locator('[data-combobox-option]', { hasText: new RegExp(`^${option.replace(/[()（）]/g, '\\$&')}$`) })
    .filter({ visible: true })
    .first()
    .click();
}

beforeAll(async () => {
  dir = tempDir('import-mapping');
  app = await startTestApp();
  const base = await app.call('import.commit', {
    files: [
      csvFile('调解组织.csv', ['名称,类型,所属单位,成立日期', '东村人民调解委员会,村(居)调委会,城西司法所,2020-01-01']),
      csvFile('调解员.csv', ['姓名,所属调解组织,专兼职,聘任日期', '苏海,东村人民调解委员会,兼职,2020-02-01']),
    ],
  });
  if (!base.ok) throw new Error(base.error.message);
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入', exact: true }).click();
  await page.getByRole('heading', { name: '导入台账' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('导入：指定不认识的列和值', () => {
  it('asks for each unknown column and value, writes nothing until all are answered, then imports', async () => {
    await page.locator('input[type=file]').setInputFiles(
      ledger('调解案件-导入测试.csv', [
        '(2024)东调字第0001号,东村人民调解委员会,2024-03-05,当事人申请,家事纠纷,张三、李四,苏海,调解成功,2024-03-20,书面,,村委会',
        '(2024)东调字第0002号,东村人民调解委员会,2024-04-01,当事人申请,邻里纠纷,王五、赵六,苏海,调解中,,,,村委会',
      ]),
    );
    await page.getByTestId('mapping-choices').waitFor();
    await page.getByText('缺少必填列：「调解员」').waitFor();
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-mapping-columns');

    await choose('列「主调人」读作', '调解员');
    await choose('列「调解地点」读作', '（忽略此列）');
    // Re-checked with the columns answered: now the value outside 纠纷类型's list is asked for.
    await page.getByRole('combobox', { name: '纠纷类型「家事纠纷」读作' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    expect(await cases()).toBe(0);
    await choose('纠纷类型「家事纠纷」读作', '婚姻家庭');

    await page.getByText('检查通过').waitFor({ timeout: 60_000 });
    const readings = page.getByTestId('ledger-readings');
    await readings.getByText('工作表「调解案件-导入测试」按「人民调解案件」读取').click();
    await readings.getByText('纠纷类型：家事纠纷 → 婚姻家庭：1 行').waitFor();
    await readings.getByText('纠纷类型：邻里纠纷 → 邻里：1 行').waitFor();
    await expect(page.getByRole('button', { name: '保存为映射文件（MAPPING.json）' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'import-mapping-answered');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成').first().waitFor({ timeout: 60_000 });
    expect(await cases()).toBe(2);
  });

  it('remembers the answers for that header layout', async () => {
    await page.locator('input[type=file]').setInputFiles(
      ledger('调解案件-二月.csv', [
        '(2024)东调字第0003号,东村人民调解委员会,2024-06-05,当事人申请,家事纠纷,周九、吴十,苏海,调解成功,2024-06-20,口头,,村委会',
      ]),
    );
    await page.getByText('检查通过').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('combobox', { name: '纠纷类型「家事纠纷」读作' }).count()).toBe(0);
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => cases(), { timeout: 60_000 }).toBe(3);
  });
});
