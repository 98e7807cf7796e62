// The business line 人民调解 (调解组织, 调解员, 调解案件 and 矛盾纠纷排查): the tables its figures read, its
// indicators (indicators.md), its sheet of the report workbook and its section of the Word draft.

import type { LineReport, LineTable } from './line.ts';
import { activeAtEnd, configuredDisputeTypes, itemsOf, measuresOf, officeName, sqlText, type DisputeType, type IndicatorDefinition, type Source } from '../measures.ts';
import { sentence, type Figures, type Section } from '../../export/draft-text.ts';
import { dateName } from '../../export/report-scope.ts';

const sources: Readonly<Record<string, Source>> = {
  mediation_org: {
    name: 'mediation_org',
    table: 'mediation_org',
    alias: 'o',
    alive: 'o.deleted_at IS NULL',
    inOffice: 'o.office_id = @officeId',
    rows: {
      table: 'mediation_org',
      id: 'o.id',
      columns: [
        { key: 'name', title: '名称', sql: 'o.name' },
        { key: 'kind', title: '类型', sql: 'o.kind', list: 'orgKind' },
        officeName('o.office_id'),
        { key: 'foundedOn', title: '成立日期', sql: 'o.founded_on' },
        { key: 'dissolvedOn', title: '撤销日期', sql: 'o.dissolved_on' },
      ],
      orderBy: 'o.office_id, o.name',
    },
  },  mediator: {
    name: 'mediator',
    table: 'mediator',
    alias: 'm',
    joins: 'JOIN mediation_org o ON o.id = m.org_id',
    alive: 'm.deleted_at IS NULL',
    inOffice: 'o.office_id = @officeId',
    rows: {
      table: 'mediator',
      id: 'm.id',
      columns: [
        { key: 'name', title: '姓名', sql: 'm.name' },
        { key: 'org', title: '调解组织', sql: 'o.name' },
        { key: 'employment', title: '专兼职', sql: 'm.employment', list: 'employment' },
        { key: 'background', title: '身份背景', sql: 'm.background', list: 'mediatorBackground' },
        { key: 'appointedOn', title: '聘任日期', sql: 'm.appointed_on' },
        { key: 'dismissedOn', title: '解聘日期', sql: 'm.dismissed_on' },
      ],
      orderBy: 'o.name, m.name, m.id',
    },
  },  // A case counts on its own: a deleted organisation does not take its cases out of the figures.
  mediation_case: {
    name: 'mediation_case',
    table: 'mediation_case',
    alias: 'c',
    joins: 'JOIN mediation_org o ON o.id = c.org_id',
    alive: 'c.deleted_at IS NULL',
    inOffice: 'o.office_id = @officeId',
    rows: {
      table: 'mediation_case',
      id: 'c.id',
      columns: [
        { key: 'caseNo', title: '案件编号', sql: 'c.case_no' },
        { key: 'org', title: '调解组织', sql: 'o.name' },
        { key: 'receivedOn', title: '受理日期', sql: 'c.received_on' },
        { key: 'disputeType', title: '纠纷类型', sql: 'c.dispute_type', list: 'disputeType' },
        { key: 'result', title: '调解结果', sql: 'c.result', list: 'mediationResult' },
        { key: 'closedOn', title: '结案日期', sql: 'c.closed_on' },
        { key: 'amountFen', title: '涉及金额(元)', sql: 'c.amount_fen' },
      ],
      orderBy: 'c.received_on, c.id',
    },
  },  dispute_sweep: {
    name: 'dispute_sweep',
    table: 'dispute_sweep',
    alias: 'w',
    alive: 'w.deleted_at IS NULL',
    inOffice: 'w.office_id = @officeId',
    rows: {
      table: 'dispute_sweep',
      id: 'w.id',
      columns: [
        { key: 'sweptOn', title: '日期', sql: 'w.swept_on' },
        officeName('w.office_id'),
        { key: 'sweeps', title: '排查次数', sql: 'w.sweeps', count: true },
        { key: 'disputesFound', title: '发现纠纷数', sql: 'w.disputes_found', count: true },
      ],
      orderBy: 'w.swept_on, w.id',
    },
  },};

const succeeded = "c.result = 'succeeded'";
const failed = "c.result = 'failed'";
const majorDifficult = "c.difficulty IN ('major', 'difficult')";
const byRetiredJudge =
  'c.id IN (SELECT cm.case_id FROM mediation_case_mediator cm JOIN mediator jm ON jm.id = cm.mediator_id' +
  " WHERE jm.background = 'retired_judge' AND jm.deleted_at IS NULL)";

