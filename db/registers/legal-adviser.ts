// 村(居)法律顾问: the advisers (who serves which villages, from when to when) and what they
// did (法律顾问服务) — fields, rules and relations (registers.md §6).

import { z } from 'zod';
import type { RegisterDatabase } from '../database.ts';
import {
  code,
  entityId,
  isoDate,
  nonEmptyText,
  officeExists,
  optional,
  problem,
  remembered,
  statement,
  wholeNumber,
  type FieldProblem,
  type ImportMemo,
  type RegisterDefinition,
  type RegisterRecord,
} from './register.ts';
import { splitNames, type Read } from './values.ts';

/** The villages an adviser serves, as stored: distinct names joined by 、. */
export const villagesOf = (text: string): string[] => [...new Set(splitNames(text))];

/** An adviser as the service rules need it. */
interface AdviserTerm {
  id: number;
  office_id: number;
  villages: string;
  appointed_on: string;
  dismissed_on: string | null;
}

/** Whether the adviser holds the post on `day`: 聘任日期 ≤ day < 解聘日期 (on 解聘日期 they no longer do). */
export function servesOn(adviser: Pick<AdviserTerm, 'appointed_on' | 'dismissed_on'>, day: string): boolean {
  return adviser.appointed_on <= day && (adviser.dismissed_on === null || day < adviser.dismissed_on);
}

export const legalAdviser: RegisterDefinition = {
  name: 'legalAdviser',
  table: 'legal_adviser',
  title: '村居法律顾问',
  group: '村(居)法律顾问',
  page: { path: 'roster', label: '法律顾问' },
  fields: [
    { name: 'name', header: '姓名', kind: 'text', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'firm', header: '执业机构', kind: 'text', requiredColumn: false },
    { name: 'identity', header: '身份', kind: 'code', list: 'adviserIdentity', requiredColumn: true },
    { name: 'villages', header: '服务村(居)', kind: 'text', requiredColumn: true },
    { name: 'appointed_on', header: '聘任日期', kind: 'date', requiredColumn: true },
    { name: 'dismissed_on', header: '解聘日期', kind: 'date', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.name = ? AND t.office_id = ?',
    params: [record.name, record.office_id],
    field: 'name',
    what: '该单位的同名法律顾问',
  }),
  statuses: {
    serving: { label: '在聘', where: 't.dismissed_on IS NULL' },
    dismissed: { label: '已解聘', where: 't.dismissed_on IS NOT NULL' },
  },
  officeSql: 't.office_id',
  dateColumn: 'appointed_on',
  searchColumns: ['t.name', 't.firm', 't.villages'],
  schema: (vocabulary) =>
    z
      .object({
        name: nonEmptyText,
        office_id: entityId,
        firm: optional(z.string().trim().max(100)),
        identity: code(vocabulary, 'adviserIdentity'),
        villages: z.preprocess(
          (value) => (typeof value === 'string' ? villagesOf(value).join('、') : value),
          z.string().min(1, { message: '至少填写一个村(居)' }).max(2000),
        ),
        appointed_on: isoDate,
        dismissed_on: optional(isoDate),
      })
      .superRefine((record, context) => {
        if (record.dismissed_on && record.dismissed_on <= record.appointed_on) {
          problem(context, 'dismissed_on', '应晚于聘任日期');
        }
      }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};

/** 法律顾问 of the service's office, by name → the adviser's id. */
const adviserByName = (text: string, record: RegisterRecord, db: RegisterDatabase, memo?: ImportMemo): Read<unknown> => {
  const officeId = record.office_id;
  if (typeof officeId !== 'number') return { ok: false, reason: '单位无法确定，无法核对法律顾问' };
  const name = text.trim();
  const row = remembered(
    memo,
    `adviserByName:${officeId}:${name}`,
    () =>
      statement(db, 'SELECT id FROM legal_adviser WHERE name = ? AND office_id = ? AND deleted_at IS NULL').get(name, officeId) as
        | { id: number }
        | undefined,
  );
  return row ? { ok: true, value: row.id } : { ok: false, reason: '不是该单位的村(居)法律顾问（请先在「村居法律顾问」中登记）' };
};

export const legalAdviserService: RegisterDefinition = {
  name: 'legalAdviserService',
  table: 'legal_adviser_service',
  title: '法律顾问服务',
  group: '村(居)法律顾问',
  page: { path: 'services', label: '顾问服务' },
  fields: [
    { name: 'served_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    {
      name: 'adviser_id',
      header: '法律顾问',
      kind: 'custom',
      requiredColumn: true,
      read: adviserByName,
      ledger: { sql: '(SELECT a.name FROM legal_adviser a WHERE a.id = t.adviser_id)' },
      refersTo: { register: 'legalAdviser' },
    },
    { name: 'village', header: '服务村(居)', kind: 'text', requiredColumn: true },
    { name: 'service_type', header: '服务类型', kind: 'code', list: 'adviserServiceType', requiredColumn: true },
    { name: 'quantity', header: '数量', kind: 'int', min: 1, requiredColumn: true },
    { name: 'note', header: '备注', kind: 'text', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.served_on = ? AND t.adviser_id = ? AND t.village = ? AND t.service_type = ?',
    params: [record.served_on, record.adviser_id, record.village, record.service_type],
    field: 'service_type',
    what: '同一日期、法律顾问、村(居)、类型的服务',
  }),
  officeSql: 't.office_id',
  dateColumn: 'served_on',
  searchColumns: ['a.name', 't.village', 't.note'],
  listJoins: 'JOIN legal_adviser a ON a.id = t.adviser_id',
  listColumns: 'a.name AS adviser_name',
  schema: (vocabulary) =>
    z.object({
      served_on: isoDate,
      office_id: entityId,
      adviser_id: entityId,
      village: nonEmptyText,
      service_type: code(vocabulary, 'adviserServiceType'),
      quantity: wholeNumber(1),
      note: optional(z.string().max(2000)),
    }),
  checkRelations: (record, context) => {
    const problems: FieldProblem[] = officeExists(context, record.office_id);
    const adviser = statement(
      context.db,
      'SELECT id, office_id, villages, appointed_on, dismissed_on FROM legal_adviser WHERE id = ? AND deleted_at IS NULL',
    ).get(record.adviser_id) as AdviserTerm | undefined;
    if (!adviser) return [...problems, { field: 'adviser_id', reason: '法律顾问不存在' }];
    if (adviser.office_id !== record.office_id) problems.push({ field: 'adviser_id', reason: '不是该单位的法律顾问' });
    if (!servesOn(adviser, record.served_on as string)) {
      const term = `${adviser.appointed_on} 至 ${adviser.dismissed_on ? `${adviser.dismissed_on}（解聘）` : '今'}`;
      problems.push({ field: 'served_on', reason: `不在该法律顾问的聘任期内（${term}）` });
    }
    if (!adviser.villages.split('、').includes(record.village as string)) {
      problems.push({ field: 'village', reason: `不是该法律顾问服务的村(居)（${adviser.villages}）` });
    }
    return problems;
  },
};
