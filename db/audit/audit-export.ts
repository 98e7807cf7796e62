// The audit log as an Excel workbook for administrators: a sheet 「审计日志」 with the entries a
// search finds (oldest first, personal numbers masked), read as a person reads them (the record's
// name, the user's display name, the action in Chinese, field labels and shown values: readable-entry.ts)
// and a sheet 「校验结果」 with what verifying the whole chain found when the file was made.
// Text that a spreadsheet could take for a formula is neutralised (formula-safety.ts). It
// returns the bytes; it writes nothing, to the database or to disk.

import ExcelJS from 'exceljs';
import type { RegisterDatabase } from '../database.ts';
import { neutraliseWorkbook } from '../export/formula-safety.ts';
import { localTimestamp, verifyAuditLog } from './audit-log.ts';
import { auditEntries, type AuditQuery } from './audit-search.ts';
import { auditReader } from './readable-entry.ts';

/** Excel keeps at most 32,767 characters in a cell; longer JSON is cut with a note. */
const CELL_CHARACTERS = 32_000;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > CELL_CHARACTERS ? `${text.slice(0, CELL_CHARACTERS)}…（已截断，共 ${text.length} 字）` : text;
}

export async function buildAuditWorkbook(db: RegisterDatabase, query: AuditQuery): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '司法台账';
  const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '序号', width: 8 },
    { header: '时间', width: 20 },
    { header: '用户', width: 14 },
    { header: '操作', width: 22 },
    { header: '对象', width: 28 },
    { header: '修改的字段', width: 24 },
    { header: '修改前', width: 60 },
    { header: '修改后', width: 60 },
    { header: '说明', width: 60 },
    { header: '哈希（SHA-256）', width: 66 },
  ];
  sheet.getRow(1).font = { bold: true };
  const reader = auditReader(db);
  for (const entry of auditEntries(db, query)) {
    const readable = reader.read(entry);
    const changes = (side: 'before' | 'after') => readable.changes.map((change) => `${change.label}：${change[side]}`).join('\n');
    sheet.addRow([
      entry.id,
      readable.time,
      readable.userName,
      readable.actionText,
      readable.object,
      readable.changes.map((change) => change.label).join('、'),
      cellText(changes('before')),
      cellText(changes('after')),
      cellText(entry.details),
      entry.hash,
    ]);
  }

  const verification = verifyAuditLog(db);
  const check = workbook.addWorksheet('校验结果');
  check.columns = [{ width: 16 }, { width: 60 }];
  check.addRows([
    ['校验时间', localTimestamp(new Date())],
    ['日志条数', verification.entries],
    ['结论', verification.ok ? '哈希链完整，未发现修改或删除' : '发现问题'],
    ...verification.problems.map((problem) => ['问题', problem.message]),
  ]);
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
