// 社区矫正: the roster (stints), supervision events, group activities, pre-sentence
// investigations and remote visits — fields, rules and relations.

import { z } from 'zod';
import type { RegisterDatabase } from '../database.ts';
import {
  code,
  entityId,
  idNumberText,
  isoDate,
  nonEmptyText,
  officeExists,
  optional,
  problem,
  remembered,
  statement,
  townshipOfficeExists,
  wholeNumber,
  type FieldProblem,
  type ImportMemo,
  type RegisterDefinition,
  type RegisterRecord,
} from './register.ts';
import { readIdNumber, type Read } from './values.ts';

interface StintSpan {
  id: number;
  entered_on: string;
  exited_on: string | null;
}

/**
 * Whether a stint covers a day for an event: 入矫日期 ≤ d < 解矫日期, except that 再犯罪 may be
 * found on the exit day itself.
 */
function coversEvent(stint: StintSpan, day: string, eventType: unknown): boolean {
  if (day < stint.entered_on) return false;
  if (stint.exited_on === null) return true;
  return day < stint.exited_on || (day === stint.exited_on && eventType === 'reoffended');
}

/** A person's stints not deleted, kept in the import's memo (by 身份证号码, and each by id). */
function stintsOf(db: RegisterDatabase, idNumber: string, memo: ImportMemo | undefined): StintSpan[] {
  return remembered(memo, `stints:${idNumber}`, () => {
    const stints = statement(
      db,
      'SELECT id, entered_on, exited_on FROM correction_stint WHERE id_number = ? AND deleted_at IS NULL',
    ).all(idNumber) as StintSpan[];
    for (const stint of stints) memo?.set(`stint:${stint.id}`, stint);
    return stints;
  });
}

/** 身份证号码 + 日期 of an event → the stint that covers the day. */
const stintByIdNumber = (text: string, record: RegisterRecord, db: RegisterDatabase, memo?: ImportMemo): Read<unknown> => {
  // A person's number comes back on every one of their events: read (checksum …) once.
  const facts = remembered(memo, `idNumber:${text}`, () => readIdNumber(text));
  if (!facts.ok) return facts;
  if (typeof record.event_on !== 'string') return { ok: false, reason: '日期无效，无法确定所属矫正期' };
  const stints = stintsOf(db, facts.value.idNumber, memo);
  if (stints.length === 0) return { ok: false, reason: '社区矫正对象名册中没有此人' };
  const stint = stints.find((candidate) => coversEvent(candidate, record.event_on as string, record.event_type));
  return stint ? { ok: true, value: stint.id } : { ok: false, reason: `此人${record.event_on}不在矫正期内` };
};

export const correctionStint: RegisterDefinition = {
  name: 'correctionStint',
  table: 'correction_stint',
  title: '社区矫正对象',
  group: '社区矫正',
  page: { path: 'stints', label: '矫正对象' },
  fields: [
    { name: 'name', header: '姓名', kind: 'text', requiredColumn: true },
    { name: 'id_number', header: '身份证号码', kind: 'idNumber', requiredColumn: true },
    { name: 'office_id', header: '执行地司法所', kind: 'office', requiredColumn: true },
    { name: 'category', header: '矫正类别', kind: 'code', list: 'correctionCategory', requiredColumn: true },
    { name: 'crime', header: '罪名', kind: 'text', requiredColumn: false },
    { name: 'deciding_authority', header: '决定机关', kind: 'code', list: 'decidingAuthority', requiredColumn: false },
    { name: 'term_start', header: '矫正起始日期', kind: 'date', requiredColumn: true },
    { name: 'term_end', header: '矫正期满日期', kind: 'date', requiredColumn: true },
    { name: 'entered_on', header: '入矫日期', kind: 'date', requiredColumn: true },
    { name: 'supervision_level', header: '监管等级', kind: 'code', list: 'supervisionLevel', requiredColumn: false },
    { name: 'exited_on', header: '解矫日期', kind: 'date', requiredColumn: false },
    { name: 'exit_type', header: '解矫类型', kind: 'code', list: 'exitType', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.id_number = ? AND t.entered_on = ?',
    params: [record.id_number, record.entered_on],
    field: 'entered_on',
    what: '此人同一入矫日期的矫正记录',
  }),
  statuses: {
    active: { label: '在矫', where: 't.exited_on IS NULL' },
    exited: { label: '已解矫', where: 't.exited_on IS NOT NULL' },
  },
  officeSql: 't.office_id',
  dateColumn: 'entered_on',
  searchColumns: ['t.name', 't.crime'],
  idNumberColumns: ['t.id_number'],
  schema: (vocabulary) =>
    z
      .object({
        name: nonEmptyText,
        id_number: idNumberText,
        office_id: entityId,
        category: code(vocabulary, 'correctionCategory'),
        crime: optional(z.string().trim().max(100)),
        deciding_authority: optional(code(vocabulary, 'decidingAuthority')),
        term_start: isoDate,
        term_end: isoDate,
        entered_on: isoDate,
        supervision_level: optional(code(vocabulary, 'supervisionLevel')),
        exited_on: optional(isoDate),
        exit_type: optional(code(vocabulary, 'exitType')),
      })
      .superRefine((record, context) => {
        const facts = readIdNumber(record.id_number);
        if (!facts.ok) problem(context, 'id_number', facts.reason);
        if (record.term_end <= record.term_start) problem(context, 'term_end', '应晚于矫正起始日期');
        if (record.exited_on) {
          if (record.exited_on < record.entered_on) problem(context, 'exited_on', '早于入矫日期');
          if (!record.exit_type) problem(context, 'exit_type', '已填写解矫日期时必须填写');
        } else if (record.exit_type) {
          problem(context, 'exit_type', '未填写解矫日期时不应填写解矫类型');
        }
      }),
  checkRelations: (record, context) => {
    const problems: FieldProblem[] = townshipOfficeExists(context, record.office_id);
    const others = statement(
      context.db,
      'SELECT id, entered_on, exited_on FROM correction_stint WHERE id_number = ? AND deleted_at IS NULL',
    ).all(record.id_number) as StintSpan[];
    const start = record.entered_on as string;
    const end = (record.exited_on as string | null) ?? '9999-12-31';
    for (const other of others) {
      if (other.id === context.id) continue;
      const otherEnd = other.exited_on ?? '9999-12-31';
      if (start < otherEnd && other.entered_on < end) {
        problems.push({
          field: 'entered_on',
          reason: `与此人另一段矫正期（${other.entered_on} 至 ${other.exited_on ?? '今'}）重叠`,
        });
      }
    }
    return problems;
  },
};

