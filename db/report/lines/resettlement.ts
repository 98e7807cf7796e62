// The business line 安置帮教 (安置帮教对象): the tables its figures read, its
// indicators (indicators.md), its sheet of the report workbook and its section of the Word draft.

import type { LineReport, LineTable } from './line.ts';
import { itemsOf, measuresOf, officeName, sqlText, type IndicatorDefinition, type RateDefinition, type Source } from '../measures.ts';
import { sentence, type Figures, type Section } from '../../export/draft-text.ts';
import { dateName } from '../../export/report-scope.ts';

const sources: Readonly<Record<string, Source>> = {
  resettlement: {
    name: 'resettlement',
    table: 'resettlement',
    alias: 'r',
    alive: 'r.deleted_at IS NULL',
    inOffice: 'r.office_id = @officeId',
    rows: {
      table: 'resettlement',
      id: 'r.id',
      columns: [
        { key: 'name', title: '姓名', sql: 'r.name' },
        { key: 'idNumber', title: '身份证号码', sql: 'r.id_number', personalNumber: true },
        officeName('r.office_id'),
        { key: 'personType', title: '人员类型', sql: 'r.person_type', list: 'resettlementPersonType' },
        { key: 'releasedOn', title: '释放日期', sql: 'r.released_on' },
        { key: 'takenOverOn', title: '衔接日期', sql: 'r.taken_over_on' },
        { key: 'resettlementMethod', title: '安置方式', sql: 'r.resettlement_method', list: 'resettlementMethod' },
        { key: 'helpEndsOn', title: '帮教期满日期', sql: 'r.help_ends_on' },
        { key: 'reoffendedOn', title: '重新犯罪日期', sql: 'r.reoffended_on' },
      ],
      orderBy: 'r.taken_over_on, r.id',
    },
  },};

function resettlementIndicators(): IndicatorDefinition[] {
  const received = measuresOf('安置帮教', 'resettlement', { period: 'r.taken_over_on' });
  const managed = measuresOf('安置帮教', 'resettlement', {
    within: 'r.taken_over_on <= @to AND r.help_ends_on >= @from AND (r.reoffended_on IS NULL OR r.reoffended_on >= @from)',
  });
  const reoffended = measuresOf('安置帮教', 'resettlement', { period: 'r.reoffended_on' });
  const rate = (id: string, label: string, numerator: string, denominator: string): RateDefinition => ({
    kind: 'rate',
    id,
    label,
    register: '安置帮教',
    numerator: [numerator],
    denominator: [denominator],
  });
  return [
    received({ id: 'resettlement.received', label: '衔接安置帮教对象（人）' }),
    ...itemsOf('resettlementPersonType').map((item) =>
      received({ id: `resettlement.received.${item.code}`, label: item.label, where: `r.person_type = ${sqlText(item.code)}` }),
    ),
    received({ id: 'resettlement.handover', label: '必接必送（人）', where: "r.handover_method = 'handover'" }),
    received({
      id: 'resettlement.settled',
      label: '已安置（人）',
      where: 'r.resettlement_method IS NOT NULL AND r.resettled_on <= @to',
    }),
    rate('resettlement.settle_rate', '安置率（%）', 'resettlement.settled', 'resettlement.received'),
    received({ id: 'resettlement.helped', label: '落实帮教（人）', where: 'r.helped = 1' }),
    rate('resettlement.help_rate', '帮教率（%）', 'resettlement.helped', 'resettlement.received'),
    managed({ id: 'resettlement.managed', label: '帮教总人数（人）' }),
    managed({
      id: 'resettlement.active_end',
      label: '在册（人）',
      where: 'r.help_ends_on > @to AND (r.reoffended_on IS NULL OR r.reoffended_on > @to)',
    }),
    reoffended({ id: 'resettlement.reoffended', label: '重新犯罪（人）' }),
    rate('resettlement.reoffense_rate', '重新犯罪率（%）', 'resettlement.reoffended', 'resettlement.managed'),
  ];
}

const table: LineTable = {
  units: '人',
  headings: [
    {
      header: '衔接安置帮教对象（人）',
      columns: [
        { header: '合计', id: 'resettlement.received' },
        { header: '刑满释放人员', id: 'resettlement.received.prison' },
        { header: '解除社区矫正人员', id: 'resettlement.received.correction' },
        { header: '其中必接必送', id: 'resettlement.handover' },
      ],
    },
    { header: '已安置（人）', id: 'resettlement.settled' },
    { header: '安置率（%）', id: 'resettlement.settle_rate' },
    { header: '落实帮教（人）', id: 'resettlement.helped' },
    { header: '帮教率（%）', id: 'resettlement.help_rate' },
    { header: '帮教总人数（人）', id: 'resettlement.managed' },
    { header: '期末在册（人）', id: 'resettlement.active_end' },
    { header: '重新犯罪（人）', id: 'resettlement.reoffended' },
    { header: '重新犯罪率（%）', id: 'resettlement.reoffense_rate' },
  ],
};

function resettlementSection(ordinal: string, figures: Figures, period: string, where: string, to: string): Section {
  const { count, decimal, ifAny } = figures;
  const settleRate = decimal('resettlement.settle_rate');
  const helpRate = decimal('resettlement.help_rate');
  const reoffenseRate = decimal('resettlement.reoffense_rate');
  const received = sentence(
    `${period}，${where}衔接安置帮教对象${count('resettlement.received')}人，其中刑满释放人员${count('resettlement.received.prison')}人、` +
      `解除社区矫正人员${count('resettlement.received.correction')}人`,
    ifAny('resettlement.handover', `必接必送${count('resettlement.handover')}人`),
    settleRate === null ? '' : `安置率${settleRate}%`,
    helpRate === null ? '' : `帮教率${helpRate}%`,
  );
  const compared = figures.comparison([['衔接人数', 'resettlement.received', '人']]);
  const roll = sentence(
    `${period}，${where}帮教总人数${count('resettlement.managed')}人，截至${dateName(to)}在册${count('resettlement.active_end')}人`,
    `重新犯罪${count('resettlement.reoffended')}人${reoffenseRate === null ? '' : `，重新犯罪率${reoffenseRate}%`}`,
  );
  return {
    heading: `${ordinal}、安置帮教工作`,
    parts: [{ heading: '（一）刑满释放人员和解除社区矫正人员安置帮教', paragraphs: [received + sentence(compared), roll] }],
  };
}

export const resettlementReport: LineReport = {
  sources,
  indicators: () => resettlementIndicators(),
  table,
  draft: {
    whenAny: ['resettlement.received', 'resettlement.managed'],
    write: (ordinal, { figures, period, where, asOf }) => resettlementSection(ordinal, figures, period, where, asOf),
  },
};
