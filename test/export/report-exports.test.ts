// The exports of the sample county (sample/ and sample-extra/), made by the real CLI and read
// back: the 指标明细 sheet and the register tables hold the figures of the expected.json files (worked out independently of this
// code), the Word draft says them in the seed reports' voice and is laid out to GB/T 9704, and
// the CLI refuses what it cannot do with a clear message and exit code 2.

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { besidesProgress, readExpectedWhole, runCli, sampleExtraPaths, sampleLedgerPaths, tempDir } from '../support/cli.ts';
import { asCells, indicatorSheet, paragraphs, paragraphXml, readWorkbook, tableCell, zipPart } from './read-exports.ts';

const expected = readExpectedWhole();
const dir = tempDir('export');
const dbFile = path.join(dir, 'county.sqlite');
const xlsxFile = path.join(dir, '2024年统计表.xlsx');
const docxFile = path.join(dir, '2024年报告.docx');

function expectedFigures(from: string, to: string, office: string | null): Record<string, number | null> {
  const found = expected.cases.find((c) => c.from === from && c.to === to && c.office === office);
  if (!found) throw new Error(`expected.json has no case ${from}…${to} ${office ?? '全局'}`);
  return found.indicators;
}

const year2024 = expectedFigures('2024-01-01', '2024-12-31', null);
const year2023 = expectedFigures('2023-01-01', '2023-12-31', null);

