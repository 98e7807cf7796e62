// The business line 社区矫正 (矫正对象, 矫正事件, 教育活动, 调查评估 and 远程会见): the tables its figures read, its
// indicators (indicators.md), its sheet of the report workbook and its section of the Word draft.

import type { LineReport, LineTable } from './line.ts';
import { itemsOf, labelOf, measuresOf, officeName, sqlIn, sqlText, type Aggregate, type IndicatorDefinition, type MeasureInput, type RowShape, type Source } from '../measures.ts';
import { sentence, type Figures, type Section } from '../../export/draft-text.ts';
import { dateName } from '../../export/report-scope.ts';
import { releaseExitTypes, terminationExitTypes } from '../../registers/vocabulary.ts';

const sources: Readonly<Record<string, Source>> = {
  correction_stint: {
    name: 'correction_stint',
    table: 'correction_stint',
    alias: 's',
    alive: 's.deleted_at IS NULL',
    inOffice: 's.office_id = @officeId',
    rows: {
      table: 'correction_stint',
      id: 's.id',
      columns: [
        { key: 'name', title: '姓名', sql: 's.name' },
        { key: 'idNumber', title: '身份证号码', sql: 's.id_number', personalNumber: true },
        officeName('s.office_id'),
        { key: 'category', title: '类别', sql: 's.category', list: 'correctionCategory' },
        { key: 'enteredOn', title: '入矫日期', sql: 's.entered_on' },
        { key: 'exitedOn', title: '解矫日期', sql: 's.exited_on' },
        { key: 'exitType', title: '解矫类型', sql: 's.exit_type', list: 'exitType' },
      ],
      orderBy: 's.entered_on, s.id',
    },
  },  // An event is part of its stint: a deleted stint takes its events with it. The figures read
  // the stints only as small lists (the deleted ones, an office's) and never join them row by
  // row: at a hundred thousand stints and millions of events that join was the report's cost.
  correction_event: {
    name: 'correction_event',
    table: 'correction_event',
    alias: 'e',
    rowJoins: 'JOIN correction_stint s ON s.id = e.stint_id',
    alive: 'e.deleted_at IS NULL AND e.stint_id NOT IN (SELECT id FROM correction_stint WHERE deleted_at IS NOT NULL)',
    inOffice: 'e.stint_id IN (SELECT id FROM correction_stint WHERE office_id = @officeId)',
    periodIndexCovers: true,
    rows: {
      table: 'correction_event',
      id: 'e.id',
      columns: [
        { key: 'eventOn', title: '日期', sql: 'e.event_on' },
        { key: 'eventType', title: '事件类型', sql: 'e.event_type', list: 'correctionEventType' },
        { key: 'name', title: '姓名', sql: 's.name' },
        { key: 'idNumber', title: '身份证号码', sql: 's.id_number', personalNumber: true },
        officeName('s.office_id'),
      ],
      orderBy: 'e.event_on, e.id',
    },
  },  correction_activity: {
    name: 'correction_activity',
    table: 'correction_activity',
    alias: 't',
    alive: 't.deleted_at IS NULL',
    inOffice: 't.office_id = @officeId',
    rows: {
      table: 'correction_activity',
      id: 't.id',
      columns: [
        { key: 'heldOn', title: '日期', sql: 't.held_on' },
        officeName('t.office_id'),
        { key: 'activityType', title: '活动类型', sql: 't.activity_type', list: 'activityType' },
        { key: 'topic', title: '主题', sql: 't.topic' },
        { key: 'attendance', title: '参加人数', sql: 't.attendance', count: true },
      ],
      orderBy: 't.held_on, t.id',
    },
  },  investigation: {
    name: 'investigation',
    table: 'investigation',
    alias: 'i',
    alive: 'i.deleted_at IS NULL',
    inOffice: 'i.office_id = @officeId',
    rows: {
      table: 'investigation',
      id: 'i.id',
      columns: [
        { key: 'commissionNo', title: '委托编号', sql: 'i.commission_no' },
        officeName('i.office_id'),
        { key: 'commissionedOn', title: '委托日期', sql: 'i.commissioned_on' },
        { key: 'subjectName', title: '被调查人', sql: 'i.subject_name' },
        { key: 'opinion', title: '评估意见', sql: 'i.opinion', list: 'assessmentOpinion' },
        { key: 'completedOn', title: '完成日期', sql: 'i.completed_on' },
      ],
      orderBy: 'i.commissioned_on, i.id',
    },
  },  remote_visit: {
    name: 'remote_visit',
    table: 'remote_visit',
    alias: 'v',
    alive: 'v.deleted_at IS NULL',
    inOffice: 'v.office_id = @officeId',
    rows: {
      table: 'remote_visit',
      id: 'v.id',
      columns: [
        { key: 'visitedOn', title: '日期', sql: 'v.visited_on' },
        officeName('v.office_id'),
        { key: 'visits', title: '次数', sql: 'v.visits', count: true },
      ],
      orderBy: 'v.visited_on, v.id',
    },
  },};

