// 安置帮教对象: people released from prison or from community correction whom an office takes
// over, resettles and helps for the 帮教期 — fields and rules (registers.md §6).

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
  type RegisterDefinition,
} from './register.ts';
import { readIdNumber } from './values.ts';

export const resettlement: RegisterDefinition = {
  name: 'resettlement',
  table: 'resettlement',
  title: '安置帮教对象',
  group: '安置帮教',
  page: { path: 'people', label: '安置帮教对象' },
  fields: [
    { name: 'name', header: '姓名', kind: 'text', requiredColumn: true },
    { name: 'id_number', header: '身份证号码', kind: 'idNumber', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'person_type', header: '人员类型', kind: 'code', list: 'resettlementPersonType', requiredColumn: true },
    { name: 'original_crime', header: '原罪名', kind: 'text', requiredColumn: false },
    { name: 'released_on', header: '释放日期', kind: 'date', requiredColumn: true },
    { name: 'taken_over_on', header: '衔接日期', kind: 'date', requiredColumn: true },
    { name: 'handover_method', header: '衔接方式', kind: 'code', list: 'handoverMethod', requiredColumn: false },
    { name: 'resettlement_method', header: '安置方式', kind: 'code', list: 'resettlementMethod', requiredColumn: false },
    { name: 'resettled_on', header: '安置日期', kind: 'date', requiredColumn: false },
    { name: 'helped', header: '落实帮教', kind: 'yesNo', requiredColumn: false },
    { name: 'help_ends_on', header: '帮教期满日期', kind: 'date', requiredColumn: true },
    { name: 'reoffended_on', header: '重新犯罪日期', kind: 'date', requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.id_number = ? AND t.released_on = ?',
    params: [record.id_number, record.released_on],
    field: 'released_on',
    what: '此人同一释放日期的安置帮教记录',
  }),
  statuses: {
    unsettled: { label: '未安置', where: 't.resettlement_method IS NULL' },
    settled: { label: '已安置', where: 't.resettlement_method IS NOT NULL' },
    reoffended: { label: '重新犯罪', where: 't.reoffended_on IS NOT NULL' },
  },
  officeSql: 't.office_id',
  dateColumn: 'taken_over_on',
  searchColumns: ['t.name', 't.original_crime'],
  idNumberColumns: ['t.id_number'],
  schema: (vocabulary) =>
    z
      .object({
        name: nonEmptyText,
        id_number: idNumberText,
        office_id: entityId,
        person_type: code(vocabulary, 'resettlementPersonType'),
        original_crime: optional(z.string().trim().max(100)),
        released_on: isoDate,
        taken_over_on: isoDate,
        handover_method: optional(code(vocabulary, 'handoverMethod')),
        resettlement_method: optional(code(vocabulary, 'resettlementMethod')),
        resettled_on: optional(isoDate),
        helped: flag,
        help_ends_on: isoDate,
        reoffended_on: optional(isoDate),
      })
      .superRefine((record, context) => {
        const facts = readIdNumber(record.id_number);
        if (!facts.ok) problem(context, 'id_number', facts.reason);
        if (record.taken_over_on < record.released_on) problem(context, 'taken_over_on', '早于释放日期');
        if (record.resettlement_method && !record.resettled_on) problem(context, 'resettled_on', '已填写安置方式时必须填写');
        if (!record.resettlement_method && record.resettled_on) problem(context, 'resettlement_method', '已填写安置日期时必须填写');
        if (record.resettled_on && record.resettled_on < record.taken_over_on) problem(context, 'resettled_on', '早于衔接日期');
        if (record.help_ends_on <= record.released_on) problem(context, 'help_ends_on', '应晚于释放日期');
        if (record.reoffended_on && (record.reoffended_on < record.released_on || record.reoffended_on > record.help_ends_on)) {
          problem(context, 'reoffended_on', '应在释放日期与帮教期满日期之间');
        }
      }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};
