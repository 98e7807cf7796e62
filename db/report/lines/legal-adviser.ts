// The business line 村(居)法律顾问 (法律顾问 and 顾问服务): the tables its figures read, its
// indicators (indicators.md), its sheet of the report workbook and its section of the Word draft.

import type { LineReport, LineTable } from './line.ts';
import { activeAtEnd, configuredItems, measuresOf, officeName, sqlText, type Aggregate, type IndicatorDefinition, type Source } from '../measures.ts';
import { sentence, type Figures, type Section } from '../../export/draft-text.ts';
import type { ListItem } from '../../registers/vocabulary.ts';

const sources: Readonly<Record<string, Source>> = {
  legal_adviser: {
    name: 'legal_adviser',
    table: 'legal_adviser',
    alias: 'la',
    alive: 'la.deleted_at IS NULL',
    inOffice: 'la.office_id = @officeId',
    rows: {
      table: 'legal_adviser',
      id: 'la.id',
      columns: [
        { key: 'name', title: '姓名', sql: 'la.name' },
        officeName('la.office_id'),
        { key: 'identity', title: '身份', sql: 'la.identity', list: 'adviserIdentity' },
        { key: 'villages', title: '服务村(居)', sql: 'la.villages' },
        { key: 'appointedOn', title: '聘任日期', sql: 'la.appointed_on' },
        { key: 'dismissedOn', title: '解聘日期', sql: 'la.dismissed_on' },
      ],
      orderBy: 'la.office_id, la.name',
    },
  },  // One row per village an adviser serves (a view over legal_adviser.villages).
  legal_adviser_village: {
    name: 'legal_adviser_village',
    table: 'legal_adviser_village',
    alias: 'lv',
    joins: 'JOIN legal_adviser la ON la.id = lv.adviser_id',
    alive: 'la.deleted_at IS NULL',
    inOffice: 'la.office_id = @officeId',
    rows: {
      table: 'legal_adviser',
      id: 'la.id',
      columns: [
        { key: 'village', title: '服务村(居)', sql: 'lv.village' },
        { key: 'name', title: '姓名', sql: 'la.name' },
        officeName('la.office_id'),
      ],
      orderBy: 'la.office_id, lv.village, la.name',
    },
  },  legal_adviser_service: {
    name: 'legal_adviser_service',
    table: 'legal_adviser_service',
    alias: 'ls',
    rowJoins: 'JOIN legal_adviser la ON la.id = ls.adviser_id',
    alive: 'ls.deleted_at IS NULL',
    inOffice: 'ls.office_id = @officeId',
    rows: {
      table: 'legal_adviser_service',
      id: 'ls.id',
      columns: [
        { key: 'servedOn', title: '日期', sql: 'ls.served_on' },
        officeName('ls.office_id'),
        { key: 'adviser', title: '法律顾问', sql: 'la.name' },
        { key: 'village', title: '服务村(居)', sql: 'ls.village' },
        { key: 'serviceType', title: '服务类型', sql: 'ls.service_type', list: 'adviserServiceType' },
        { key: 'quantity', title: '数量', sql: 'ls.quantity', count: true },
      ],
      orderBy: 'ls.served_on, ls.id',
    },
  },};

/** Distinct villages of the advisers: a village is one of its office's (two offices may each have a 东村). */
const distinctVillages: Aggregate = {
  distinct: "la.office_id || '、' || lv.village",
  rows: {
    table: 'legal_adviser',
    id: 'min(la.id)',
    columns: [
      { key: 'village', title: '服务村(居)', sql: 'lv.village' },
      { key: 'office', title: '单位', sql: 'max((SELECT name FROM office WHERE id = la.office_id))' },
      { key: 'advisers', title: '法律顾问', sql: "group_concat(la.name, '、')" },
    ],
    orderBy: 'la.office_id, lv.village',
  },
};

