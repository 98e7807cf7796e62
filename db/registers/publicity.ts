// 普法活动 (legal publicity): one row per activity of an office — fields and rules (registers.md §6).

import { z } from 'zod';
import { code, entityId, isoDate, nonEmptyText, officeExists, optional, wholeNumber, type RegisterDefinition } from './register.ts';

export const publicityActivity: RegisterDefinition = {
  name: 'publicityActivity',
  table: 'publicity_activity',
  title: '普法活动',
  group: '普法',
  page: { path: 'activities', label: '普法活动' },
  fields: [
    { name: 'held_on', header: '日期', kind: 'date', requiredColumn: true },
    { name: 'office_id', header: '单位', kind: 'office', requiredColumn: true },
    { name: 'form', header: '活动形式', kind: 'code', list: 'publicityForm', requiredColumn: true },
    { name: 'topic', header: '主题', kind: 'text', requiredColumn: true },
    { name: 'audience_type', header: '面向对象', kind: 'code', list: 'publicityAudience', requiredColumn: false },
    { name: 'sessions', header: '场次', kind: 'int', min: 1, requiredColumn: true },
    { name: 'audience', header: '受众人次', kind: 'int', min: 0, requiredColumn: false },
  ],
  keyOf: (record) => ({
    where: 't.held_on = ? AND t.office_id = ? AND t.form = ? AND t.topic = ?',
    params: [record.held_on, record.office_id, record.form, record.topic],
    field: 'topic',
    what: '同一日期、单位、形式、主题的活动',
  }),
  officeSql: 't.office_id',
  dateColumn: 'held_on',
  searchColumns: ['t.topic'],
  schema: (vocabulary) =>
    z.object({
      held_on: isoDate,
      office_id: entityId,
      form: code(vocabulary, 'publicityForm'),
      topic: nonEmptyText,
      audience_type: optional(code(vocabulary, 'publicityAudience')),
      sessions: wholeNumber(1),
      audience: optional(wholeNumber(0)),
    }),
  checkRelations: (record, context) => officeExists(context, record.office_id),
};