export const correctionEvent: RegisterDefinition = {
  name: 'correctionEvent',
  table: 'correction_event',
  title: '社区矫正事件',
  group: '社区矫正',
  page: { path: 'events', label: '矫正事件' },
  fields: [
    { name: 'event_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'event_type', header: '事件类型', kind: 'code', list: 'correctionEventType', requiredColumn: true },
    {
      name: 'stint_id',
      header: '身份证号码',
      kind: 'custom',
      requiredColumn: true,
      read: stintByIdNumber,
      ledger: { sql: '(SELECT s.id_number FROM correction_stint s WHERE s.id = t.stint_id)', idNumber: true },
      refersTo: { register: 'correctionStint' },
    },
    { name: 'note', header: '说明', kind: 'text', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.stint_id = ? AND t.event_on = ? AND t.event_type = ?',
    params: [record.stint_id, record.event_on, record.event_type],
    field: 'event_type',
    what: '此人同日同类事件',
  }),
  officeSql: '(SELECT s.office_id FROM correction_stint s WHERE s.id = t.stint_id)',
  dateColumn: 'event_on',
  searchColumns: ['s.name', 't.note'],
  idNumberColumns: ['s.id_number'],
  listJoins: 'JOIN correction_stint s ON s.id = t.stint_id',
  listColumns: 's.name AS person_name, s.id_number AS person_id_number',
  listIdNumbers: ['person_id_number'],
  schema: (vocabulary) =>
    z.object({
      stint_id: entityId,
      event_on: isoDate,
      event_type: code(vocabulary, 'correctionEventType'),
      note: optional(z.string().max(2000)),
    }),
  checkRelations: (record, context) => {
    const stint =
      (context.memo?.get(`stint:${String(record.stint_id)}`) as StintSpan | undefined) ??
      (statement(context.db, 'SELECT id, entered_on, exited_on FROM correction_stint WHERE id = ? AND deleted_at IS NULL').get(
        record.stint_id,
      ) as StintSpan | undefined);
    if (!stint) return [{ field: 'stint_id', reason: '社区矫正对象不存在' }];
    return coversEvent(stint, record.event_on as string, record.event_type)
      ? []
      : [{ field: 'event_on', reason: '不在此人的矫正期内' }];
  },
};

export const correctionActivity: RegisterDefinition = {
  name: 'correctionActivity',
  table: 'correction_activity',
  title: '社区矫正教育活动',
  group: '社区矫正',
  page: { path: 'activities', label: '教育活动' },
  fields: [
    { name: 'held_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'activity_type', header: '活动类型', kind: 'code', list: 'activityType', requiredColumn: true },
    { name: 'topic', header: '主题', kind: 'text', requiredColumn: true },
    { name: 'attendance', header: '参加人数', kind: 'int', min: 1, requiredColumn: true },
  ],
  keyOf: (record) => ({
    where: 't.held_on = ? AND t.office_id = ? AND t.activity_type = ? AND t.topic = ?',
    params: [record.held_on, record.office_id, record.activity_type, record.topic],
    field: 'topic',
    what: '同一日期、单位、类型、主题的活动',
  }),
  officeSql: 't.office_id',
  dateColumn: 'held_on',
  searchColumns: ['t.topic'],
  schema: (vocabulary) =>
    z
      .object({
        held_on: isoDate,
        office_id: entityId,
        activity_type: code(vocabulary, 'activityType'),
        topic: nonEmptyText,
        attendance: wholeNumber(1),
        attendee_stint_ids: z.array(entityId).default([]),
      })
      .superRefine((record, context) => {
        if (record.attendee_stint_ids.length > 0 && record.attendance !== new Set(record.attendee_stint_ids).size) {
          problem(context, 'attendance', `应等于勾选的参加人数（${new Set(record.attendee_stint_ids).size}人）`);
        }
      }),
  checkRelations: (record, context) => {
    const problems = officeExists(context, record.office_id);
    for (const stintId of record.attendee_stint_ids as number[]) {
      const stint = statement(
        context.db,
        'SELECT name, entered_on, exited_on FROM correction_stint WHERE id = ? AND deleted_at IS NULL',
      ).get(stintId) as { name: string; entered_on: string; exited_on: string | null } | undefined;
      const day = record.held_on as string;
      if (!stint) problems.push({ field: 'attendee_stint_ids', reason: '勾选的社区矫正对象不存在' });
      else if (day < stint.entered_on || (stint.exited_on !== null && day >= stint.exited_on)) {
        problems.push({ field: 'attendee_stint_ids', reason: `「${stint.name}」活动当日不在矫正期内` });
      }
    }
    return problems;
  },
  // A ledger carries 参加人数, not who attended: the attendees ticked in the app stay while the count agrees.
  keepOnImport: (imported, stored) => {
    const attendees = stored.attendee_stint_ids as number[];
    const noneNamed = (imported.attendee_stint_ids as number[]).length === 0;
    return noneNamed && attendees.length === imported.attendance ? { ...imported, attendee_stint_ids: attendees } : imported;
  },
  children: {
    fields: ['attendee_stint_ids'],
    refersTo: { attendee_stint_ids: { register: 'correctionStint', many: true } },
    read: (db, id) => ({
      attendee_stint_ids: (
        statement(db, 'SELECT stint_id FROM correction_activity_attendee WHERE activity_id = ? ORDER BY stint_id').all(
          id,
        ) as { stint_id: number }[]
      ).map((row) => row.stint_id),
    }),
    write: (db, id, record) => {
      const attendees = record.attendee_stint_ids as number[] | undefined;
      if (attendees === undefined) return;
      statement(db, 'DELETE FROM correction_activity_attendee WHERE activity_id = ?').run(id);
      for (const stintId of new Set(attendees)) {
        statement(db, 'INSERT INTO correction_activity_attendee (activity_id, stint_id) VALUES (?, ?)').run(id, stintId);
      }
    },
  },
};

export const investigation: RegisterDefinition = {
  name: 'investigation',
  table: 'investigation',
  title: '调查评估',
  group: '社区矫正',
  page: { path: 'investigations', label: '调查评估' },
  fields: [
    { name: 'commission_no', header: '委托编号', kind: 'text', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'commissioned_on', header: '委托日期', kind: 'date', requiredColumn: true },
    { name: 'commissioning_authority', header: '委托机关', kind: 'code', list: 'commissioningAuthority', requiredColumn: true },
    { name: 'subject_name', header: '被调查人', kind: 'text', requiredColumn: true },
    { name: 'opinion', header: '评估意见', kind: 'code', list: 'assessmentOpinion', requiredColumn: false },
    { name: 'completed_on', header: '完成日期', kind: 'date', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.commission_no = ?',
    params: [record.commission_no],
    field: 'commission_no',
    what: '委托编号',
  }),
  officeSql: 't.office_id',
  dateColumn: 'commissioned_on',
  searchColumns: ['t.commission_no', 't.subject_name'],
  schema: (vocabulary) =>
    z
      .object({
        commission_no: nonEmptyText,
        office_id: entityId,
        commissioned_on: isoDate,
        commissioning_authority: code(vocabulary, 'commissioningAuthority'),
        subject_name: nonEmptyText,
        opinion: optional(code(vocabulary, 'assessmentOpinion')),
        completed_on: optional(isoDate),
      })
      .superRefine((record, context) => {
        if (record.opinion && !record.completed_on) problem(context, 'completed_on', '已有评估意见时必须填写');
        if (!record.opinion && record.completed_on) problem(context, 'opinion', '已填写完成日期时必须填写');
        if (record.completed_on && record.completed_on < record.commissioned_on) {
          problem(context, 'completed_on', '早于委托日期');
        }
      }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};

export const remoteVisit: RegisterDefinition = {
  name: 'remoteVisit',
  table: 'remote_visit',
  title: '远程视频会见',
  group: '社区矫正',
  page: { path: 'remote-visits', label: '远程会见' },
  fields: [
    { name: 'visited_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'visits', header: '次数', kind: 'int', min: 1, requiredColumn: true },
  ],
  keyOf: (record) => ({
    where: 't.visited_on = ? AND t.office_id = ?',
    params: [record.visited_on, record.office_id],
    field: 'visited_on',
    what: '该单位当日的会见记录',
  }),
  officeSql: 't.office_id',
  dateColumn: 'visited_on',
  searchColumns: [],
  schema: () => z.object({ visited_on: isoDate, office_id: entityId, visits: wholeNumber(1) }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};
