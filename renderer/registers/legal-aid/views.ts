// 法律援助 pages: 法律援助案件, 法律咨询, 值班律师 — list columns, filters, form order and the
// fields that follow from others (通知机关 for 通知类 cases, 审查结果 for 申请, 承办人 unless
// 不予援助, 结案方式 once closed; 性别 and 出生日期 read from the 身份证号码), declared as data.

import { filledIn, fromIdNumber, labelOf, officeName, typedDay } from '../common/field-values.ts';
import type { FormValues, RegisterView } from '../common/types.ts';

const notified = (values: FormValues) => values.source !== null && values.source !== 'application';
const rejected = (values: FormValues) => !notified(values) && values.review_result === 'rejected';

/** (2024)法援字第0101号 follows the office and 受理日期's year. */
function caseNumberInput(values: FormValues) {
  const received = typedDay(values.received_on);
  return values.office_id && received ? { officeId: Number(values.office_id), year: Number(received.slice(0, 4)) } : null;
}

export const legalAidCaseView: RegisterView = {
  name: 'legalAidCase',
  columns: ['case_no', 'office_id', 'received_on', 'category', 'recipient_name', 'recipient_id_number', 'review_result', 'closed_on'],
  moreColumns: ['source', 'recovered_fen'],
  filters: ['source', 'category', 'review_result'],
  searchHint: '案件编号、受援人、承办人、案由',
  formOrder: ['office_id', 'received_on', 'case_no'],
  suggested: ['cause', 'handler_name'],
  shownWhen: {
    notifying_authority: notified,
    criminal_stage: (values) => values.category === 'criminal',
    review_result: (values) => !notified(values),
    handler_name: (values) => !rejected(values),
    handler_type: (values) => !rejected(values),
    assigned_on: (values) => !rejected(values),
    closing_method: filledIn('closed_on'),
  },
  derived: fromIdNumber('recipient_id_number', 'recipient_sex', 'recipient_birth_date'),
  caseNumber: { field: 'case_no', method: 'legalAidCase.nextCaseNumber', input: caseNumberInput },
  recordName: (record) => String(record.case_no),
};

export const consultationView: RegisterView = {
  name: 'consultation',
  columns: ['consulted_on', 'office_id', 'channel', 'matter', 'visitors', 'outcome'],
  filters: ['channel', 'matter', 'outcome'],
  searchHint: '单位',
  recordName: (record, catalogue) =>
    `${officeName(catalogue, record.office_id)} ${record.consulted_on} ${labelOf(catalogue, 'consultationChannel', record.channel)}`,
};

export const dutyShiftView: RegisterView = {
  name: 'dutyShift',
  columns: ['duty_on', 'office_id', 'place', 'lawyer', 'help_count', 'plea_witness_count'],
  suggested: ['lawyer'],
  filters: ['place'],
  searchHint: '律师、单位',
  recordName: (record) => `${record.duty_on} ${record.lawyer}`,
};
