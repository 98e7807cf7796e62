// The business line 法律援助 (援助案件, 法律咨询 and 值班律师): the tables its figures read, its
// indicators (indicators.md), its sheet of the report workbook and its section of the Word draft.

import type { LineReport, LineTable } from './line.ts';
import { activeAtEnd, ageOn, itemsOf, labelOf, measuresOf, officeName, sqlText, type IndicatorDefinition, type Source } from '../measures.ts';
import { sentence, type Figures, type Section } from '../../export/draft-text.ts';

const sources: Readonly<Record<string, Source>> = {
  legal_aid_case: {
    name: 'legal_aid_case',
    table: 'legal_aid_case',
    alias: 'a',
    alive: 'a.deleted_at IS NULL',
    inOffice: 'a.office_id = @officeId',
    rows: {
      table: 'legal_aid_case',
      id: 'a.id',
      columns: [
        { key: 'caseNo', title: '案件编号', sql: 'a.case_no' },
        officeName('a.office_id'),
        { key: 'receivedOn', title: '受理日期', sql: 'a.received_on' },
        { key: 'source', title: '案件来源', sql: 'a.source', list: 'legalAidSource' },
        { key: 'category', title: '类别', sql: 'a.category', list: 'legalAidCategory' },
        { key: 'reviewResult', title: '审查结果', sql: 'a.review_result', list: 'reviewResult' },
        { key: 'recipientName', title: '受援人', sql: 'a.recipient_name' },
        { key: 'closedOn', title: '结案日期', sql: 'a.closed_on' },
        { key: 'recoveredFen', title: '挽回经济损失(元)', sql: 'a.recovered_fen' },
      ],
      orderBy: 'a.received_on, a.id',
    },
  },  consultation: {
    name: 'consultation',
    table: 'consultation',
    alias: 'q',
    alive: 'q.deleted_at IS NULL',
    inOffice: 'q.office_id = @officeId',
    rows: {
      table: 'consultation',
      id: 'q.id',
      columns: [
        { key: 'consultedOn', title: '日期', sql: 'q.consulted_on' },
        officeName('q.office_id'),
        { key: 'channel', title: '方式', sql: 'q.channel', list: 'consultationChannel' },
        { key: 'matter', title: '事项类别', sql: 'q.matter', list: 'consultationMatter' },
        { key: 'visitors', title: '人次', sql: 'q.visitors', count: true },
      ],
      orderBy: 'q.consulted_on, q.id',
    },
  },  duty_shift: {
    name: 'duty_shift',
    table: 'duty_shift',
    alias: 'd',
    alive: 'd.deleted_at IS NULL',
    inOffice: 'd.office_id = @officeId',
    rows: {
      table: 'duty_shift',
      id: 'd.id',
      columns: [
        { key: 'dutyOn', title: '日期', sql: 'd.duty_on' },
        officeName('d.office_id'),
        { key: 'place', title: '值班地点', sql: 'd.place', list: 'dutyPlace' },
        { key: 'lawyer', title: '律师', sql: 'd.lawyer' },
        { key: 'helpCount', title: '法律帮助人次', sql: 'd.help_count', count: true },
        { key: 'pleaWitnessCount', title: '认罪认罚见证', sql: 'd.plea_witness_count', count: true },
      ],
      orderBy: 'd.duty_on, d.id',
    },
  },};

const granted = "a.review_result = 'granted'";
const recipientAge = ageOn('a.recipient_birth_date', 'a.received_on');
const inSpecialGroup = (code: string) => `instr(a.special_groups, ${sqlText(`,${code},`)}) > 0`;

const recipientGroups = ['disabled', 'migrant_worker', 'military', 'new_employment', 'minority'] as const;

