// Data-quality warnings for the home page and the report page: records that are overdue,
// incomplete, or would make the report's correction identity fail, each listed so a clerk can
// open and fix them. Read-only; messages are for people, in Chinese, with the count. A label is
// list text: it shows a 身份证号码 masked (4451**********1234), never in full.

import { maskPersonalNumber } from '../audit/personal-numbers.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { isIsoDate } from '../registers/values.ts';
import { releaseExitTypes, terminationExitTypes } from '../registers/vocabulary.ts';
import { DEFAULT_REMINDER_DAYS, type ReminderDayRule, type ReminderDays } from '../settings/working-rules.ts';
import { officeNameOf } from './engine.ts';

export interface QualityOptions {
  /** The day the data is judged at (usually today), `YYYY-MM-DD`. */
  readonly asOf: string;
  /** One office, or the whole bureau when absent or null. */
  readonly officeId?: number | null;
  /** The reminders' day counts (设置's working rules); those not given are the defaults. */
  readonly reminderDays?: Partial<ReminderDays>;
}

export interface QualityRecord {
  readonly table: string;
  readonly id: number;
  /** How a person recognises the record: case number, or name and masked ID number, with the date that matters. */
  readonly label: string;
}

export interface QualityWarning {
  readonly code: string;
  /** `warning`: something to fix; `reminder`: something coming up. */
  readonly level: 'warning' | 'reminder';
  readonly message: string;
  readonly count: number;
  readonly records: QualityRecord[];
}

/** One listed record: its id and the columns its label is made of (none of them NULL where selected). */
interface WarningRow {
  readonly id: number;
  readonly [column: string]: string | number;
}

interface Check {
  readonly code: string;
  readonly level: QualityWarning['level'];
  readonly table: string;
  /** The working rule whose day count the check reads as @days, if any. */
  readonly days?: ReminderDayRule;
  /** SELECT of `id` and the columns `label` reads, with @asOf, @days and (when scoped) @officeId; ordered. */
  readonly sql: (officeScope: string) => string;
  readonly label: (row: WarningRow) => string;
  readonly officeColumn: string;
  readonly message: (count: number, days: number) => string;
}

/** 赵一（4451**********1234，矫正期满 2025-02-28）: a person (under correction, or resettled) as a list shows them. */
const correctionObject = (row: WarningRow, detail: string) =>
  `${row.name}（${maskPersonalNumber(String(row.id_number))}，${detail}）`;

const exitTypes = [...releaseExitTypes, ...terminationExitTypes, 'transferred_out']
  .map((code) => `'${code}'`)
  .join(', ');

