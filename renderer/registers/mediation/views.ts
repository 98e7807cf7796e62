// 人民调解 pages: 调解组织, 调解员, 人民调解案件, 矛盾纠纷排查 — their list columns, filters,
// form order and the fields that follow from others (a case's 结案日期 once it has a result,
// 协议形式 for a success, 不成功去向 for a failure), declared as data.

import { fromIdNumber, officeName, typedDay } from '../common/field-values.ts';
import type { FormValues, RegisterView } from '../common/types.ts';
import { OrgMediators } from './OrgMediators.tsx';
import { partiesEditor } from './parties.tsx';
import { mediatorsEditor, orgEditor } from './references.tsx';

export const mediationOrgView: RegisterView = {
  name: 'mediationOrg',
  columns: ['name', 'kind', 'specialty', 'office_id', 'founded_on', 'dissolved_on'],
  filters: ['kind'],
  searchHint: '名称',
  recordName: (record) => String(record.name),
  DetailExtras: OrgMediators,
};

export const mediatorView: RegisterView = {
  name: 'mediator',
  columns: ['name', 'id_number', 'sex', 'org_id', 'employment', 'appointed_on', 'dismissed_on'],
  moreColumns: ['office_name', 'background'],
  filters: ['employment', 'background'],
  searchHint: '姓名、身份证号码',
  editors: { org_id: orgEditor() },
  derived: fromIdNumber('id_number', 'sex'),
  recordName: (record) => String(record.name),
};

const resultIs =
  (...results: string[]) =>
  (values: FormValues) =>
    results.includes(String(values.result));

/** (2024)城西调字第0013号 follows the organisation's office and 受理日期's year. */
function caseNumberInput(values: FormValues) {
  const received = typedDay(values.received_on);
  return values.org_id && received ? { orgId: Number(values.org_id), year: Number(received.slice(0, 4)) } : null;
}

export const mediationCaseView: RegisterView = {
  name: 'mediationCase',
  columns: ['case_no', 'org_name', 'received_on', 'dispute_type', 'party_names', 'amount_fen', 'result'],
  moreColumns: ['closed_on'],
  filters: ['result', 'dispute_type'],
  searchHint: '案件编号、当事人',
  formOrder: ['org_id', 'received_on', 'case_no'],
  shownWhen: {
    closed_on: resultIs('succeeded', 'failed'),
    agreement_form: resultIs('succeeded'),
    performance: resultIs('succeeded'),
    failure_route: resultIs('failed'),
  },
  editors: { org_id: orgEditor(['mediator_ids']), parties: partiesEditor, mediator_ids: mediatorsEditor },
  defaults: { difficulty: 'ordinary' },
  carriedToNext: ['org_id'],
  caseNumber: { field: 'case_no', method: 'mediationCase.nextCaseNumber', input: caseNumberInput },
  recordName: (record) => String(record.case_no),
};

export const disputeSweepView: RegisterView = {
  name: 'disputeSweep',
  columns: ['swept_on', 'office_id', 'sweeps', 'disputes_found', 'note'],
  searchHint: '单位、备注',
  recordName: (record, catalogue) => `${officeName(catalogue, record.office_id)} ${record.swept_on}`,
};