function legalAidIndicators(): IndicatorDefinition[] {
  const casesReceived = measuresOf('法律援助', 'legal_aid_case', { period: 'a.received_on' });
  const casesClosed = measuresOf('法律援助', 'legal_aid_case', { period: 'a.closed_on' });
  const casesOpenAtEnd = measuresOf('法律援助', 'legal_aid_case', {
    within: `${granted} AND ${activeAtEnd('a.received_on', 'a.closed_on')}`,
  });
  const consultations = measuresOf('法律援助', 'consultation', { period: 'q.consulted_on' });
  const dutyShifts = measuresOf('法律援助', 'duty_shift', { period: 'd.duty_on' });
  const categories = itemsOf('legalAidCategory');
  return [
    casesReceived({ id: 'legal_aid.cases.received', label: '受理法律援助案件（宗）', where: granted }),
    casesReceived({
      id: 'legal_aid.cases.application',
      label: '申请类',
      where: `${granted} AND a.source = 'application'`,
    }),
    casesReceived({
      id: 'legal_aid.cases.notified',
      label: '通知类',
      where: `${granted} AND a.source IN ('notified_defence', 'notified_agency')`,
    }),
    ...categories.map((item) =>
      casesReceived({
        id: `legal_aid.cases.${item.code}`,
        label: `案件类别：${item.label}`,
        where: `${granted} AND a.category = ${sqlText(item.code)}`,
      }),
    ),
    casesReceived({ id: 'legal_aid.cases.promise', label: '告知承诺制', where: `${granted} AND a.promise = 1` }),
    casesReceived({
      id: 'legal_aid.applications.rejected',
      label: '不予援助',
      where: "a.source = 'application' AND a.review_result = 'rejected'",
    }),
    {
      kind: 'rate',
      id: 'legal_aid.applications.grant_rate',
      label: '应援尽援率（%）',
      register: '法律援助',
      numerator: ['legal_aid.cases.application'],
      denominator: ['legal_aid.cases.application', 'legal_aid.applications.rejected'],
    },
    casesClosed({ id: 'legal_aid.cases.closed', label: '办结案件（宗）' }),
    ...categories.map((item) =>
      casesClosed({
        id: `legal_aid.cases.closed.${item.code}`,
        label: `办结：${item.label}`,
        where: `a.category = ${sqlText(item.code)}`,
      }),
    ),
    casesOpenAtEnd({ id: 'legal_aid.cases.open_end', label: '期末未结' }),
    casesReceived({ id: 'legal_aid.recipients.minor', label: '未成年人', where: `${granted} AND ${recipientAge} < 18` }),
    casesReceived({ id: 'legal_aid.recipients.elderly', label: '老年人', where: `${granted} AND ${recipientAge} >= 60` }),
    casesReceived({
      id: 'legal_aid.recipients.women',
      label: '妇女',
      where: `${granted} AND a.recipient_sex = 'female' AND ${recipientAge} >= 18`,
    }),
    ...recipientGroups.map((group) =>
      casesReceived({
        id: `legal_aid.recipients.${group}`,
        label: labelOf('specialGroup', group),
        where: `${granted} AND ${inSpecialGroup(group)}`,
      }),
    ),
    ...itemsOf('handlerType').map((item) =>
      casesReceived({
        id: `legal_aid.cases.handler.${item.code}`,
        label: `承办人类型：${item.label}`,
        where: `${granted} AND a.handler_type = ${sqlText(item.code)}`,
      }),
    ),
    casesClosed({
      id: 'legal_aid.recovered_wan',
      label: '挽回经济损失（万元）',
      aggregate: { sum: 'a.recovered_fen' },
      unit: 'wan',
    }),
    consultations({ id: 'legal_aid.consultations', label: '法律咨询（人次）', aggregate: { sum: 'q.visitors' } }),
    ...itemsOf('consultationChannel').map((item) =>
      consultations({
        id: `legal_aid.consultations.${item.code}`,
        label: item.label,
        where: `q.channel = ${sqlText(item.code)}`,
        aggregate: { sum: 'q.visitors' },
      }),
    ),
    dutyShifts({ id: 'legal_aid.duty.shifts', label: '值班律师值班（人次）' }),
    dutyShifts({ id: 'legal_aid.duty.help', label: '值班律师提供法律帮助（人次）', aggregate: { sum: 'd.help_count' } }),
    dutyShifts({ id: 'legal_aid.duty.plea_witness', label: '认罪认罚见证', aggregate: { sum: 'd.plea_witness_count' } }),
  ];
}

const table: LineTable = {
  units: '宗、人次、万元',
  headings: [
    {
      header: '受理法律援助案件（宗）',
      columns: [
        { header: '合计', id: 'legal_aid.cases.received' },
        { header: '申请类', id: 'legal_aid.cases.application' },
        { header: '通知类', id: 'legal_aid.cases.notified' },
      ],
    },
    {
      header: '按案件类别（宗）',
      columns: [
        { header: '刑事', id: 'legal_aid.cases.criminal' },
        { header: '民事', id: 'legal_aid.cases.civil' },
        { header: '行政', id: 'legal_aid.cases.administrative' },
        { header: '国家赔偿', id: 'legal_aid.cases.state_compensation' },
        { header: '其他非诉', id: 'legal_aid.cases.non_litigation' },
      ],
    },
    { header: '不予援助（宗）', id: 'legal_aid.applications.rejected' },
    { header: '应援尽援率（%）', id: 'legal_aid.applications.grant_rate' },
    { header: '办结案件（宗）', id: 'legal_aid.cases.closed' },
    { header: '期末未结（宗）', id: 'legal_aid.cases.open_end' },
    { header: '挽回经济损失（万元）', id: 'legal_aid.recovered_wan' },
    {
      header: '法律咨询（人次）',
      columns: [
        { header: '合计', id: 'legal_aid.consultations' },
        { header: '来访', id: 'legal_aid.consultations.visit' },
        { header: '来电', id: 'legal_aid.consultations.phone' },
        { header: '来信', id: 'legal_aid.consultations.letter' },
        { header: '网络', id: 'legal_aid.consultations.online' },
      ],
    },
    {
      header: '值班律师（人次）',
      columns: [
        { header: '值班', id: 'legal_aid.duty.shifts' },
        { header: '提供法律帮助', id: 'legal_aid.duty.help' },
        { header: '认罪认罚见证', id: 'legal_aid.duty.plea_witness' },
      ],
    },
  ],
};