const checks: readonly Check[] = [
  {
    code: 'mediation.pending_overdue',
    level: 'warning',
    days: 'pendingMediationDays',
    table: 'mediation_case',
    officeColumn: 'o.office_id',
    sql: (scope) => `
      SELECT c.id, c.case_no, o.name AS org_name, c.received_on
      FROM mediation_case c JOIN mediation_org o ON o.id = c.org_id
      WHERE c.deleted_at IS NULL AND c.result = 'pending' AND c.received_on < date(@asOf, '-' || @days || ' days')${scope}
      ORDER BY c.received_on, c.id`,
    label: (row) => `${row.case_no}（${row.org_name}，${row.received_on} 受理）`,
    message: (count, days) => `${count} 件人民调解案件“调解中”已超过${days}天`,
  },
  {
    code: 'correction.term_expired',
    level: 'warning',
    table: 'correction_stint',
    officeColumn: 's.office_id',
    sql: (scope) => `
      SELECT s.id, s.name, s.id_number, s.term_end
      FROM correction_stint s
      WHERE s.deleted_at IS NULL AND s.exited_on IS NULL AND s.term_end < @asOf${scope}
      ORDER BY s.term_end, s.id`,
    label: (row) => correctionObject(row, `矫正期满 ${row.term_end}`),
    message: (count) => `${count} 名社区矫正对象已过矫正期满日期仍未解矫`,
  },
  {
    code: 'correction.identity',
    level: 'warning',
    table: 'correction_stint',
    officeColumn: 's.office_id',
    sql: (scope) => `
      SELECT s.id, s.name, s.id_number, s.entered_on, s.exited_on
      FROM correction_stint s
      WHERE s.deleted_at IS NULL AND s.exited_on IS NOT NULL
        AND (s.exit_type IS NULL OR s.exit_type NOT IN (${exitTypes}) OR s.exited_on < s.entered_on)${scope}
      ORDER BY s.exited_on, s.id`,
    label: (row) => correctionObject(row, `入矫 ${row.entered_on}，解矫 ${row.exited_on}`),
    message: (count) =>
      `${count} 名社区矫正对象的解矫类型缺失或解矫日期早于入矫日期，列管人数（期初在册 + 接收 = 在册 + 解除 + 终止 + 迁出）将不平衡`,
  },
  {
    code: 'legal_aid.closed_without_method',
    level: 'warning',
    table: 'legal_aid_case',
    officeColumn: 'a.office_id',
    sql: (scope) => `
      SELECT a.id, a.case_no, a.closed_on
      FROM legal_aid_case a
      WHERE a.deleted_at IS NULL AND a.closed_on IS NOT NULL AND ifnull(a.closing_method, '') = ''${scope}
      ORDER BY a.closed_on, a.id`,
    label: (row) => `${row.case_no}（${row.closed_on} 结案）`,
    message: (count) => `${count} 件法律援助案件有结案日期但没有结案方式`,
  },
  {
    code: 'legal_aid.open_overdue',
    level: 'warning',
    days: 'openLegalAidDays',
    table: 'legal_aid_case',
    officeColumn: 'a.office_id',
    sql: (scope) => `
      SELECT a.id, a.case_no, a.received_on
      FROM legal_aid_case a
      WHERE a.deleted_at IS NULL AND a.review_result = 'granted' AND a.received_on < date(@asOf, '-' || @days || ' days')
        AND (a.closed_on IS NULL OR a.closed_on > @asOf)${scope}
      ORDER BY a.received_on, a.id`,
    label: (row) => `${row.case_no}（${row.received_on} 受理）`,
    message: (count, days) => `${count} 件法律援助案件受理已超过${days}天仍未结案`,
  },
  {
    code: 'correction.term_ending_soon',
    level: 'reminder',
    days: 'correctionEndingDays',
    table: 'correction_stint',
    officeColumn: 's.office_id',
    sql: (scope) => `
      SELECT s.id, s.name, s.id_number, s.term_end
      FROM correction_stint s
      WHERE s.deleted_at IS NULL AND s.exited_on IS NULL AND s.entered_on <= @asOf
        AND s.term_end BETWEEN @asOf AND date(@asOf, '+' || @days || ' days')${scope}
      ORDER BY s.term_end, s.id`,
    label: (row) => correctionObject(row, `矫正期满 ${row.term_end}`),
    message: (count, days) => `${count} 名社区矫正对象将在${days}天内矫正期满`,
  },
  // 安置帮教: people not yet resettled a month after release, and 帮教期 coming to an end.
  {
    code: 'resettlement.unsettled',
    level: 'warning',
    table: 'resettlement',
    officeColumn: 'r.office_id',
    sql: (scope) => `
      SELECT r.id, r.name, r.id_number, r.released_on
      FROM resettlement r
      WHERE r.deleted_at IS NULL AND r.resettlement_method IS NULL AND r.released_on < date(@asOf, '-30 days')
        AND r.help_ends_on > @asOf AND (r.reoffended_on IS NULL OR r.reoffended_on > @asOf)${scope}
      ORDER BY r.released_on, r.id`,
    label: (row) => correctionObject(row, `${row.released_on} 释放`),
    message: (count) => `${count} 名安置帮教对象释放已超过30天仍未安置`,
  },
  {
    code: 'resettlement.help_ending_soon',
    level: 'reminder',
    table: 'resettlement',
    officeColumn: 'r.office_id',
    sql: (scope) => `
      SELECT r.id, r.name, r.id_number, r.help_ends_on
      FROM resettlement r
      WHERE r.deleted_at IS NULL AND r.help_ends_on BETWEEN @asOf AND date(@asOf, '+30 days')
        AND (r.reoffended_on IS NULL OR r.reoffended_on > @asOf)${scope}
      ORDER BY r.help_ends_on, r.id`,
    label: (row) => correctionObject(row, `帮教期满 ${row.help_ends_on}`),
    message: (count) => `${count} 名安置帮教对象将在30天内帮教期满`,
  },
];

/** The warnings that have at least one record, in a fixed order. */
export function qualityWarnings(db: RegisterDatabase, options: QualityOptions): QualityWarning[] {
  if (typeof options.asOf !== 'string' || !isIsoDate(options.asOf)) {
    throw new UserError(`日期「${String(options.asOf)}」不是有效日期（应为 YYYY-MM-DD）`);
  }
  const reminderDays: ReminderDays = { ...DEFAULT_REMINDER_DAYS, ...options.reminderDays };
  for (const check of checks) {
    const days = check.days && reminderDays[check.days];
    if (days !== undefined && (!Number.isSafeInteger(days) || days < 1)) throw new UserError('提醒天数必须是正整数');
  }
  const officeId = options.officeId ?? null;
  officeNameOf(db, officeId);
  const warnings: QualityWarning[] = [];
  for (const check of checks) {
    const days = check.days ? reminderDays[check.days] : 0;
    const scope = officeId === null ? '' : ` AND ${check.officeColumn} = @officeId`;
    const rows = db
      .prepare(check.sql(scope))
      .all({ asOf: options.asOf, days, ...(officeId === null ? {} : { officeId }) }) as WarningRow[];
    if (rows.length === 0) continue;
    warnings.push({
      code: check.code,
      level: check.level,
      message: check.message(rows.length, days),
      count: rows.length,
      records: rows.map((row) => ({ table: check.table, id: row.id, label: check.label(row) })),
    });
  }
  return warnings;
}
