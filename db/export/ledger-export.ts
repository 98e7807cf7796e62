// Taking a register out as a ledger (台账) file, for the API and the CLI alike: the rows of the
// list as narrowed (ledger-rows.ts), titled for the office and period they cover, as the
// printable .xlsx (ledger-workbook.ts) or as CSV (ledger-csv.ts); and a register's empty import
// template. Reads the database; returns bytes and a file name, writes no file.

import type { ledgerFormats } from '../api/contract.ts';
import type { RegisterDatabase } from '../database.ts';
import type { RegisterDefinition } from '../registers/register.ts';
import { loadVocabulary } from '../registers/store.ts';
import { buildLedgerCsv } from './ledger-csv.ts';
import { ledgerColumns, ledgerRows, type LedgerQuery } from './ledger-rows.ts';
import { buildLedgerWorkbook, buildTemplateWorkbook } from './ledger-workbook.ts';
import { bureauName, dateName, periodName } from './report-scope.ts';

export type LedgerFormat = (typeof ledgerFormats)[number];

export interface LedgerExportRequest {
  readonly register: RegisterDefinition;
  readonly format: LedgerFormat;
  readonly query: LedgerQuery;
  /** 身份证号码 in full (the caller has checked that the user may have them). */
  readonly fullIdNumbers: boolean;
  /** When the ledger is taken out (the 导出时间 line). */
  readonly now: Date;
}

export interface LedgerFile {
  readonly fileName: string;
  readonly content: Buffer;
}

export interface LedgerExport extends LedgerFile {
  /** Records in the ledger. */
  readonly rows: number;
  /** 身份证号码 written in full. */
  readonly fullIdNumbers: number;
}

/** The ideographic space that sets 填报单位 and 导出时间 apart, as printed forms do. */
const WIDE_SPACE = '\u3000';

/** The office the ledger covers, or the bureau for all offices: the 填报单位. */
function reportingUnit(db: RegisterDatabase, officeId: number | null | undefined): string {
  if (officeId) {
    const office = db.prepare('SELECT name FROM office WHERE id = ?').get(officeId) as { name: string } | undefined;
    if (office) return office.name;
  }
  return bureauName(db);
}

/** （2024年1月1日—2024年12月31日）, （2024年1月1日起）, （截至2024年12月31日）, or nothing without a period. */
function periodPart(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `（${dateName(from)}—${dateName(to)}）`;
  if (from) return `（${dateName(from)}起）`;
  if (to) return `（截至${dateName(to)}）`;
  return '';
}

/** 2026年12月2日 10:15, local time. */
function exportTime(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日 ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** 城西司法所人民调解案件登记台账（2024年1月1日—2024年12月31日） */
function ledgerTitle(unit: string, register: RegisterDefinition, query: LedgerQuery): string {
  return `${unit}${register.title}登记台账${periodPart(query.from, query.to)}${query.deleted ? '（已删除的记录）' : ''}`;
}

export async function exportLedger(db: RegisterDatabase, request: LedgerExportRequest): Promise<LedgerExport> {
  const { register, format, query } = request;
  const { columns, rows, fullIdNumbers } = ledgerRows(db, register, query, { fullIdNumbers: request.fullIdNumbers });
  if (format === 'csv') {
    // Named after the register, as the importer reads a CSV's register from its name.
    return { fileName: `${register.title}.csv`, content: buildLedgerCsv(columns, rows), rows: rows.length, fullIdNumbers };
  }
  const unit = reportingUnit(db, query.officeId);
  const content = await buildLedgerWorkbook({
    sheetName: register.title,
    title: ledgerTitle(unit, register, query),
    subtitle: `填报单位：${unit}${WIDE_SPACE}${WIDE_SPACE}导出时间：${exportTime(request.now)}`,
    columns,
    rows,
  });
  const period = query.from && query.to ? periodName(query.from, query.to) : '';
  return { fileName: `${unit}${register.title}台账${period}.xlsx`, content, rows: rows.length, fullIdNumbers };
}

/** A register's empty ledger to fill in and import: its header row, as .xlsx (with notes on each column) or CSV. */
export async function ledgerTemplate(db: RegisterDatabase, register: RegisterDefinition, format: LedgerFormat): Promise<LedgerFile> {
  const columns = ledgerColumns(register);
  if (format === 'csv') return { fileName: `${register.title}.csv`, content: buildLedgerCsv(columns, []) };
  return {
    fileName: `${register.title}导入模板.xlsx`,
    content: await buildTemplateWorkbook(register, columns, loadVocabulary(db)),
  };
}
