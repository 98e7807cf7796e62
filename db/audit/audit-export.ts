// The audit log as an Excel workbook for administrators: a sheet 「审计日志」 with the entries a
// search finds (oldest first, personal numbers masked, the record before and after as JSON)
// and a sheet 「校验结果」 with what verifying the whole chain found when the file was made.
// Text that a spreadsheet could take for a formula is neutralised (formula-safety.ts). It
// returns the bytes; it writes nothing, to the database or to disk.

import ExcelJS from 'exceljs';
import type { RegisterDatabase } from '../database.ts';
import { neutraliseWorkbook } from '../export/formula-safety.ts';
import { auditEntries, localTimestamp, verifyAuditLog, type AuditQuery } from './audit-log.ts';

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
    { header: '时间', width: 30 },
    { header: '用户', width: 14 },
    { header: '操作', width: 14 },
    { header: '接口方法', width: 26 },
    { header: '数据表', width: 18 },
    { header: '记录编号', width: 10 },
    { header: '修改的字段', width: 24 },
    { header: '修改前', width: 60 },
    { header: '修改后', width: 60 },
    { header: '说明', width: 60 },
    { header: '哈希（SHA-256）', width: 66 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const entry of auditEntries(db, query)) {
    sheet.addRow([
      entry.id,
      entry.at,
      entry.user,
      entry.actionLabel,
      entry.method,
      entry.table ?? '',
      entry.recordId ?? '',
      entry.changedFields.join('、'),
      cellText(entry.before),
      cellText(entry.after),
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