/** Short names the spec gives for the kinds of 调解组织 (indicators.md). */
const orgKindNames: Readonly<Record<string, string>> = {
  village: '村(居)',
  township: '乡镇(街道)',
  enterprise: '企事业单位',
  professional: '行业性专业性',
  stationed: '派驻调解室',
  personal: '个人调解工作室',
  other: '其他',
};


function mediationIndicators(disputeTypes: readonly DisputeType[]): IndicatorDefinition[] {
  const orgs = measuresOf('人民调解', 'mediation_org', { within: activeAtEnd('o.founded_on', 'o.dissolved_on') });
  const mediators = measuresOf('人民调解', 'mediator', { within: activeAtEnd('m.appointed_on', 'm.dismissed_on') });
  const casesReceived = measuresOf('人民调解', 'mediation_case', { period: 'c.received_on' });
  const sweeps = measuresOf('人民调解', 'dispute_sweep', { period: 'w.swept_on' });
  const orgKinds = itemsOf('orgKind').map((item) => item.code);
  return [
    orgs({ id: 'mediation.orgs', label: '调解组织数' }),
    ...orgKinds.map((kind) =>
      orgs({ id: `mediation.orgs.${kind}`, label: `调解组织数：${orgKindNames[kind]}`, where: `o.kind = ${sqlText(kind)}` }),
    ),
    mediators({ id: 'mediation.mediators', label: '人民调解员数' }),
    mediators({ id: 'mediation.mediators.fulltime', label: '专职人民调解员', where: "m.employment = 'fulltime'" }),
    mediators({ id: 'mediation.mediators.retired_judge', label: '退休法官调解员', where: "m.background = 'retired_judge'" }),
    casesReceived({ id: 'mediation.cases.received', label: '受理矛盾纠纷（宗）' }),
    casesReceived({ id: 'mediation.cases.succeeded', label: '调解成功（宗）', where: succeeded }),
    casesReceived({ id: 'mediation.cases.failed', label: '调解不成功（终止）', where: failed }),
    casesReceived({ id: 'mediation.cases.pending', label: '正在调解', where: "c.result = 'pending'" }),
    {
      kind: 'rate',
      id: 'mediation.cases.success_rate',
      label: '调解成功率（%）',
      register: '人民调解',
      numerator: ['mediation.cases.succeeded'],
      denominator: ['mediation.cases.received'],
    },
    casesReceived({
      id: 'mediation.cases.amount_wan',
      label: '涉及金额（万元）',
      aggregate: { sum: 'c.amount_fen' },
      unit: 'wan',
    }),
    casesReceived({
      id: 'mediation.cases.written',
      label: '书面协议',
      where: `${succeeded} AND c.agreement_form = 'written'`,
    }),
    casesReceived({ id: 'mediation.cases.oral', label: '口头协议', where: `${succeeded} AND c.agreement_form = 'oral'` }),
    casesReceived({
      id: 'mediation.cases.judicial_confirmation',
      label: '司法确认',
      where: "c.performance = 'judicial_confirmation'",
    }),
    casesReceived({
      id: 'mediation.cases.referred_litigation',
      label: '引导诉讼（移送起诉）',
      where: `${failed} AND c.failure_route = 'litigation'`,
    }),
    casesReceived({ id: 'mediation.cases.major_difficult', label: '重大疑难纠纷', where: majorDifficult }),
    casesReceived({
      id: 'mediation.cases.major_difficult_succeeded',
      label: '化解重大疑难纠纷',
      where: `${majorDifficult} AND ${succeeded}`,
    }),
    casesReceived({ id: 'mediation.cases.by_retired_judge', label: '退休法官调解员调解', where: byRetiredJudge }),
    ...disputeTypes.map((type) =>
      casesReceived({
        id: `mediation.cases.type.${type.code}`,
        label: `纠纷类型：${type.label}`,
        where: `c.dispute_type = ${sqlText(type.code)}`,
      }),
    ),
    ...orgKinds.flatMap((kind) => [
      casesReceived({
        id: `mediation.cases.org_kind.${kind}`,
        label: `组织类型：${orgKindNames[kind]}`,
        where: `o.kind = ${sqlText(kind)}`,
      }),
      casesReceived({
        id: `mediation.cases.org_kind.${kind}.succeeded`,
        label: `组织类型：${orgKindNames[kind]}·调解成功`,
        where: `${succeeded} AND o.kind = ${sqlText(kind)}`,
      }),
    ]),
    ...itemsOf('mediationSource').map((item) =>
      casesReceived({
        id: `mediation.cases.source.${item.code}`,
        label: `案件来源：${item.label}`,
        where: `c.source = ${sqlText(item.code)}`,
      }),
    ),
    ...(
      [
        ['criminal', '防止民转刑'],
        ['petition', '防止群体性上访'],
        ['fight', '防止群体性械斗'],
        ['suicide', '防止自杀'],
      ] as const
    ).map(([flag, label]) => casesReceived({ id: `mediation.prevented.${flag}`, label, where: `c.prevented_${flag} = 1` })),
    sweeps({ id: 'mediation.sweeps', label: '矛盾纠纷排查（次）', aggregate: { sum: 'w.sweeps' } }),
    sweeps({ id: 'mediation.sweeps.found', label: '排查发现纠纷', aggregate: { sum: 'w.disputes_found' } }),
  ];
}

