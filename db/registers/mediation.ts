// 人民调解: organisations, mediators, cases and dispute sweeps — fields, rules and relations.

import { z } from 'zod';
import type { RegisterDatabase } from '../database.ts';
import {
  code,
  entityId,
  flag,
  idNumberText,
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
import { readIdNumber, splitNames, type Read } from './values.ts';

const orgIdByName = (text: string, _record: RegisterRecord, db: RegisterDatabase, memo?: ImportMemo): Read<unknown> => {
  const name = text.trim();
  const row = remembered(
    memo,
    `orgByName:${name}`,
    () => statement(db, 'SELECT id FROM mediation_org WHERE name = ? AND deleted_at IS NULL').get(name) as { id: number } | undefined,
  );
  return row ? { ok: true, value: row.id } : { ok: false, reason: '调解组织不存在（请先在「调解组织」中登记）' };
};

/** The organisation's name in a ledger cell, the inverse of orgIdByName. */
const orgName = { sql: '(SELECT o.name FROM mediation_org o WHERE o.id = t.org_id)' };

/** A sex given beside an ID number must agree with the number. */
function checkSexAgainstId(
  context: z.RefinementCtx,
  idNumber: string | null,
  sex: string | null,
  sexField: string,
  idField: string,
): void {
  if (!idNumber) return;
  const facts = readIdNumber(idNumber);
  if (!facts.ok) {
    problem(context, idField, facts.reason);
    return;
  }
  if (sex && sex !== facts.value.sex) problem(context, sexField, '与身份证号码不符');
}

export const mediationOrg: RegisterDefinition = {
  name: 'mediationOrg',
  table: 'mediation_org',
  title: '调解组织',
  group: '人民调解',
  page: { path: 'orgs', label: '调解组织' },
  fields: [
    { name: 'name', header: '名称', kind: 'text', requiredColumn: true },
    { name: 'kind', header: '类型', kind: 'code', list: 'orgKind', requiredColumn: true },
    { name: 'specialty', header: '专业领域', kind: 'code', list: 'orgSpecialty', requiredColumn: false },
    { name: 'office_id', header: '所属单位', kind: 'office', requiredColumn: true },
    { name: 'founded_on', header: '成立日期', kind: 'date', requiredColumn: true },
    { name: 'dissolved_on', header: '撤销日期', kind: 'date', requiredColumn: false },
  ],
  keyOf: (record) => ({ where: 't.name = ?', params: [record.name], field: 'name', what: '同名调解组织' }),
  statuses: {
    active: { label: '存续', where: 't.dissolved_on IS NULL' },
    dissolved: { label: '已撤销', where: 't.dissolved_on IS NOT NULL' },
  },
  officeSql: 't.office_id',
  dateColumn: 'founded_on',
  searchColumns: ['t.name'],
  schema: (vocabulary) =>
    z
      .object({
        name: nonEmptyText,
        kind: code(vocabulary, 'orgKind'),
        specialty: optional(code(vocabulary, 'orgSpecialty')),
        office_id: entityId,
        founded_on: isoDate,
        dissolved_on: optional(isoDate),
      })
      .superRefine((record, context) => {
        if (record.dissolved_on && record.dissolved_on < record.founded_on) {
          problem(context, 'dissolved_on', '早于成立日期');
        }
      }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};

export const mediator: RegisterDefinition = {
  name: 'mediator',
  table: 'mediator',
  title: '调解员',
  group: '人民调解',
  page: { path: 'mediators', label: '调解员' },
  fields: [
    { name: 'name', header: '姓名', kind: 'text', requiredColumn: true },
    { name: 'id_number', header: '身份证号码', kind: 'idNumber', requiredColumn: false },
    { name: 'sex', header: '性别', kind: 'code', list: 'sex', requiredColumn: false },
    { name: 'org_id', header: '所属调解组织', kind: 'custom', requiredColumn: true, read: orgIdByName, ledger: orgName, refersTo: { register: 'mediationOrg' } },
    { name: 'employment', header: '专兼职', kind: 'code', list: 'employment', requiredColumn: true },
    { name: 'background', header: '身份背景', kind: 'code', list: 'mediatorBackground', requiredColumn: false },
    { name: 'appointed_on', header: '聘任日期', kind: 'date', requiredColumn: true },
    { name: 'dismissed_on', header: '解聘日期', kind: 'date', requiredColumn: false },
  ],
  keyOf: (record) =>
    record.id_number
      ? { where: 't.name = ? AND t.id_number = ?', params: [record.name, record.id_number], field: 'id_number', what: '同一姓名和身份证号码的调解员' }
      : { where: 't.name = ? AND t.org_id = ? AND t.id_number IS NULL', params: [record.name, record.org_id], field: 'name', what: '本组织同名调解员' },
  statuses: {
    serving: { label: '在聘', where: 't.dismissed_on IS NULL' },
    dismissed: { label: '已解聘', where: 't.dismissed_on IS NOT NULL' },
  },
  officeSql: '(SELECT o.office_id FROM mediation_org o WHERE o.id = t.org_id)',
  dateColumn: 'appointed_on',
  searchColumns: ['t.name'],
  idNumberColumns: ['t.id_number'],
  schema: (vocabulary) =>
    z
      .object({
        name: nonEmptyText,
        id_number: optional(idNumberText),
        sex: optional(code(vocabulary, 'sex')),
        org_id: entityId,
        employment: code(vocabulary, 'employment'),
        background: optional(code(vocabulary, 'mediatorBackground')),
        appointed_on: isoDate,
        dismissed_on: optional(isoDate),
      })
      .superRefine((record, context) => {
        checkSexAgainstId(context, record.id_number, record.sex, 'sex', 'id_number');
        if (record.dismissed_on && record.dismissed_on < record.appointed_on) {
          problem(context, 'dismissed_on', '早于聘任日期');
        }
      })
      .transform((record) => {
        const facts = record.id_number ? readIdNumber(record.id_number) : undefined;
        return facts?.ok ? { ...record, sex: facts.value.sex } : record;
      }),
  checkRelations: (record, context) =>
    statement(context.db, 'SELECT 1 FROM mediation_org WHERE id = ? AND deleted_at IS NULL').get(record.org_id)
      ? []
      : [{ field: 'org_id', reason: '调解组织不存在' }],
};

/** 调解员 names of the case's organisation → mediator ids. */
const mediatorIdsByName = (text: string, record: RegisterRecord, db: RegisterDatabase, memo?: ImportMemo): Read<unknown> => {
  const orgId = record.org_id;
  if (typeof orgId !== 'number') return { ok: false, reason: '调解组织无法确定，无法核对调解员' };
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const name of splitNames(text)) {
    const rows = remembered(
      memo,
      `mediatorsByName:${orgId}:${name}`,
      () =>
        statement(db, 'SELECT id FROM mediator WHERE name = ? AND org_id = ? AND deleted_at IS NULL').all(name, orgId) as {
          id: number;
        }[],
    );
    if (rows.length === 1) ids.push(rows[0]!.id);
    else unknown.push(rows.length === 0 ? `其中「${name}」不是该调解组织的调解员` : `其中「${name}」在该组织有重名，请在界面中选择`);
  }
  return unknown.length ? { ok: false, reason: unknown.join('；') } : { ok: true, value: ids };
};

const partiesFromNames = (text: string): Read<unknown> => ({
  ok: true,
  value: splitNames(text).map((name) => ({ name, id_number: null, role: null })),
});

const party = z.object({
  name: nonEmptyText,
  id_number: optional(idNumberText),
  role: optional(z.string().trim().max(50)),
});

export const mediationCase: RegisterDefinition = {
  name: 'mediationCase',
  table: 'mediation_case',
  title: '人民调解案件',
  group: '人民调解',
  page: { path: 'cases', label: '调解案件' },
  fields: [
    { name: 'case_no', header: '案件编号', kind: 'text', requiredColumn: true },
    { name: 'org_id', header: '调解组织', kind: 'custom', requiredColumn: true, read: orgIdByName, ledger: orgName, refersTo: { register: 'mediationOrg' } },
    { name: 'received_on', header: '受理日期', kind: 'date', requiredColumn: true },
    { name: 'source', header: '案件来源', kind: 'code', list: 'mediationSource', requiredColumn: true },
    { name: 'dispute_type', header: '纠纷类型', kind: 'code', list: 'disputeType', requiredColumn: true },
    { name: 'parties', header: '当事人', kind: 'custom', requiredColumn: true, read: partiesFromNames, ledger: { sql: 't.party_names' } },
    { name: 'people_count', header: '涉及人数', kind: 'int', min: 1, requiredColumn: false },
    { name: 'amount_fen', header: '涉及金额(元)', kind: 'money', requiredColumn: false },
    { name: 'difficulty', header: '案件难度', kind: 'code', list: 'difficulty', requiredColumn: false },
    {
      name: 'mediator_ids',
      header: '调解员',
      kind: 'custom',
      requiredColumn: true,
      read: mediatorIdsByName,
      refersTo: { register: 'mediator', many: true },
      ledger: {
        sql: `(SELECT group_concat(m.name, '、' ORDER BY m.name) FROM mediation_case_mediator cm
          JOIN mediator m ON m.id = cm.mediator_id WHERE cm.case_id = t.id)`,
      },
    },
    { name: 'result', header: '调解结果', kind: 'code', list: 'mediationResult', requiredColumn: true },
    { name: 'closed_on', header: '结案日期', kind: 'date', requiredColumn: false },
    { name: 'agreement_form', header: '协议形式', kind: 'code', list: 'agreementForm', requiredColumn: false },
    { name: 'performance', header: '履行情况', kind: 'code', list: 'performance', requiredColumn: false },
    { name: 'failure_route', header: '不成功去向', kind: 'code', list: 'failureRoute', requiredColumn: false },
    { name: 'prevented_criminal', header: '防止民转刑', kind: 'yesNo', requiredColumn: false },
    { name: 'prevented_petition', header: '防止群体性上访', kind: 'yesNo', requiredColumn: false },
    { name: 'prevented_fight', header: '防止群体性械斗', kind: 'yesNo', requiredColumn: false },
    { name: 'prevented_suicide', header: '防止自杀', kind: 'yesNo', requiredColumn: false },
    { name: 'note', header: '备注', kind: 'text', requiredColumn: false },
  ],
  keyOf: (record) => ({ where: 't.case_no = ?', params: [record.case_no], field: 'case_no', what: '案件编号' }),
  statuses: {
    pending: { label: '调解中', where: "t.result = 'pending'" },
    closed: { label: '已结案', where: "t.result <> 'pending'" },
  },
  officeSql: '(SELECT o.office_id FROM mediation_org o WHERE o.id = t.org_id)',
  dateColumn: 'received_on',
  searchColumns: ['t.case_no', 't.party_names'],
  // Lists show party numbers masked, so a full number is looked for here, among the parties.
  idNumberColumns: ["(SELECT ifnull(group_concat(p.id_number), '') FROM mediation_party p WHERE p.case_id = t.id)"],
  listJoins: 'JOIN mediation_org o ON o.id = t.org_id',
  listColumns: 'o.name AS org_name',
  schema: (vocabulary) =>
    z
      .object({
        case_no: nonEmptyText,
        org_id: entityId,
        received_on: isoDate,
        source: code(vocabulary, 'mediationSource'),
        dispute_type: code(vocabulary, 'disputeType'),
        parties: z.array(party).min(1, { message: '至少填写一名当事人' }),
        people_count: optional(wholeNumber(1)),
        amount_fen: optional(wholeNumber(0)).transform((fen) => fen ?? 0),
        difficulty: optional(code(vocabulary, 'difficulty')).transform((value) => value ?? 'ordinary'),
        mediator_ids: z.array(entityId).min(1, { message: '至少填写一名调解员' }),
        result: code(vocabulary, 'mediationResult'),
        closed_on: optional(isoDate),
        agreement_form: optional(code(vocabulary, 'agreementForm')),
        performance: optional(code(vocabulary, 'performance')),
        failure_route: optional(code(vocabulary, 'failureRoute')),
        prevented_criminal: flag,
        prevented_petition: flag,
        prevented_fight: flag,
        prevented_suicide: flag,
        note: optional(z.string().max(2000)),
      })
      .superRefine((record, context) => {
        const resultLabel = vocabulary.labelOf('mediationResult', record.result);
        if (record.result === 'pending') {
          if (record.closed_on) problem(context, 'closed_on', '调解中的案件不应填写结案日期');
        } else if (!record.closed_on) {
          problem(context, 'closed_on', `调解结果为「${resultLabel}」时必须填写`);
        } else if (record.closed_on < record.received_on) {
          problem(context, 'closed_on', '早于受理日期');
        }
        if (record.result === 'succeeded' && !record.agreement_form) {
          problem(context, 'agreement_form', '调解成功时必须填写（书面或口头）');
        }
        if (record.result !== 'succeeded' && record.agreement_form) {
          problem(context, 'agreement_form', '仅调解成功的案件填写协议形式');
        }
        if (record.result === 'failed' && !record.failure_route) {
          problem(context, 'failure_route', '调解不成功时必须填写（须告知当事人救济途径）');
        }
        if (record.result !== 'failed' && record.failure_route) {
          problem(context, 'failure_route', '仅调解不成功的案件填写不成功去向');
        }
        if (record.people_count !== null && record.people_count < record.parties.length) {
          problem(context, 'people_count', `少于当事人人数（${record.parties.length}人）`);
        }
        record.parties.forEach((entry, index) => {
          if (entry.id_number) {
            const facts = readIdNumber(entry.id_number);
            if (!facts.ok) problem(context, 'parties', `第${index + 1}名当事人身份证号码${facts.reason}`);
          }
        });
      }),
  checkRelations: (record, context) => {
    const problems: FieldProblem[] = [];
    const { db, memo } = context;
    const org = remembered(
      memo,
      `org:${String(record.org_id)}`,
      () =>
        statement(db, 'SELECT name, dissolved_on FROM mediation_org WHERE id = ? AND deleted_at IS NULL').get(record.org_id) as
          | { name: string; dissolved_on: string | null }
          | undefined,
    );
    if (!org) return [...problems, { field: 'org_id', reason: '调解组织不存在' }];
    const received = record.received_on as string;
    // A case is received by an organisation that exists and by mediators still appointed that day.
    if (org.dissolved_on !== null && received > org.dissolved_on) {
      problems.push({ field: 'org_id', reason: `已于 ${org.dissolved_on} 撤销，不能受理此后的案件（受理日期 ${received}）` });
    }
    for (const mediatorId of record.mediator_ids as number[]) {
      const row = remembered(
        memo,
        `mediator:${mediatorId}`,
        () =>
          statement(db, 'SELECT org_id, name, dismissed_on FROM mediator WHERE id = ? AND deleted_at IS NULL').get(mediatorId) as
            | { org_id: number; name: string; dismissed_on: string | null }
            | undefined,
      );
      if (!row) problems.push({ field: 'mediator_ids', reason: '调解员不存在' });
      else if (row.org_id !== record.org_id) {
        problems.push({ field: 'mediator_ids', reason: `「${row.name}」不是该调解组织的调解员` });
      } else if (row.dismissed_on !== null && received > row.dismissed_on) {
        problems.push({ field: 'mediator_ids', reason: `其中「${row.name}」已于 ${row.dismissed_on} 解聘，不能调解此后受理的案件（受理日期 ${received}）` });
      }
    }
    return problems;
  },
  keepOnImport: (imported, stored) => {
    const names = (record: RegisterRecord) => (record.parties as { name: string }[]).map((entry) => entry.name).join('、');
    return names(imported) === names(stored) ? { ...imported, parties: stored.parties } : imported;
  },
  derivedColumns: {
    party_names: (record) => (record.parties as { name: string }[]).map((entry) => entry.name).join('、'),
  },
  children: {
    fields: ['parties', 'mediator_ids'],
    read: (db, id) => ({
      parties: statement(db, 'SELECT name, id_number, role FROM mediation_party WHERE case_id = ? ORDER BY seq').all(id),
      mediator_ids: (
        statement(db, 'SELECT mediator_id FROM mediation_case_mediator WHERE case_id = ? ORDER BY mediator_id').all(id) as {
          mediator_id: number;
        }[]
      ).map((row) => row.mediator_id),
    }),
    write: (db, id, record, replacing) => {
      if (replacing) {
        statement(db, 'DELETE FROM mediation_party WHERE case_id = ?').run(id);
        statement(db, 'DELETE FROM mediation_case_mediator WHERE case_id = ?').run(id);
      }
      const parties = record.parties as { name: string; id_number: string | null; role: string | null }[];
      parties.forEach((entry, seq) =>
        statement(db, 'INSERT INTO mediation_party (case_id, seq, name, id_number, role) VALUES (?, ?, ?, ?, ?)').run(
          id,
          seq,
          entry.name,
          entry.id_number,
          entry.role,
        ),
      );
      for (const mediatorId of new Set(record.mediator_ids as number[])) {
        statement(db, 'INSERT INTO mediation_case_mediator (case_id, mediator_id) VALUES (?, ?)').run(id, mediatorId);
      }
    },
  },
};

export const disputeSweep: RegisterDefinition = {
  name: 'disputeSweep',
  table: 'dispute_sweep',
  title: '矛盾纠纷排查',
  group: '人民调解',
  page: { path: 'sweeps', label: '矛盾纠纷排查' },
  fields: [
    { name: 'swept_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'sweeps', header: '排查次数', kind: 'int', min: 1, requiredColumn: true },
    { name: 'disputes_found', header: '发现纠纷数', kind: 'int', min: 0, requiredColumn: false },
    { name: 'note', header: '备注', kind: 'text', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.swept_on = ? AND t.office_id = ?',
    params: [record.swept_on, record.office_id],
    field: 'swept_on',
    what: '该单位当日的排查记录',
  }),
  officeSql: 't.office_id',
  dateColumn: 'swept_on',
  searchColumns: ['t.note'],
  schema: () =>
    z.object({
      swept_on: isoDate,
      office_id: entityId,
      sweeps: wholeNumber(1),
      disputes_found: optional(wholeNumber(0)).transform((count) => count ?? 0),
      note: optional(z.string().max(2000)),
    }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};
