// The business line 普法 (普法活动): the tables its figures read, its
// indicators (indicators.md), its sheet of the report workbook and its section of the Word draft.

import type { LineReport, LineTable } from './line.ts';
import { configuredItems, measuresOf, officeName, sqlText, type IndicatorDefinition, type Source } from '../measures.ts';
import { sentence, type Figures, type Section } from '../../export/draft-text.ts';
import type { ListItem } from '../../registers/vocabulary.ts';

const sources: Readonly<Record<string, Source>> = {
  publicity_activity: {
    name: 'publicity_activity',
    table: 'publicity_activity',
    alias: 'pa',
    alive: 'pa.deleted_at IS NULL',
    inOffice: 'pa.office_id = @officeId',
    rows: {
      table: 'publicity_activity',
      id: 'pa.id',
      columns: [
        { key: 'heldOn', title: '日期', sql: 'pa.held_on' },
        officeName('pa.office_id'),
        { key: 'form', title: '活动形式', sql: 'pa.form', list: 'publicityForm' },
        { key: 'topic', title: '主题', sql: 'pa.topic' },
        { key: 'sessions', title: '场次', sql: 'pa.sessions', count: true },
        { key: 'audience', title: '受众人次', sql: 'pa.audience', count: true },
      ],
      orderBy: 'pa.held_on, pa.id',
    },
  },};

function publicityIndicators(forms: readonly ListItem[]): IndicatorDefinition[] {
  const activities = measuresOf('普法', 'publicity_activity', { period: 'pa.held_on' });
  const sessions = { sum: 'pa.sessions' };
  return [
    activities({ id: 'publicity.sessions', label: '法治宣传活动（场次）', aggregate: sessions }),
    activities({ id: 'publicity.audience', label: '受众（人次）', aggregate: { sum: 'pa.audience' } }),
    ...forms.map((form) =>
      activities({
        id: `publicity.sessions.${form.code}`,
        label: `活动形式：${form.label}`,
        where: `pa.form = ${sqlText(form.code)}`,
        aggregate: sessions,
      }),
    ),
    activities({
      id: 'publicity.audience.lecture',
      label: '法治讲座受众（人次）',
      where: "pa.form = 'lecture'",
      aggregate: { sum: 'pa.audience' },
    }),
  ];
}

const table: LineTable = {
  units: '场次、人次',
  headings: [
    {
      header: '法治宣传活动（场次）',
      columns: [
        { header: '合计', id: 'publicity.sessions' },
        { header: '法治讲座', id: 'publicity.sessions.lecture' },
        { header: '现场宣传咨询', id: 'publicity.sessions.on_site' },
        { header: '以案释法', id: 'publicity.sessions.case_explain' },
        { header: '线上直播', id: 'publicity.sessions.live' },
        { header: '新媒体推送（条）', id: 'publicity.sessions.new_media' },
        { header: '法治文艺', id: 'publicity.sessions.arts' },
      ],
    },
    {
      header: '受众（人次）',
      columns: [
        { header: '合计', id: 'publicity.audience' },
        { header: '其中法治讲座', id: 'publicity.audience.lecture' },
      ],
    },
  ],
};

function publicitySection(ordinal: string, figures: Figures, period: string, where: string): Section {
  const { count, parts } = figures;
  const forms = parts(
    [
      ['法治讲座', 'publicity.sessions.lecture'],
      ['现场宣传咨询', 'publicity.sessions.on_site'],
      ['以案释法', 'publicity.sessions.case_explain'],
      ['线上直播', 'publicity.sessions.live'],
      ['法治文艺', 'publicity.sessions.arts'],
    ],
    '场次',
  );
  const paragraph = sentence(
    `${period}，${where}开展法治宣传活动${count('publicity.sessions')}场次，受众${count('publicity.audience')}人次`,
    forms ? `其中${forms}` : '',
    figures.ifAny('publicity.sessions.new_media', `通过新媒体推送普法信息${count('publicity.sessions.new_media')}条`),
  );
  const compared = figures.comparison([
    ['法治宣传活动场次', 'publicity.sessions', '场次'],
    ['受众人次', 'publicity.audience', '人次'],
  ]);
  return {
    heading: `${ordinal}、普法工作`,
    parts: [{ heading: '（一）法治宣传教育', paragraphs: [paragraph + sentence(compared)] }],
  };
}

export const publicityReport: LineReport = {
  sources,
  indicators: (db) => publicityIndicators(configuredItems(db, 'publicityForm')),
  table,
  draft: { whenAny: ['publicity.sessions'], write: (ordinal, { figures, period, where }) => publicitySection(ordinal, figures, period, where) },
};
