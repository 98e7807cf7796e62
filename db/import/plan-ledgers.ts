// Before any row is checked: the top of every sheet of every file is read, and each sheet's
// layout worked out (register and why, header, columns) with the user's mapping and the answers
// remembered for its header layout. What cannot be read, or lacks a required column, is a
// problem of its file; an unknown column is listed for the user to map or ignore.

import path from 'node:path';
import type { RegisterDatabase } from '../database.ts';
import { registerBySheet } from '../registers/index.ts';
import type { FieldSpec, RegisterDefinition } from '../registers/register.ts';
import type { Vocabulary } from '../registers/vocabulary.ts';
import { headerKey } from './header-words.ts';
import { isUnread, sheetLayout, type SheetLayout } from './layout.ts';
import { emptyMapping, mergeMappings, rememberedMapping, type ImportMapping } from './mapping.ts';
import { LedgerFileError, readHeads, type LedgerHeads, type LedgerSource, type SheetHead } from './read-ledger.ts';
import { readListValue } from './value-words.ts';

export interface SheetPlan {
  readonly source: LedgerSource;
  readonly heads: LedgerHeads;
  readonly head: SheetHead;
  readonly layout: SheetLayout;
  /** The mapping this sheet is read with (the user's over the remembered one). */
  readonly mapping: ImportMapping;
}

export interface UnknownColumn {
  readonly file: string;
  readonly sheet: string;
  readonly register: string;
  readonly header: string;
  /** The field headers it could be mapped to. */
  readonly choices: string[];
}

export interface PlannedLedgers {
  readonly plans: SheetPlan[];
  /** Problems of whole files or sheets: unreadable, no register, a missing required column. */
  readonly fileProblems: { file: string; sheet: string | null; reason: string }[];
  readonly notices: string[];
  readonly unknownColumns: UnknownColumn[];
  /** Sheets read as no register, with why (for the preview). */
  readonly unreadSheets: { file: string; sheet: string; why: string }[];
  /** Every file's heads, whose spooled rows are removed when the import is done. */
  readonly heads: LedgerHeads[];
}

export interface PlanOptions {
  readonly mapping?: ImportMapping;
  /** Register title for files whose name and columns do not say (the user's choice). */
  readonly register?: string;
}

/** Whether a header text is one of the field's values (a ticked column under its group). */
function labelTest(vocabulary: Vocabulary) {
  return (field: FieldSpec, text: string) =>
    field.list !== undefined && readListValue(field, text, vocabulary, undefined, field.header).ok;
}

export async function planLedgers(
  db: RegisterDatabase,
  vocabulary: Vocabulary,
  sources: readonly LedgerSource[],
  options: PlanOptions,
): Promise<PlannedLedgers> {
  const planned: PlannedLedgers = { plans: [], fileProblems: [], notices: [], unknownColumns: [], unreadSheets: [], heads: [] };
  const chosen = options.register === undefined ? undefined : registerBySheet.get(headerKey(options.register));
  for (const source of sources) {
    const file = source.name;
    let heads: LedgerHeads;
    try {
      heads = await readHeads(source);
      planned.heads.push(heads);
    } catch (error) {
      if (!(error instanceof LedgerFileError)) throw error;
      planned.fileProblems.push({ file, sheet: null, reason: error.message });
      continue;
    }
    if (heads.encoding) planned.notices.push(`${path.basename(file)}：按 ${heads.encoding} 编码读取`);
    let read = 0;
    for (const head of heads.sheets) {
      const byName = registerBySheet.get(headerKey(head.sheet));
      const named: { register: RegisterDefinition; why: string } | null = byName
        ? { register: byName, why: heads.kind === 'csv' ? `文件名为「${byName.title}」` : `工作表名为「${byName.title}」` }
        : chosen && heads.kind === 'csv'
          ? { register: chosen, why: `由用户指定为「${chosen.title}」` }
          : null;
      const plan = planSheet(db, vocabulary, source, heads, head, named, options.mapping ?? emptyMapping());
      if (!('layout' in plan)) {
        planned.unreadSheets.push({ file, sheet: head.sheet, why: plan.why });
        if (heads.kind === 'csv') {
          planned.fileProblems.push({
            file,
            sheet: null,
            reason: `无法判断是哪一种台账（${plan.why}）：请在导入页选择台账种类，或在命令行加 --register 台账名称（可用的名称：${[...registerBySheet.keys()].join('、')}）`,
          });
        } else if (!isBlankSheet(head)) {
          planned.notices.push(`${path.basename(file)}：工作表「${head.sheet}」不是台账（${plan.why}），已忽略`);
        }
        continue;
      }
      read++;
      const { layout } = plan;
      const unknown = layout.columns.filter((use) => use.kind === 'unknown');
      for (const use of unknown) {
        planned.unknownColumns.push({
          file,
          sheet: head.sheet,
          register: layout.register.title,
          header: use.header,
          choices: layout.register.fields.map((field) => field.header),
        });
      }
      if (layout.missing.length > 0) {
        planned.fileProblems.push({
          file,
          sheet: head.sheet,
          reason: `缺少必填列：${layout.missing.map((field) => `「${field.header}」`).join('')}`,
        });
        continue;
      }
      if (unknown.length > 0) {
        planned.notices.push(`${head.sheet}：不认识的列已忽略：${unknown.map((use) => `「${use.header}」`).join('')}`);
      }
      planned.plans.push(plan);
    }
    if (read === 0 && heads.kind === 'xlsx') {
      planned.fileProblems.push({
        file,
        sheet: null,
        reason: `工作簿中没有可导入的工作表：没有一张表的表头对得上任何一种台账（${[...registerBySheet.keys()].join('、')}）`,
      });
    }
  }
  return planned;
}

function isBlankSheet(head: SheetHead): boolean {
  return head.rows.every((row) => row.cells.every((cell) => cell === null || String(cell).trim() === ''));
}

function planSheet(
  db: RegisterDatabase,
  vocabulary: Vocabulary,
  source: LedgerSource,
  heads: LedgerHeads,
  head: SheetHead,
  named: { register: RegisterDefinition; why: string } | null,
  given: ImportMapping,
): SheetPlan | { why: string } {
  const isLabel = labelTest(vocabulary);
  const first = sheetLayout(head, named, given, isLabel);
  if (isUnread(first)) return { why: first.why };
  const remembered = rememberedMapping(db, first.headerSignature);
  if (Object.keys(remembered.columns).length === 0 && Object.keys(remembered.values).length === 0) {
    return { source, heads, head, layout: first, mapping: given };
  }
  const mapping = mergeMappings(remembered, given);
  const layout = sheetLayout(head, named ?? { register: first.register, why: first.why }, mapping, isLabel);
  return isUnread(layout) ? { why: layout.why } : { source, heads, head, layout, mapping };
}