function legalAdviserIndicators(serviceTypes: readonly ListItem[]): IndicatorDefinition[] {
  const serving = activeAtEnd('la.appointed_on', 'la.dismissed_on');
  const advisers = measuresOf('村(居)法律顾问', 'legal_adviser', { within: serving });
  const villages = measuresOf('村(居)法律顾问', 'legal_adviser_village', { within: serving });
  const services = measuresOf('村(居)法律顾问', 'legal_adviser_service', { period: 'ls.served_on' });
  const quantity = { sum: 'ls.quantity' };
  return [
    advisers({ id: 'legal_adviser.advisers', label: '村(居)法律顾问（名）' }),
    villages({ id: 'legal_adviser.villages', label: '覆盖村(居)（个）', aggregate: distinctVillages }),
    services({ id: 'legal_adviser.services', label: '提供法律服务（次）', aggregate: quantity }),
    ...serviceTypes.map((type) =>
      services({
        id: `legal_adviser.services.${type.code}`,
        label: `提供法律服务：${type.label}`,
        where: `ls.service_type = ${sqlText(type.code)}`,
        aggregate: quantity,
      }),
    ),
  ];
}

const table: LineTable = {
  units: '名、个、次',
  headings: [
    { header: '村(居)法律顾问（名）', id: 'legal_adviser.advisers' },
    { header: '覆盖村(居)（个）', id: 'legal_adviser.villages' },
    {
      header: '提供法律服务（次）',
      columns: [
        { header: '合计', id: 'legal_adviser.services' },
        { header: '入村(居)服务', id: 'legal_adviser.services.visit' },
        { header: '法律咨询', id: 'legal_adviser.services.consultation' },
        { header: '法治讲座', id: 'legal_adviser.services.lecture' },
        { header: '参与调解', id: 'legal_adviser.services.mediation' },
        { header: '代理诉讼', id: 'legal_adviser.services.litigation' },
        { header: '法律援助', id: 'legal_adviser.services.legal_aid' },
        { header: '法律意见书', id: 'legal_adviser.services.opinion' },
        { header: '审查合同', id: 'legal_adviser.services.contract' },
        { header: '审查村规民约', id: 'legal_adviser.services.village_rules' },
        { header: '代写文书', id: 'legal_adviser.services.drafting' },
        { header: '参与处理群体性事件', id: 'legal_adviser.services.group_incident' },
      ],
    },
  ],
};

/** Units of the 服务类型 (indicators.md: the unit goes with the type), in the order the reports name them. */
const adviserServices = [
  ['法律咨询', 'consultation', '人次'],
  ['法治讲座', 'lecture', '场次'],
  ['入村(居)服务', 'visit', '次'],
  ['参与调解', 'mediation', '宗'],
  ['代理诉讼', 'litigation', '宗'],
  ['法律援助', 'legal_aid', '宗'],
  ['出具法律意见书', 'opinion', '份'],
  ['审查合同', 'contract', '份'],
  ['审查村规民约', 'village_rules', '份'],
  ['代写文书', 'drafting', '份'],
  ['参与处理群体性事件', 'group_incident', '次'],
] as const;

function legalAdviserSection(ordinal: string, figures: Figures, period: string, where: string): Section {
  const { count, ifAny } = figures;
  const services = adviserServices
    .map(([name, key, unit]) => ifAny(`legal_adviser.services.${key}`, `${name}${count(`legal_adviser.services.${key}`)}${unit}`))
    .filter((part) => part !== '')
    .join('、');
  const paragraph = sentence(
    `${period}，${where}${count('legal_adviser.advisers')}名村(居)法律顾问为${count('legal_adviser.villages')}个村(社区)` +
      `提供法律服务${count('legal_adviser.services')}次${services ? `，其中${services}` : ''}`,
  );
  const compared = figures.comparison([['提供法律服务次数', 'legal_adviser.services', '次']]);
  return {
    heading: `${ordinal}、村(居)法律顾问工作`,
    parts: [{ heading: '（一）村(居)法律顾问服务', paragraphs: [paragraph + sentence(compared)] }],
  };
}

export const legalAdviserReport: LineReport = {
  sources,
  indicators: (db) => legalAdviserIndicators(configuredItems(db, 'adviserServiceType')),
  table,
  draft: {
    whenAny: ['legal_adviser.advisers', 'legal_adviser.services'],
    write: (ordinal, { figures, period, where }) => legalAdviserSection(ordinal, figures, period, where),
  },
};