const table: LineTable = {
  units: '个、人、宗、次、万元',
  headings: [
    { header: '调解组织（个）', id: 'mediation.orgs' },
    {
      header: '人民调解员（人）',
      columns: [
        { header: '合计', id: 'mediation.mediators' },
        { header: '其中专职', id: 'mediation.mediators.fulltime' },
        { header: '其中退休法官', id: 'mediation.mediators.retired_judge' },
      ],
    },
    {
      header: '受理矛盾纠纷（宗）',
      columns: [
        { header: '合计', id: 'mediation.cases.received' },
        { header: '其中重大疑难', id: 'mediation.cases.major_difficult' },
      ],
    },
    {
      header: '调解结果（宗）',
      columns: [
        { header: '调解成功', id: 'mediation.cases.succeeded' },
        { header: '调解不成功（终止）', id: 'mediation.cases.failed' },
        { header: '正在调解', id: 'mediation.cases.pending' },
      ],
    },
    { header: '调解成功率（%）', id: 'mediation.cases.success_rate' },
    { header: '涉及金额（万元）', id: 'mediation.cases.amount_wan' },
    {
      header: '协议形式（宗）',
      columns: [
        { header: '书面协议', id: 'mediation.cases.written' },
        { header: '口头协议', id: 'mediation.cases.oral' },
      ],
    },
    { header: '司法确认（宗）', id: 'mediation.cases.judicial_confirmation' },
    {
      header: '矛盾纠纷排查',
      columns: [
        { header: '排查（次）', id: 'mediation.sweeps' },
        { header: '发现纠纷（宗）', id: 'mediation.sweeps.found' },
      ],
    },
    {
      header: '预防纠纷激化（宗）',
      columns: [
        { header: '防止民转刑', id: 'mediation.prevented.criminal' },
        { header: '防止群体性上访', id: 'mediation.prevented.petition' },
        { header: '防止群体性械斗', id: 'mediation.prevented.fight' },
        { header: '防止自杀', id: 'mediation.prevented.suicide' },
      ],
    },
  ],
};

const orgKinds = [
  ['村(居)调委会', 'mediation.orgs.village'],
  ['乡镇(街道)调委会', 'mediation.orgs.township'],
  ['企事业单位调委会', 'mediation.orgs.enterprise'],
  ['行业性专业性调委会', 'mediation.orgs.professional'],
  ['派驻调解室', 'mediation.orgs.stationed'],
  ['个人调解工作室', 'mediation.orgs.personal'],
  ['其他调解组织', 'mediation.orgs.other'],
] as const;

