// 法律援助: cases, consultations and duty-lawyer shifts — fields, rules and relations.

import { z } from 'zod';
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
  wholeNumber,
  type RegisterDefinition,
  type StoredForm,
} from './register.ts';
import { readIdNumber } from './values.ts';

/** special_groups is stored as ',code,code,' so that one group is found with instr(). */
const specialGroupsColumn: StoredForm = {
  encode: (codes) => ((codes as string[]).length ? `,${(codes as string[]).join(',')},` : ''),
  decode: (text) => (text as string).split(',').filter((group) => group !== ''),
};

export const legalAidCase: RegisterDefinition = {
  name: 'legalAidCase',
  table: 'legal_aid_case',
  title: '法律援助案件',
  group: '法律援助',
  page: { path: 'cases', label: '援助案件' },
  fields: [
    { name: 'case_no', header: '案件编号', kind: 'text', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'received_on', header: '受理日期', kind: 'date', requiredColumn: true },
    { name: 'source', header: '案件来源', kind: 'code', list: 'legalAidSource', requiredColumn: true },
    { name: 'notifying_authority', header: '通知机关', kind: 'code', list: 'notifyingAuthority', requiredColumn: false },
    { name: 'category', header: '案件类别', kind: 'code', list: 'legalAidCategory', requiredColumn: true },
    { name: 'criminal_stage', header: '刑事诉讼阶段', kind: 'code', list: 'criminalStage', requiredColumn: false },
    { name: 'cause', header: '案由', kind: 'text', requiredColumn: false },
    { name: 'review_result', header: '审查结果', kind: 'code', list: 'reviewResult', requiredColumn: true },
    { name: 'promise', header: '告知承诺制', kind: 'yesNo', requiredColumn: false },
    { name: 'recipient_name', header: '受援人', kind: 'text', requiredColumn: true },
    { name: 'recipient_id_number', header: '身份证号码', kind: 'idNumber', requiredColumn: false },
    { name: 'recipient_sex', header: '性别', kind: 'code', list: 'sex', requiredColumn: false },
    { name: 'recipient_birth_date', header: '出生日期', kind: 'date', requiredColumn: false },
    {
      name: 'special_groups',
      header: '特殊群体',
      kind: 'codeSet',
      list: 'specialGroup',
      requiredColumn: false,
      stored: specialGroupsColumn,
    },
    { name: 'handler_name', header: '承办人', kind: 'text', requiredColumn: false },
    { name: 'handler_type', header: '承办人类型', kind: 'code', list: 'handlerType', requiredColumn: false },
    { name: 'assigned_on', header: '指派日期', kind: 'date', requiredColumn: false },
    { name: 'closed_on', header: '结案日期', kind: 'date', requiredColumn: false },
    { name: 'closing_method', header: '结案方式', kind: 'code', list: 'closingMethod', requiredColumn: false },
    { name: 'recovered_fen', header: '挽回经济损失(元)', kind: 'money', requiredColumn: false },
    { name: 'note', header: '备注', kind: 'text', requiredColumn: false },
  ],
  keyOf: (record) => ({ where: 't.case_no = ?', params: [record.case_no], field: 'case_no', what: '案件编号' }),
  statuses: {
    open: { label: '未结案', where: 't.closed_on IS NULL' },
    closed: { label: '已结案', where: 't.closed_on IS NOT NULL' },
  },
  officeSql: 't.office_id',
  dateColumn: 'received_on',
  searchColumns: ['t.case_no', 't.recipient_name', 't.handler_name', 't.cause'],
  idNumberColumns: ['t.recipient_id_number'],
  schema: (vocabulary) =>
    z
      .object({
        case_no: nonEmptyText,
        office_id: entityId,
        received_on: isoDate,
        source: code(vocabulary, 'legalAidSource'),
        notifying_authority: optional(code(vocabulary, 'notifyingAuthority')),
        category: code(vocabulary, 'legalAidCategory'),
        criminal_stage: optional(code(vocabulary, 'criminalStage')),
        cause: optional(z.string().trim().max(200)),
        review_result: optional(code(vocabulary, 'reviewResult')),
        promise: flag,
        recipient_name: nonEmptyText,
        recipient_id_number: optional(idNumberText),
        recipient_sex: optional(code(vocabulary, 'sex')),
        recipient_birth_date: optional(isoDate),
        special_groups: z.array(code(vocabulary, 'specialGroup')).default([]),
        handler_name: optional(z.string().trim().max(50)),
        handler_type: optional(code(vocabulary, 'handlerType')),
        assigned_on: optional(isoDate),
        closed_on: optional(isoDate),
        closing_method: optional(code(vocabulary, 'closingMethod')),
        recovered_fen: optional(wholeNumber(0)).transform((fen) => fen ?? 0),
        note: optional(z.string().max(2000)),
      })
      .superRefine((record, context) => {
        const notified = record.source !== 'application';
        if (notified) {
          if (!record.notifying_authority) problem(context, 'notifying_authority', '通知类案件必须填写通知机关');
          if (record.category !== 'criminal') problem(context, 'category', '通知类案件的类别应为「刑事」');
          if (record.review_result === 'rejected') problem(context, 'review_result', '通知类案件一律给予援助');
        } else if (!record.review_result) {
          problem(context, 'review_result', '申请类案件必须填写审查结果');
        }
        const granted = notified || record.review_result === 'granted';
        if (granted && !record.handler_name) problem(context, 'handler_name', '给予援助的案件必须填写承办人');
        if (granted && !record.handler_type) problem(context, 'handler_type', '给予援助的案件必须填写承办人类型');
        if (record.recipient_id_number) {
          const facts = readIdNumber(record.recipient_id_number);
          if (!facts.ok) problem(context, 'recipient_id_number', facts.reason);
          else {
            if (record.recipient_sex && record.recipient_sex !== facts.value.sex) {
              problem(context, 'recipient_sex', '与身份证号码不符');
            }
            if (record.recipient_birth_date && record.recipient_birth_date !== facts.value.birthDate) {
              problem(context, 'recipient_birth_date', '与身份证号码不符');
            }
          }
        } else {
          if (!record.recipient_sex) problem(context, 'recipient_sex', '未填写身份证号码时必须填写');
          if (!record.recipient_birth_date) problem(context, 'recipient_birth_date', '未填写身份证号码时必须填写');
        }
        if (record.recipient_birth_date && record.recipient_birth_date > record.received_on) {
          problem(context, 'recipient_birth_date', '晚于受理日期');
        }
        if (record.assigned_on && record.assigned_on < record.received_on) problem(context, 'assigned_on', '早于受理日期');
        if (record.closed_on) {
          if (record.closed_on < record.received_on) problem(context, 'closed_on', '早于受理日期');
          if (!record.closing_method) problem(context, 'closing_method', '已填写结案日期时必须填写');
        } else if (record.closing_method) {
          problem(context, 'closing_method', '未结案的案件不应填写结案方式');
        }
      })
      .transform((record) => {
        const facts = record.recipient_id_number ? readIdNumber(record.recipient_id_number) : undefined;
        const derived = facts?.ok ? { recipient_sex: facts.value.sex, recipient_birth_date: facts.value.birthDate } : {};
        return {
          ...record,
          ...derived,
          review_result: record.source === 'application' ? record.review_result : 'granted',
          special_groups: [...new Set(record.special_groups)],
        };
      }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};

export const consultation: RegisterDefinition = {
  name: 'consultation',
  table: 'consultation',
  title: '法律咨询',
  group: '法律援助',
  page: { path: 'consultations', label: '法律咨询' },
  fields: [
    { name: 'consulted_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'channel', header: '方式', kind: 'code', list: 'consultationChannel', requiredColumn: true },
    { name: 'matter', header: '事项类别', kind: 'code', list: 'consultationMatter', requiredColumn: false },
    { name: 'visitors', header: '人次', kind: 'int', min: 1, requiredColumn: true },
    { name: 'outcome', header: '处理结果', kind: 'code', list: 'consultationOutcome', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: "t.consulted_on = ? AND t.office_id = ? AND t.channel = ? AND ifnull(t.matter, '') = ?",
    params: [record.consulted_on, record.office_id, record.channel, record.matter ?? ''],
    field: 'consulted_on',
    what: '同一日期、单位、方式、事项类别的咨询记录',
  }),
  officeSql: 't.office_id',
  dateColumn: 'consulted_on',
  searchColumns: [],
  schema: (vocabulary) =>
    z.object({
      consulted_on: isoDate,
      office_id: entityId,
      channel: code(vocabulary, 'consultationChannel'),
      matter: optional(code(vocabulary, 'consultationMatter')),
      visitors: wholeNumber(1),
      outcome: optional(code(vocabulary, 'consultationOutcome')),
    }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};

export const dutyShift: RegisterDefinition = {
  name: 'dutyShift',
  table: 'duty_shift',
  title: '值班律师',
  group: '法律援助',
  page: { path: 'duty', label: '值班律师' },
  fields: [
    { name: 'duty_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'place', header: '值班地点', kind: 'code', list: 'dutyPlace', requiredColumn: true },
    { name: 'lawyer', header: '律师', kind: 'text', requiredColumn: true },
    { name: 'help_count', header: '法律帮助人次', kind: 'int', min: 0, requiredColumn: true },
    { name: 'plea_witness_count', header: '认罪认罚见证', kind: 'int', min: 0, requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.duty_on = ? AND t.office_id = ? AND t.place = ? AND t.lawyer = ?',
    params: [record.duty_on, record.office_id, record.place, record.lawyer],
    field: 'lawyer',
    what: '同一日期、单位、地点、律师的值班记录',
  }),
  officeSql: 't.office_id',
  dateColumn: 'duty_on',
  searchColumns: ['t.lawyer'],
  schema: (vocabulary) =>
    z.object({
      duty_on: isoDate,
      office_id: entityId,
      place: code(vocabulary, 'dutyPlace'),
      lawyer: nonEmptyText,
      help_count: wholeNumber(0),
      plea_witness_count: optional(wholeNumber(0)).transform((count) => count ?? 0),
    }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};