/** One row per person for "distinct persons with an event in P" (再犯罪, 脱管 …). */
const personRows: RowShape = {
  table: 'correction_stint',
  id: 'max(s.id)',
  columns: [
    { key: 'name', title: '姓名', sql: 'max(s.name)' },
    { key: 'idNumber', title: '身份证号码', sql: 's.id_number', personalNumber: true },
    { key: 'office', title: '单位', sql: 'max((SELECT name FROM office WHERE id = s.office_id))' },
    { key: 'firstEventOn', title: '首次事件日期', sql: 'min(e.event_on)' },
    { key: 'events', title: '事件数', sql: 'count(*)', count: true },
  ],
  orderBy: 'min(e.event_on), s.id_number',
};

const exitTypeIn = (types: readonly string[]) => `s.exit_type IN ${sqlIn(types)}`;
/** Of the stints on the roll during P: not exited by the end of `to` (在册在矫 with 列管's condition). */
const stillOnRollAtEnd = '(s.exited_on IS NULL OR s.exited_on > @to)';
const eventTypeIn = (types: readonly string[]) =>
  types.length === 1 ? `e.event_type = ${sqlText(types[0]!)}` : `e.event_type IN ${sqlIn(types)}`;
const revocationRequests = ['revoke_probation_request', 'revoke_parole_request', 'imprisonment_request'];

/** The person of an event: looked up only for the events a measure keeps (FILTER comes first). */
const distinctPersons: Aggregate = { distinct: '(SELECT id_number FROM correction_stint WHERE id = e.stint_id)', rows: personRows };