function exportReport(args: string[]) {
  const run = runCli(['export', '--db', dbFile, ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run;
}

/** 同比 worked out by hand: |this − last| / last × 100, half-up to hundredths, with its direction. */
function yearOnYear(current: number, previous: number): string {
  const difference = Math.abs(current - previous) * 10_000;
  const quotient = Math.floor(difference / previous);
  const hundredths = (difference % previous) * 2 >= previous ? quotient + 1 : quotient;
  return `同比${current > previous ? '上升' : '下降'}${(hundredths / 100).toFixed(2)}%`;
}

const wan = (value: number | null) => value!.toFixed(2);

beforeAll(() => {
  const imported = runCli(['import', '--db', dbFile, ...sampleLedgerPaths(), ...sampleExtraPaths()]);
  expect(besidesProgress(imported.stderr)).toEqual([]);
  expect(imported.status).toBe(0);
  const run = exportReport(['--from', '2024-01-01', '--to', '2024-12-31', '--xlsx', xlsxFile, '--docx', docxFile]);
  expect(run.stdout).toContain(xlsxFile);
  expect(run.stdout).toContain(docxFile);
});

describe('the Excel export of the sample county, 2024, whole bureau', () => {
  it('lists every indicator with its id and label, and the whole bureau in 合计', async () => {
    const sheet = indicatorSheet(await readWorkbook(xlsxFile));
    expect(sheet.header.slice(0, 2)).toEqual(['指标', '合计']);
    expect(sheet.header.at(-1)).toBe('指标编号');
    expect([...sheet.header.slice(2, -1)].sort()).toEqual([...expected.offices].sort());
    expect(sheet.rows.map((row) => row.id).sort()).toEqual(Object.keys(year2024).sort());
    const labels = Object.fromEntries(sheet.rows.map((row) => [row.id, row.label]));
    // Labels as indicators.md prints them.
    expect(labels['mediation.cases.received']).toBe('受理矛盾纠纷（宗）');
    expect(labels['mediation.cases.success_rate']).toBe('调解成功率（%）');
    expect(labels['legal_aid.recovered_wan']).toBe('挽回经济损失（万元）');
    expect(labels['correction.active_end']).toBe('在册在矫（人）');
    expect(sheet.columns['合计']).toEqual(asCells(year2024));
  });

  it("gives each office's own figures in its column", async () => {
    const sheet = indicatorSheet(await readWorkbook(xlsxFile));
    for (const office of ['城西司法所', '城南司法所']) {
      expect(sheet.columns[office], office).toEqual(asCells(expectedFigures('2024-01-01', '2024-12-31', office)));
    }
  });

  it('writes figures as numbers, rates and 万元 with two decimals', async () => {
    const sheet = (await readWorkbook(xlsxFile)).getWorksheet('指标明细')!;
    const rowOf = (id: string) => {
      let found = 0;
      sheet.eachRow((row, rowNumber) => {
        if (row.getCell(row.cellCount).value === id) found = rowNumber;
      });
      return sheet.getRow(found);
    };
    expect(rowOf('mediation.cases.received').getCell(1).value).toBe('受理矛盾纠纷（宗）');
    expect(rowOf('mediation.cases.received').getCell(2).value).toBe(711);
    expect(rowOf('mediation.cases.success_rate').getCell(2).numFmt).toBe('0.00');
    expect(rowOf('mediation.cases.amount_wan').getCell(2).numFmt).toBe('0.00');
    expect(typeof rowOf('mediation.cases.amount_wan').getCell(2).value).toBe('number');
  });

  it('has a printable table per register with the figures of expected.json', async () => {
    const workbook = await readWorkbook(xlsxFile);
    const lines = ['人民调解', '法律援助', '社区矫正', '村(居)法律顾问', '普法', '安置帮教'];
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['指标明细', ...lines]);
    for (const register of lines) {
      const sheet = workbook.getWorksheet(register)!;
      const title = sheet.getCell(1, 1);
      expect(title.value).toBe(`司法局2024年${register}工作统计表`);
      expect(sheet.getCell(1, sheet.columnCount).master.address).toBe('A1');
      expect(sheet.getCell(2, 1).value).toContain('统计期间：2024-01-01至2024-12-31');
      expect(sheet.getCell(4, 1).master.address).toBe('A3');
      expect(sheet.pageSetup.orientation).toBe('landscape');
      expect(sheet.pageSetup.paperSize).toBe(9); // A4
      expect(sheet.pageSetup.fitToPage).toBe(true);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.printTitlesRow).toBe('3:4');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    }
    const cityWest = expectedFigures('2024-01-01', '2024-12-31', '城西司法所');
    const mediation = workbook.getWorksheet('人民调解')!;
    expect(tableCell(mediation, '合计', '受理矛盾纠纷（宗）', '合计')).toBe(711);
    expect(tableCell(mediation, '合计', '调解结果（宗）', '调解成功')).toBe(678);
    expect(tableCell(mediation, '合计', '调解成功率（%）')).toBe(95.36);
    expect(tableCell(mediation, '合计', '涉及金额（万元）')).toBe(3186.23);
    expect(tableCell(mediation, '城西司法所', '受理矛盾纠纷（宗）', '合计')).toBe(cityWest['mediation.cases.received']);
    expect(tableCell(mediation, '城西司法所', '调解成功率（%）')).toBe(cityWest['mediation.cases.success_rate']);
    const legalAid = workbook.getWorksheet('法律援助')!;
    expect(tableCell(legalAid, '合计', '受理法律援助案件（宗）', '合计')).toBe(year2024['legal_aid.cases.received']);
    expect(tableCell(legalAid, '合计', '挽回经济损失（万元）')).toBe(year2024['legal_aid.recovered_wan']);
    expect(tableCell(legalAid, '合计', '应援尽援率（%）')).toBe(year2024['legal_aid.applications.grant_rate']);
    const correction = workbook.getWorksheet('社区矫正')!;
    expect(tableCell(correction, '合计', '列管（人）')).toBe(year2024['correction.managed']);
    expect(tableCell(correction, '合计', '期末在册在矫（人）', '合计')).toBe(year2024['correction.active_end']);
    expect(tableCell(correction, '城西司法所', '列管（人）')).toBe(cityWest['correction.managed']);
    const advisers = workbook.getWorksheet('村(居)法律顾问')!;
    expect(tableCell(advisers, '合计', '村(居)法律顾问（名）')).toBe(year2024['legal_adviser.advisers']);
    expect(tableCell(advisers, '合计', '覆盖村(居)（个）')).toBe(year2024['legal_adviser.villages']);
    expect(tableCell(advisers, '合计', '提供法律服务（次）', '法律咨询')).toBe(year2024['legal_adviser.services.consultation']);
    expect(tableCell(advisers, '城西司法所', '提供法律服务（次）', '合计')).toBe(cityWest['legal_adviser.services']);
    const publicity = workbook.getWorksheet('普法')!;
    expect(tableCell(publicity, '合计', '法治宣传活动（场次）', '合计')).toBe(year2024['publicity.sessions']);
    expect(tableCell(publicity, '合计', '受众（人次）', '合计')).toBe(year2024['publicity.audience']);
    const resettlement = workbook.getWorksheet('安置帮教')!;
    expect(tableCell(resettlement, '合计', '衔接安置帮教对象（人）', '刑满释放人员')).toBe(year2024['resettlement.received.prison']);
    expect(tableCell(resettlement, '合计', '安置率（%）')).toBe(year2024['resettlement.settle_rate']);
    expect(tableCell(resettlement, '城西司法所', '帮教率（%）')).toBe(cityWest['resettlement.help_rate']);
  });

  it('shows one office and its figures with --office', async () => {
    const file = path.join(dir, '城西.xlsx');
    exportReport(['--from', '2024-01-01', '--to', '2024-12-31', '--office', '城西司法所', '--xlsx', file]);
    const sheet = indicatorSheet(await readWorkbook(file));
    const cityWest = asCells(expectedFigures('2024-01-01', '2024-12-31', '城西司法所'));
    expect(sheet.header).toEqual(['指标', '合计', '城西司法所', '指标编号']);
    expect(sheet.columns['合计']).toEqual(cityWest);
    expect(sheet.columns['城西司法所']).toEqual(cityWest);
  });
});

