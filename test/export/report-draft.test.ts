// The Word draft's frame (issue 8, point 20): a 落款 with the bureau's name and the date as
// GB/T 9704 writes it (2025年12月2日), no 「截至」 after today when the period has not ended, an
// editable section 存在的问题和下一步工作, and the note on where the figures come from kept in
// the document's properties, not its body. And the workbook's 指标明细 reads label first.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { buildReportDocument } from '../../db/export/report-document.ts';
import { buildReportWorkbook } from '../../db/export/report-workbook.ts';
import { paragraphs } from './read-exports.ts';

let db: RegisterDatabase;

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2025-12-02' });
  for (const [method, input] of [
    ['settings.update', { bureauName: '潮州市湘桥区司法局' }],
    ['office.create', { name: '城西司法所' }],
    ['mediationOrg.create', { record: { name: '城西镇人民调解委员会', kind: 'township', office_id: 1, founded_on: '2015-03-01' } }],
  ] as const) {
    const result = await call(method, input);
    if (!result.ok) throw new Error(result.error.message);
  }
});

async function documentParts(today: string, to = '2025-12-31') {
  const zip = await JSZip.loadAsync(await buildReportDocument(db, { from: '2025-01-01', to, officeId: null }, today));
  return { body: await zip.file('word/document.xml')!.async('string'), core: await zip.file('docProps/core.xml')!.async('string') };
}

describe('the Word draft', () => {
  it('ends with the 落款: the bureau, then the date 2025年12月2日', async () => {
    const text = paragraphs((await documentParts('2025-12-02')).body);
    expect(text.slice(-2)).toEqual(['潮州市湘桥区司法局', '2025年12月2日']);
  });

  it('dates nothing after today: 截至 the earlier of the period’s end and today', async () => {
    const early = paragraphs((await documentParts('2025-12-02')).body).join('\n');
    expect(early).toContain('截至2025年12月2日');
    expect(early).not.toContain('截至2025年12月31日');
    const late = paragraphs((await documentParts('2026-01-06')).body).join('\n');
    expect(late).toContain('截至2025年12月31日');
    expect(paragraphs((await documentParts('2026-01-06')).body).at(-1)).toBe('2026年1月6日');
  });

  it('has the section 存在的问题和下一步工作 to be written, after the three registers', async () => {
    const text = paragraphs((await documentParts('2025-12-02')).body);
    const at = (heading: string) => text.indexOf(heading);
    expect(at('三、社区矫正工作')).toBeGreaterThan(0);
    expect(at('四、存在的问题和下一步工作')).toBeGreaterThan(at('三、社区矫正工作'));
    expect(text.slice(at('四、存在的问题和下一步工作') + 1, at('四、存在的问题和下一步工作') + 5)).toEqual([
      '（一）存在的问题',
      '【请填写：工作中存在的主要问题和困难。】',
      '（二）下一步工作',
      '【请填写：下一步工作打算和措施。】',
    ]);
  });

  it('keeps the generated note out of the body, in the document properties', async () => {
    const { body, core } = await documentParts('2025-12-02');
    expect(paragraphs(body).join('\n')).not.toContain('本报告数据由司法台账');
    expect(core).toContain('本报告数据由司法台账按2025年1月1日至2025年12月31日的台账记录统计');
  });
});

describe('the workbook’s 指标明细', () => {
  it('shows the Chinese label first and the id in the last column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildReportWorkbook(db, { from: '2025-01-01', to: '2025-12-31', officeId: null })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标明细')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['指标', '合计', '城西司法所', '指标编号']);
    const orgs = sheet.getRow(2);
    expect([orgs.getCell(1).value, orgs.getCell(4).value]).toEqual(['调解组织数', 'mediation.orgs']);
    expect(orgs.getCell(2).value).toBe(1);
  });
});