function correctionIndicators(): IndicatorDefinition[] {
  const stintsEntered = measuresOf('社区矫正', 'correction_stint', { period: 's.entered_on' });
  const stintsExited = measuresOf('社区矫正', 'correction_stint', { period: 's.exited_on' });
  // 列管: on the roll at some time during P; 期初在册 and 在册在矫 are parts of it.
  const stintsManaged = measuresOf('社区矫正', 'correction_stint', {
    within: 's.entered_on <= @to AND (s.exited_on IS NULL OR s.exited_on >= @from)',
  });
  // Each event figure is a family of its own, its types in the family's condition: it is
  // counted from its own ranges of the type index (a per-row test of the type, across all
  // the period's events, costs more than the counting itself).
  const events = (types: readonly string[], input: Omit<MeasureInput, 'where'>) =>
    measuresOf('社区矫正', 'correction_event', { period: 'e.event_on', within: eventTypeIn(types) })(input);
  const activities = measuresOf('社区矫正', 'correction_activity', { period: 't.held_on' });
  const investigations = measuresOf('社区矫正', 'investigation', { period: 'i.commissioned_on' });
  const remoteVisits = measuresOf('社区矫正', 'remote_visit', { period: 'v.visited_on' });
  return [
    stintsEntered({ id: 'correction.received', label: '接收社区矫正对象（人）' }),
    stintsExited({ id: 'correction.released', label: '解除矫正（人）', where: exitTypeIn(releaseExitTypes) }),
    stintsExited({ id: 'correction.terminated', label: '终止矫正（人）', where: exitTypeIn(terminationExitTypes) }),
    ...terminationExitTypes.map((type) =>
      stintsExited({
        id: `correction.terminated.${type}`,
        label: `终止矫正：${labelOf('exitType', type)}`,
        where: exitTypeIn([type]),
      }),
    ),
    stintsExited({ id: 'correction.transferred_out', label: '迁出', where: exitTypeIn(['transferred_out']) }),
    stintsManaged({ id: 'correction.active_start', label: '期初在册', where: 's.entered_on < @from' }),
    stintsManaged({ id: 'correction.managed', label: '列管（人）' }),
    stintsManaged({ id: 'correction.active_end', label: '在册在矫（人）', where: stillOnRollAtEnd }),
    ...itemsOf('correctionCategory').map((item) =>
      stintsManaged({
        id: `correction.active_end.${item.code}`,
        label: item.label,
        where: `${stillOnRollAtEnd} AND s.category = ${sqlText(item.code)}`,
      }),
    ),
    events(['reoffended'], { id: 'correction.reoffended', label: '再犯罪（人）', aggregate: distinctPersons }),
    {
      kind: 'rate',
      id: 'correction.reoffense_rate',
      label: '再犯罪率（%）',
      register: '社区矫正',
      numerator: ['correction.reoffended'],
      denominator: ['correction.managed'],
    },
    events(['absconded'], { id: 'correction.absconded', label: '脱管（人）', aggregate: distinctPersons }),
    events(['missed'], { id: 'correction.missed', label: '漏管（人）', aggregate: distinctPersons }),
    ...(['praise', 'admonition', 'warning', 'penalty_request'] as const).map((type) =>
      events([type], { id: `correction.${type}`, label: labelOf('correctionEventType', type) }),
    ),
    events(revocationRequests, { id: 'correction.revocation_request', label: '提请撤销缓刑/假释/收监执行' }),
    events(['e_monitoring'], { id: 'correction.e_monitoring', label: '电子定位（人）', aggregate: distinctPersons }),
    events(['individual_education'], { id: 'correction.individual_education', label: '个别教育（人次）' }),
    events(['counselling'], { id: 'correction.counselling', label: '心理辅导（人次）' }),
    ...(['group_education', 'community_service', 'training'] as const).flatMap((type) => {
      const name = labelOf('activityType', type);
      const where = `t.activity_type = ${sqlText(type)}`;
      return [
        activities({ id: `correction.${type}.sessions`, label: `${name}（场次）`, where }),
        activities({ id: `correction.${type}.attendance`, label: `${name}（人次）`, where, aggregate: { sum: 't.attendance' } }),
      ];
    }),
    investigations({ id: 'correction.investigations', label: '调查评估（件）' }),
    ...itemsOf('assessmentOpinion').map((item) =>
      investigations({
        id: `correction.investigations.${item.code}`,
        label: item.label,
        where: `i.opinion = ${sqlText(item.code)}`,
      }),
    ),
    remoteVisits({ id: 'correction.remote_meetings', label: '远程视频会见（次）', aggregate: { sum: 'v.visits' } }),
  ];
}

const table: LineTable = {
  units: '人、人次、件、次',
  headings: [
    { header: '期初在册（人）', id: 'correction.active_start' },
    { header: '接收（人）', id: 'correction.received' },
    { header: '列管（人）', id: 'correction.managed' },
    {
      header: '解矫（人）',
      columns: [
        { header: '解除矫正', id: 'correction.released' },
        { header: '终止矫正', id: 'correction.terminated' },
        { header: '迁出', id: 'correction.transferred_out' },
      ],
    },
    {
      header: '期末在册在矫（人）',
      columns: [
        { header: '合计', id: 'correction.active_end' },
        { header: '管制', id: 'correction.active_end.control' },
        { header: '缓刑', id: 'correction.active_end.probation' },
        { header: '假释', id: 'correction.active_end.parole' },
        { header: '暂予监外执行', id: 'correction.active_end.medical_parole' },
      ],
    },
    { header: '再犯罪（人）', id: 'correction.reoffended' },
    { header: '再犯罪率（%）', id: 'correction.reoffense_rate' },
    {
      header: '监督管理（人）',
      columns: [
        { header: '脱管', id: 'correction.absconded' },
        { header: '漏管', id: 'correction.missed' },
        { header: '电子定位', id: 'correction.e_monitoring' },
      ],
    },
    {
      header: '教育帮扶（人次）',
      columns: [
        { header: '个别教育', id: 'correction.individual_education' },
        { header: '心理辅导', id: 'correction.counselling' },
        { header: '集中教育', id: 'correction.group_education.attendance' },
        { header: '公益活动', id: 'correction.community_service.attendance' },
        { header: '职业技能培训', id: 'correction.training.attendance' },
      ],
    },
    { header: '调查评估（件）', id: 'correction.investigations' },
    { header: '远程视频会见（次）', id: 'correction.remote_meetings' },
  ],
};