describe('the Word draft of the sample county, 2024, whole bureau', () => {
  it('says the figures in the voice of the annual reports, with 同比 against 2023', async () => {
    const text = paragraphs(await zipPart(docxFile, 'word/document.xml'));
    const f = year2024;
    const last = year2023;
    expect(text[0]).toBe('司法局2024年人民调解、法律援助、社区矫正、村(居)法律顾问、普法、安置帮教工作情况报告');
    expect(text).toContain('一、人民调解工作');
    expect(text).toContain('二、法律援助工作');
    expect(text).toContain('三、社区矫正工作');
    expect(text).toContain('四、村(居)法律顾问工作');
    expect(text).toContain('五、普法工作');
    expect(text).toContain('六、安置帮教工作');
    const percent = (id: string) => f[id]!.toFixed(2);
    expect(text.join('\n')).toContain(
      `2024年，全县（区）${f['legal_adviser.advisers']}名村(居)法律顾问为${f['legal_adviser.villages']}个村(社区)` +
        `提供法律服务${f['legal_adviser.services']}次，其中法律咨询${f['legal_adviser.services.consultation']}人次、` +
        `法治讲座${f['legal_adviser.services.lecture']}场次、入村(居)服务${f['legal_adviser.services.visit']}次`,
    );
    expect(text.join('\n')).toContain(
      `2024年，全县（区）开展法治宣传活动${f['publicity.sessions']}场次，受众${f['publicity.audience']}人次，` +
        `其中法治讲座${f['publicity.sessions.lecture']}场次`,
    );
    expect(text.join('\n')).toContain(
      `2024年，全县（区）衔接安置帮教对象${f['resettlement.received']}人，其中刑满释放人员${f['resettlement.received.prison']}人、` +
        `解除社区矫正人员${f['resettlement.received.correction']}人，必接必送${f['resettlement.handover']}人，` +
        `安置率${percent('resettlement.settle_rate')}%，帮教率${percent('resettlement.help_rate')}%`,
    );
    expect(text.join('\n')).toContain(
      `提供法律服务次数${yearOnYear(f['legal_adviser.services']!, last['legal_adviser.services']!)}（上年${last['legal_adviser.services']}次）`,
    );
    const body = text.join('\n');
    expect(body).toContain(
      `2024年，全县（区）${f['mediation.orgs']}个人民调解组织、${f['mediation.mediators']}名人民调解员共受理矛盾纠纷711宗，` +
        `调解成功678宗，调解成功率95.36%，涉及金额3186.23万元。`,
    );
    expect(body).toContain(
      `受理矛盾纠纷数${yearOnYear(711, last['mediation.cases.received']!)}（上年${last['mediation.cases.received']}宗）`,
    );
    // 万元's 同比 comes from the exact sums in fen, which expected.json does not give.
    expect(body).toMatch(new RegExp(`涉及金额同比下降\\d+\\.\\d\\d%（上年${wan(last['mediation.cases.amount_wan']!)}万元）`));
    expect(body).toContain(
      `共受理法律援助案件${f['legal_aid.cases.received']}宗（其中刑事${f['legal_aid.cases.criminal']}宗、民事${f['legal_aid.cases.civil']}宗、` +
        `行政${f['legal_aid.cases.administrative']}宗、国家赔偿${f['legal_aid.cases.state_compensation']}宗、其他非诉${f['legal_aid.cases.non_litigation']}宗），` +
        `办结${f['legal_aid.cases.closed']}宗，提供法律咨询${f['legal_aid.consultations']}人次，挽回经济损失${wan(f['legal_aid.recovered_wan']!)}万元。`,
    );
    expect(body).toContain(`应援尽援率${wan(f['legal_aid.applications.grant_rate']!)}%`);
    expect(body).toContain(
      `社区矫正对象列管${f['correction.managed']}人，新接收${f['correction.received']}人，解除矫正${f['correction.released']}人`,
    );
    expect(body).toContain(`在册在矫${f['correction.active_end']}人`);
    expect(body).toContain(`再犯罪率${wan(f['correction.reoffense_rate']!)}%`);
    expect(body).toContain(
      `列管人数${yearOnYear(f['correction.managed']!, last['correction.managed']!)}（上年${last['correction.managed']}人）`,
    );
  });

  it('is laid out to GB/T 9704-2012', async () => {
    const xml = await zipPart(docxFile, 'word/document.xml');
    // A4 is 210 × 297 mm; margins 37, 35, 28, 26 mm; 1 mm = 1440 / 25.4 twips:
    // 11905.5 → 11906, 16837.8 → 16838, 2097.6 → 2098, 1984.3 → 1984, 1587.4 → 1587, 1474.0 → 1474.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Title 方正小标宋简体 2号 (22 pt = 44 half-points), centred.
    const title = paragraphXml(xml, '工作情况报告');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    // Headings 黑体 and 楷体_GB2312, body 仿宋_GB2312, all 3号 (16 pt = 32 half-points).
    const heading = paragraphXml(xml, '一、人民调解工作');
    expect(heading).toContain('w:eastAsia="黑体"');
    expect(heading).toContain('<w:sz w:val="32"/>');
    const subheading = paragraphXml(xml, '（一）人民调解组织和队伍');
    expect(subheading).toContain('w:eastAsia="楷体_GB2312"');
    expect(subheading).toContain('<w:sz w:val="32"/>');
    const body = paragraphXml(xml, '共受理矛盾纠纷711宗');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    // Two characters of first-line indent; fixed 28.95 pt lines (579 twentieths of a point).
    expect(body).toContain('w:firstLineChars="200"');
    expect(body).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('numbers the pages 「— 1 —」 in 宋体 4号 in the footer', async () => {
    const footer = await zipPart(docxFile, 'word/footer1.xml');
    expect(paragraphs(footer).join('')).toBe('—  —');
    expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/);
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(footer).toContain('<w:sz w:val="28"/>');
  });

  it('names a part of the year and compares with the same months of last year', async () => {
    const file = path.join(dir, '1-10月.docx');
    exportReport(['--from', '2024-01-01', '--to', '2024-10-31', '--docx', file]);
    const text = paragraphs(await zipPart(file, 'word/document.xml'));
    const f = expectedFigures('2024-01-01', '2024-10-31', null);
    expect(text[0]).toBe('司法局2024年1—10月人民调解、法律援助、社区矫正、村(居)法律顾问、普法、安置帮教工作情况报告');
    const body = text.join('\n');
    expect(body).toContain(
      `2024年1—10月，全县（区）${f['mediation.orgs']}个人民调解组织、${f['mediation.mediators']}名人民调解员` +
        `共受理矛盾纠纷${f['mediation.cases.received']}宗，调解成功${f['mediation.cases.succeeded']}宗，` +
        `调解成功率${wan(f['mediation.cases.success_rate']!)}%，涉及金额${wan(f['mediation.cases.amount_wan']!)}万元。`,
    );
    expect(body).toMatch(/受理矛盾纠纷数(同比(上升|下降)\d+\.\d\d%|与上年同期持平)（上年同期\d+宗）/);
  });
});

describe('the CLI export refuses what it cannot do', () => {
  it('never creates a missing database', () => {
    const missing = path.join(dir, '没有这个库.sqlite');
    const run = runCli(['export', '--db', missing, '--from', '2024-01-01', '--to', '2024-12-31', '--xlsx', path.join(dir, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不存在');
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('names the offices there are when --office is unknown', () => {
    const run = runCli(['export', '--db', dbFile, '--from', '2024-01-01', '--to', '2024-12-31', '--office', '东城司法所', '--xlsx', path.join(dir, 'y.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('东城司法所');
    for (const office of expected.offices) expect(run.stderr).toContain(office);
    expect(fs.existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
  });

  it('wants a period and at least one output file', () => {
    const noPeriod = runCli(['export', '--db', dbFile, '--xlsx', path.join(dir, 'z.xlsx')]);
    expect(noPeriod.status).toBe(2);
    expect(noPeriod.stderr).toContain('--from');
    const noOutput = runCli(['export', '--db', dbFile, '--from', '2024-01-01', '--to', '2024-12-31']);
    expect(noOutput.status).toBe(2);
    expect(noOutput.stderr).toContain('--xlsx');
    const badDate = runCli(['export', '--db', dbFile, '--from', '2024-01-01', '--to', '2024-13-01', '--docx', path.join(dir, 'z.docx')]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('2024-13-01');
  });

  it('leaves no temporary file behind, and says so when the folder does not exist', () => {
    const run = runCli(['export', '--db', dbFile, '--from', '2024-01-01', '--to', '2024-12-31', '--xlsx', path.join(dir, '无此文件夹', 'a.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('无此文件夹');
    expect(fs.readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