function legalAidSection(ordinal: string, figures: Figures, period: string, where: string): Section {
  const { count, decimal, parts, ifAny } = figures;
  const categories = parts(
    [
      ['刑事', 'legal_aid.cases.criminal'],
      ['民事', 'legal_aid.cases.civil'],
      ['行政', 'legal_aid.cases.administrative'],
      ['国家赔偿', 'legal_aid.cases.state_compensation'],
      ['其他非诉', 'legal_aid.cases.non_litigation'],
    ],
    '宗',
  );
  const cases = [
    sentence(
      `${period}，${where}共受理法律援助案件${count('legal_aid.cases.received')}宗${categories ? `（其中${categories}）` : ''}`,
      `办结${count('legal_aid.cases.closed')}宗`,
      `提供法律咨询${count('legal_aid.consultations')}人次`,
      `挽回经济损失${decimal('legal_aid.recovered_wan')}万元`,
    ),
  ];
  const compared = figures.comparison([
    ['受理案件数', 'legal_aid.cases.received', '宗'],
    ['办结案件数', 'legal_aid.cases.closed', '宗'],
    ['法律咨询人次', 'legal_aid.consultations', '人次'],
  ]);
  if (compared) cases[0] += sentence(compared);
  const grantRate = decimal('legal_aid.applications.grant_rate');
  cases.push(
    sentence(
      `受理的案件中，申请类${count('legal_aid.cases.application')}宗、通知类${count('legal_aid.cases.notified')}宗`,
      ifAny('legal_aid.applications.rejected', `对法律援助申请不予援助${count('legal_aid.applications.rejected')}宗`),
      grantRate === null ? '' : `应援尽援率${grantRate}%`,
      ifAny('legal_aid.cases.promise', `适用经济困难告知承诺制${count('legal_aid.cases.promise')}宗`),
      `期末未结案件${count('legal_aid.cases.open_end')}宗`,
    ),
  );
  const recipients = parts(
    [
      ['未成年人', 'legal_aid.recipients.minor'],
      ['老年人', 'legal_aid.recipients.elderly'],
      ['妇女', 'legal_aid.recipients.women'],
      ['残疾人', 'legal_aid.recipients.disabled'],
      ['农民工', 'legal_aid.recipients.migrant_worker'],
      ['军人军属', 'legal_aid.recipients.military'],
      ['新就业形态劳动者', 'legal_aid.recipients.new_employment'],
      ['少数民族', 'legal_aid.recipients.minority'],
    ],
    '人',
  );
  if (recipients) cases.push(sentence(`受援人中，${recipients}`));
  const handlers = parts(
    [
      ['社会律师承办', 'legal_aid.cases.handler.lawyer'],
      ['法律援助机构工作人员承办', 'legal_aid.cases.handler.staff'],
      ['基层法律服务工作者承办', 'legal_aid.cases.handler.grassroots'],
      ['社会组织人员承办', 'legal_aid.cases.handler.social_org'],
      ['法律援助志愿者承办', 'legal_aid.cases.handler.volunteer'],
    ],
    '宗',
  );
  if (handlers) cases.push(sentence(`受理的案件由${handlers}`));

  const channels = parts(
    [
      ['来访', 'legal_aid.consultations.visit'],
      ['来电', 'legal_aid.consultations.phone'],
      ['来信', 'legal_aid.consultations.letter'],
      ['网络', 'legal_aid.consultations.online'],
    ],
    '人次',
  );
  const services = [
    sentence(
      `${period}，${where}提供法律咨询${count('legal_aid.consultations')}人次${channels ? `（其中${channels}）` : ''}`,
    ) +
      sentence(
        ifAny('legal_aid.duty.shifts', `值班律师值班${count('legal_aid.duty.shifts')}人次`),
        ifAny('legal_aid.duty.help', `提供法律帮助${count('legal_aid.duty.help')}人次`),
        ifAny('legal_aid.duty.plea_witness', `参与认罪认罚见证${count('legal_aid.duty.plea_witness')}人次`),
      ),
  ];
  return {
    heading: `${ordinal}、法律援助工作`,
    parts: [
      { heading: '（一）法律援助案件办理', paragraphs: cases },
      { heading: '（二）法律咨询和值班律师', paragraphs: services },
    ],
  };
}

export const legalAidReport: LineReport = {
  sources,
  indicators: () => legalAidIndicators(),
  table,
  draft: { write: (ordinal, { figures, period, where }) => legalAidSection(ordinal, figures, period, where) },
};