function correctionSection(ordinal: string, figures: Figures, period: string, where: string, to: string): Section {
  const { count, decimal, parts, ifAny } = figures;
  const terminations = parts(
    [
      ['撤销缓刑', 'correction.terminated.revoke_probation'],
      ['撤销假释', 'correction.terminated.revoke_parole'],
      ['收监执行', 'correction.terminated.imprisoned'],
      ['死亡', 'correction.terminated.death'],
    ],
    '人',
  );
  const categories = parts(
    [
      ['管制', 'correction.active_end.control'],
      ['缓刑', 'correction.active_end.probation'],
      ['假释', 'correction.active_end.parole'],
      ['暂予监外执行', 'correction.active_end.medical_parole'],
    ],
    '人',
  );
  const roster = [
    sentence(
      `${period}，${where}社区矫正对象列管${count('correction.managed')}人`,
      `新接收${count('correction.received')}人`,
      `解除矫正${count('correction.released')}人`,
      `终止矫正${count('correction.terminated')}人${terminations ? `（其中${terminations}）` : ''}`,
      `迁出${count('correction.transferred_out')}人`,
      `截至${dateName(to)}在册在矫${count('correction.active_end')}人${categories ? `（其中${categories}）` : ''}`,
    ),
  ];
  const compared = figures.comparison([
    ['列管人数', 'correction.managed', '人'],
    ['新接收人数', 'correction.received', '人'],
  ]);
  if (compared) roster[0] += sentence(compared);
  const reoffenseRate = decimal('correction.reoffense_rate');
  const absconded = figures.value('correction.absconded') ?? 0;
  const missed = figures.value('correction.missed') ?? 0;
  roster.push(
    sentence(
      `社区矫正对象再犯罪${count('correction.reoffended')}人${reoffenseRate === null ? '' : `，再犯罪率${reoffenseRate}%`}`,
      absconded === 0 && missed === 0
        ? '无脱管、漏管情况'
        : `脱管${count('correction.absconded')}人、漏管${count('correction.missed')}人`,
      ifAny('correction.e_monitoring', `对${count('correction.e_monitoring')}人实施电子定位监管`),
    ),
  );
  const rewardsAndSanctions = parts(
    [
      ['表扬', 'correction.praise'],
      ['训诫', 'correction.admonition'],
      ['警告', 'correction.warning'],
    ],
    '人次',
  );
  const requests = parts(
    [
      ['治安管理处罚', 'correction.penalty_request'],
      ['撤销缓刑/假释/收监执行', 'correction.revocation_request'],
    ],
    '人次',
  );
  const discipline = sentence(rewardsAndSanctions && `依法给予${rewardsAndSanctions}`, requests && `提请${requests}`);
  if (discipline) roster.push(discipline);

  const sessions = (name: string, type: string) =>
    ifAny(
      `correction.${type}.sessions`,
      `${name}${count(`correction.${type}.sessions`)}场次共${count(`correction.${type}.attendance`)}人次`,
    );
  const activities = [
    sessions('集中教育', 'group_education'),
    sessions('社会公益活动', 'community_service'),
    sessions('职业技能培训', 'training'),
  ].filter((activity) => activity !== '');
  const support = [
    sentence(
      `${period}，${where}对社区矫正对象开展个别教育${count('correction.individual_education')}人次、心理辅导${count('correction.counselling')}人次`,
      activities.length > 0 ? `组织${activities.join('、')}` : '',
    ),
    sentence(
      `受委托开展调查评估${count('correction.investigations')}件`,
      ifAny(
        'correction.investigations',
        `其中评估意见为适宜${count('correction.investigations.suitable')}件、不适宜${count('correction.investigations.unsuitable')}件`,
      ),
      `协助开展远程视频会见${count('correction.remote_meetings')}次`,
    ),
  ];
  return {
    heading: `${ordinal}、社区矫正工作`,
    parts: [
      { heading: '（一）社区矫正对象监督管理', paragraphs: roster },
      { heading: '（二）教育帮扶和调查评估', paragraphs: support },
    ],
  };
}

export const correctionReport: LineReport = {
  sources,
  indicators: () => correctionIndicators(),
  table,
  draft: { write: (ordinal, { figures, period, where, asOf }) => correctionSection(ordinal, figures, period, where, asOf) },
};
