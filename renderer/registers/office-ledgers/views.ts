// The rest of a township office's ledgers (registers.md §6): 村居法律顾问, 法律顾问服务, 普法活动,
// 安置帮教对象 — list columns, filters, form order, the adviser and village pickers and the
// fields that follow from others (安置日期 once there is an 安置方式), declared as data.

import { filledIn, labelOf, officeName } from '../common/field-values.ts';
import type { RegisterView } from '../common/types.ts';
import { adviserEditor, villageEditor } from './adviser-picker.tsx';

export const legalAdviserView: RegisterView = {
  name: 'legalAdviser',
  columns: ['name', 'office_id', 'identity', 'villages', 'appointed_on', 'dismissed_on'],
  moreColumns: ['firm'],
  filters: ['identity'],
  searchHint: '姓名、执业机构、村(居)',
  recordName: (record) => String(record.name),
};

export const legalAdviserServiceView: RegisterView = {
  name: 'legalAdviserService',
  columns: ['served_on', 'office_id', 'adviser_id', 'village', 'service_type', 'quantity', 'note'],
  filters: ['service_type'],
  searchHint: '法律顾问、村(居)、备注',
  formOrder: ['served_on', 'office_id', 'adviser_id', 'village', 'service_type', 'quantity', 'note'],
  editors: { adviser_id: adviserEditor, village: villageEditor },
  defaults: { quantity: '1' },
  recordName: (record, catalogue) =>
    [record.served_on, record.adviser_name, record.village, labelOf(catalogue, 'adviserServiceType', record.service_type)]
      .filter(Boolean)
      .join(' '),
};

export const publicityActivityView: RegisterView = {
  name: 'publicityActivity',
  columns: ['held_on', 'office_id', 'form', 'topic', 'audience_type', 'sessions', 'audience'],
  filters: ['form', 'audience_type'],
  searchHint: '主题',
  defaults: { sessions: '1' },
  recordName: (record, catalogue) => `${officeName(catalogue, record.office_id)} ${record.held_on} ${record.topic}`,
};

export const resettlementView: RegisterView = {
  name: 'resettlement',
  columns: ['name', 'id_number', 'office_id', 'person_type', 'released_on', 'taken_over_on', 'resettlement_method', 'help_ends_on', 'reoffended_on'],
  filters: ['person_type'],
  searchHint: '姓名、身份证号码、原罪名',
  shownWhen: { resettled_on: filledIn('resettlement_method') },
  recordName: (record) => `${record.name}（释放 ${record.released_on}）`,
};