function mediationSection(
  ordinal: string,
  figures: Figures,
  period: string,
  where: string,
  to: string,
  disputeTypes: readonly DisputeType[],
): Section {
  const { count, decimal, parts, ifAny } = figures;
  const kinds = parts(orgKinds, '个');
  const staff = parts(
    [
      ['专职人民调解员', 'mediation.mediators.fulltime'],
      ['退休法官调解员', 'mediation.mediators.retired_judge'],
    ],
    '名',
  );
  const organisation = sentence(
    `截至${dateName(to)}，${where}共有人民调解组织${count('mediation.orgs')}个${kinds ? `（其中${kinds}）` : ''}`,
    `人民调解员${count('mediation.mediators')}名${staff ? `（其中${staff}）` : ''}`,
  );

  const rate = decimal('mediation.cases.success_rate');
  const received = figures.value('mediation.cases.received') ?? 0;
  const handling = [
    sentence(
      `${period}，${where}${count('mediation.orgs')}个人民调解组织、${count('mediation.mediators')}名人民调解员` +
        `共受理矛盾纠纷${count('mediation.cases.received')}宗`,
      `调解成功${count('mediation.cases.succeeded')}宗`,
      rate === null ? '' : `调解成功率${rate}%`,
      `涉及金额${decimal('mediation.cases.amount_wan')}万元`,
    ),
  ];
  const compared = figures.comparison([
    ['受理矛盾纠纷数', 'mediation.cases.received', '宗'],
    ['调解成功数', 'mediation.cases.succeeded', '宗'],
    ['涉及金额', 'mediation.cases.amount_wan', '万元'],
  ]);
  if (compared) handling[0] += sentence(compared);
  if (received > 0) {
    const agreements = parts(
      [
        ['书面协议', 'mediation.cases.written'],
        ['口头协议', 'mediation.cases.oral'],
      ],
      '宗',
    );
    const outcomes = sentence(
      agreements ? `达成${agreements}` : '',
      ifAny('mediation.cases.judicial_confirmation', `经司法确认${count('mediation.cases.judicial_confirmation')}宗`),
      ifAny(
        'mediation.cases.failed',
        `调解不成功${count('mediation.cases.failed')}宗` +
          ifAny('mediation.cases.referred_litigation', `（其中引导诉讼${count('mediation.cases.referred_litigation')}宗）`),
      ),
      ifAny('mediation.cases.pending', `正在调解${count('mediation.cases.pending')}宗`),
    );
    const details =
      (outcomes && `其中，${outcomes}`) +
      sentence(
        ifAny(
          'mediation.cases.major_difficult',
          `受理重大疑难纠纷${count('mediation.cases.major_difficult')}宗，化解${count('mediation.cases.major_difficult_succeeded')}宗`,
        ),
        ifAny('mediation.cases.by_retired_judge', `退休法官调解员参与调解${count('mediation.cases.by_retired_judge')}宗`),
      );
    if (details) handling.push(details);
    const leading = disputeTypes
      .map((type) => ({ name: disputeName(type.label), id: `mediation.cases.type.${type.code}` }))
      .map((type) => ({ ...type, value: figures.value(type.id) ?? 0 }))
      .filter((type) => type.value > 0)
      .sort((a, b) => b.value - a.value)
      .slice(0, 3);
    if (leading.length > 0) {
      handling.push(
        sentence(`从纠纷类型看，数量居前的是${leading.map((type) => `${type.name}${count(type.id)}宗`).join('、')}`),
      );
    }
    const prevented = parts(
      [
        ['防止民转刑案件', 'mediation.prevented.criminal'],
        ['防止群体性上访', 'mediation.prevented.petition'],
        ['防止群体性械斗', 'mediation.prevented.fight'],
        ['防止自杀', 'mediation.prevented.suicide'],
      ],
      '宗',
    );
    if (prevented) handling.push(sentence(`通过调解${prevented}`));
  }
  const sweeps = sentence(
    ifAny(
      'mediation.sweeps',
      `${period}，${where}开展矛盾纠纷排查${count('mediation.sweeps')}次，排查发现纠纷${count('mediation.sweeps.found')}宗`,
    ),
  );
  if (sweeps) handling.push(sweeps);
  return {
    heading: `${ordinal}、人民调解工作`,
    parts: [
      { heading: '（一）人民调解组织和队伍', paragraphs: [organisation] },
      { heading: '（二）矛盾纠纷排查化解', paragraphs: handling },
    ],
  };
}

/** 邻里 → 邻里纠纷; a type already named a dispute (其他劳动争议) stays as it is. */
const disputeName = (label: string) => (/(纠纷|争议)$/.test(label) ? label : `${label}纠纷`);
export const mediationReport: LineReport = {
  sources,
  indicators: (db) => mediationIndicators(configuredDisputeTypes(db)),
  table,
  draft: { write: (ordinal, { figures, period, where, asOf, disputeTypes }) => mediationSection(ordinal, figures, period, where, asOf, disputeTypes) },
};
