// The indicators of indicators.md as data: one declarative definition per id. A measure
// (count, sum, distinct count) names its source table and a SQL predicate over @from/@to, so
// the same definition gives the figure (engine: one aggregate column) and the drill-down (the
// records where the predicate holds). Rates and 万元 are derived from the whole numbers.
// This module only describes; it runs no query except reading the configured 纠纷类型 list,
// and it knows nothing about office scope or soft delete beyond each source's `alive` clause.

import type { RegisterDatabase } from '../database.ts';
import { listDefinitions, releaseExitTypes, terminationExitTypes, type ListName } from '../registers/vocabulary.ts';

export const registers = ['人民调解', '法律援助', '社区矫正'] as const;
export type Register = (typeof registers)[number];

/** A field of a drill-down row: `sql` is selected as `key`; codes of `list` are shown as labels. */
export interface DisplayColumn {
  readonly key: string;
  readonly sql: string;
  readonly list?: ListName;
}

/** What one drill-down row is: a record of `table`, identified by `id`, shown by `columns`. */
export interface RowShape {
  readonly table: string;
  readonly id: string;
  readonly columns: readonly DisplayColumn[];
  readonly orderBy: string;
}

export type SourceName =
  | 'mediation_org'
  | 'mediator'
  | 'mediation_case'
  | 'dispute_sweep'
  | 'legal_aid_case'
  | 'consultation'
  | 'duty_shift'
  | 'correction_stint'
  | 'correction_event'
  | 'correction_activity'
  | 'investigation'
  | 'remote_visit';

/** A table the indicators read, with the joins its predicates may use. */
export interface Source {
  readonly name: SourceName;
  /** FROM clause; the aliases are what predicates refer to. */
  readonly from: string;
  /** Not soft-deleted: the row itself and, where the row is part of another, that one too. */
  readonly alive: string;
  /** Column holding the office the row belongs to. */
  readonly office: string;
  /**
   * A condition implied by every predicate of this source (so adding it changes no figure),
   * written so the date indexes can narrow the report's scan; absent for small tables.
   */
  readonly narrow?: string;
  readonly rows: RowShape;
}

export type Aggregate =
  | 'count'
  | { readonly sum: string }
  /** Distinct values of `distinct` (e.g. persons); the drill-down lists one row per value. */
  | { readonly distinct: string; readonly rows: RowShape };

export interface MeasureDefinition {
  readonly kind: 'measure';
  readonly id: string;
  readonly label: string;
  readonly register: Register;
  readonly source: SourceName;
  readonly predicate: string;
  readonly aggregate: Aggregate;
  /** `wan`: a sum in fen reported in 万元 (2 decimals). */
  readonly unit?: 'wan';
}

export interface RateDefinition {
  readonly kind: 'rate';
  readonly id: string;
  readonly label: string;
  readonly register: Register;
  /** Ids of measures added up for the numerator and for the denominator. */
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
}

export type IndicatorDefinition = MeasureDefinition | RateDefinition;

const officeName = (column: string): DisplayColumn => ({
  key: 'office',
  sql: `(SELECT name FROM office WHERE id = ${column})`,
});

export const sources: Readonly<Record<SourceName, Source>> = {
  mediation_org: {
    name: 'mediation_org',
    from: 'mediation_org o',
    alive: 'o.deleted_at IS NULL',
    office: 'o.office_id',
    rows: {
      table: 'mediation_org',
      id: 'o.id',
      columns: [
        { key: 'name', sql: 'o.name' },
        { key: 'kind', sql: 'o.kind', list: 'orgKind' },
        officeName('o.office_id'),
        { key: 'foundedOn', sql: 'o.founded_on' },
        { key: 'dissolvedOn', sql: 'o.dissolved_on' },
      ],
      orderBy: 'o.office_id, o.name',
    },
  },
  mediator: {
    name: 'mediator',
    from: 'mediator m JOIN mediation_org o ON o.id = m.org_id',
    alive: 'm.deleted_at IS NULL',
    office: 'o.office_id',
    rows: {
      table: 'mediator',
      id: 'm.id',
      columns: [
        { key: 'name', sql: 'm.name' },
        { key: 'org', sql: 'o.name' },
        { key: 'employment', sql: 'm.employment', list: 'employment' },
        { key: 'background', sql: 'm.background', list: 'mediatorBackground' },
        { key: 'appointedOn', sql: 'm.appointed_on' },
        { key: 'dismissedOn', sql: 'm.dismissed_on' },
      ],
      orderBy: 'o.name, m.name, m.id',
    },
  },
  // A case counts on its own: a deleted organisation does not take its cases out of the figures.
  mediation_case: {
    name: 'mediation_case',
    from: 'mediation_case c JOIN mediation_org o ON o.id = c.org_id',
    alive: 'c.deleted_at IS NULL',
    office: 'o.office_id',
    narrow: 'c.received_on BETWEEN @from AND @to',
    rows: {
      table: 'mediation_case',
      id: 'c.id',
      columns: [
        { key: 'caseNo', sql: 'c.case_no' },
        { key: 'org', sql: 'o.name' },
        { key: 'receivedOn', sql: 'c.received_on' },
        { key: 'disputeType', sql: 'c.dispute_type', list: 'disputeType' },
        { key: 'result', sql: 'c.result', list: 'mediationResult' },
        { key: 'closedOn', sql: 'c.closed_on' },
        { key: 'amountFen', sql: 'c.amount_fen' },
      ],
      orderBy: 'c.received_on, c.id',
    },
  },
  dispute_sweep: {
    name: 'dispute_sweep',
    from: 'dispute_sweep w',
    alive: 'w.deleted_at IS NULL',
    office: 'w.office_id',
    narrow: 'w.swept_on BETWEEN @from AND @to',
    rows: {
      table: 'dispute_sweep',
      id: 'w.id',
      columns: [
        { key: 'sweptOn', sql: 'w.swept_on' },
        officeName('w.office_id'),
        { key: 'sweeps', sql: 'w.sweeps' },
        { key: 'disputesFound', sql: 'w.disputes_found' },
      ],
      orderBy: 'w.swept_on, w.id',
    },
  },
  // Received in P, closed in P, or still open after `from` (期末未结): the union the OR narrows to.
  legal_aid_case: {
    name: 'legal_aid_case',
    from: 'legal_aid_case a',
    alive: 'a.deleted_at IS NULL',
    office: 'a.office_id',
    narrow: 'a.received_on BETWEEN @from AND @to OR a.closed_on >= @from OR a.closed_on IS NULL',
    rows: {
      table: 'legal_aid_case',
      id: 'a.id',
      columns: [
        { key: 'caseNo', sql: 'a.case_no' },
        officeName('a.office_id'),
        { key: 'receivedOn', sql: 'a.received_on' },
        { key: 'source', sql: 'a.source', list: 'legalAidSource' },
        { key: 'category', sql: 'a.category', list: 'legalAidCategory' },
        { key: 'reviewResult', sql: 'a.review_result', list: 'reviewResult' },
        { key: 'recipientName', sql: 'a.recipient_name' },
        { key: 'closedOn', sql: 'a.closed_on' },
        { key: 'recoveredFen', sql: 'a.recovered_fen' },
      ],
      orderBy: 'a.received_on, a.id',
    },
  },
  consultation: {
    name: 'consultation',
    from: 'consultation q',
    alive: 'q.deleted_at IS NULL',
    office: 'q.office_id',
    narrow: 'q.consulted_on BETWEEN @from AND @to',
    rows: {
      table: 'consultation',
      id: 'q.id',
      columns: [
        { key: 'consultedOn', sql: 'q.consulted_on' },
        officeName('q.office_id'),
        { key: 'channel', sql: 'q.channel', list: 'consultationChannel' },
        { key: 'matter', sql: 'q.matter', list: 'consultationMatter' },
        { key: 'visitors', sql: 'q.visitors' },
      ],
      orderBy: 'q.consulted_on, q.id',
    },
  },
  duty_shift: {
    name: 'duty_shift',
    from: 'duty_shift d',
    alive: 'd.deleted_at IS NULL',
    office: 'd.office_id',
    narrow: 'd.duty_on BETWEEN @from AND @to',
    rows: {
      table: 'duty_shift',
      id: 'd.id',
      columns: [
        { key: 'dutyOn', sql: 'd.duty_on' },
        officeName('d.office_id'),
        { key: 'place', sql: 'd.place', list: 'dutyPlace' },
        { key: 'lawyer', sql: 'd.lawyer' },
        { key: 'helpCount', sql: 'd.help_count' },
        { key: 'pleaWitnessCount', sql: 'd.plea_witness_count' },
      ],
      orderBy: 'd.duty_on, d.id',
    },
  },
  // Every stint figure is about stints entered in P, exited on or after `from`, or not exited.
  correction_stint: {
    name: 'correction_stint',
    from: 'correction_stint s',
    alive: 's.deleted_at IS NULL',
    office: 's.office_id',
    narrow: 's.exited_on IS NULL OR s.exited_on >= @from OR s.entered_on BETWEEN @from AND @to',
    rows: {
      table: 'correction_stint',
      id: 's.id',
      columns: [
        { key: 'name', sql: 's.name' },
        { key: 'idNumber', sql: 's.id_number' },
        officeName('s.office_id'),
        { key: 'category', sql: 's.category', list: 'correctionCategory' },
        { key: 'enteredOn', sql: 's.entered_on' },
        { key: 'exitedOn', sql: 's.exited_on' },
        { key: 'exitType', sql: 's.exit_type', list: 'exitType' },
      ],
      orderBy: 's.entered_on, s.id',
    },
  },
  // An event is part of its stint: a deleted stint takes its events with it.
  correction_event: {
    name: 'correction_event',
    from: 'correction_event e JOIN correction_stint s ON s.id = e.stint_id',
    alive: 'e.deleted_at IS NULL AND s.deleted_at IS NULL',
    office: 's.office_id',
    narrow: 'e.event_on BETWEEN @from AND @to',
    rows: {
      table: 'correction_event',
      id: 'e.id',
      columns: [
        { key: 'eventOn', sql: 'e.event_on' },
        { key: 'eventType', sql: 'e.event_type', list: 'correctionEventType' },
        { key: 'name', sql: 's.name' },
        { key: 'idNumber', sql: 's.id_number' },
        officeName('s.office_id'),
      ],
      orderBy: 'e.event_on, e.id',
    },
  },
  correction_activity: {
    name: 'correction_activity',
    from: 'correction_activity t',
    alive: 't.deleted_at IS NULL',
    office: 't.office_id',
    narrow: 't.held_on BETWEEN @from AND @to',
    rows: {
      table: 'correction_activity',
      id: 't.id',
      columns: [
        { key: 'heldOn', sql: 't.held_on' },
        officeName('t.office_id'),
        { key: 'activityType', sql: 't.activity_type', list: 'activityType' },
        { key: 'topic', sql: 't.topic' },
        { key: 'attendance', sql: 't.attendance' },
      ],
      orderBy: 't.held_on, t.id',
    },
  },
  investigation: {
    name: 'investigation',
    from: 'investigation i',
    alive: 'i.deleted_at IS NULL',
    office: 'i.office_id',
    narrow: 'i.commissioned_on BETWEEN @from AND @to',
    rows: {
      table: 'investigation',
      id: 'i.id',
      columns: [
        { key: 'commissionNo', sql: 'i.commission_no' },
        officeName('i.office_id'),
        { key: 'commissionedOn', sql: 'i.commissioned_on' },
        { key: 'subjectName', sql: 'i.subject_name' },
        { key: 'opinion', sql: 'i.opinion', list: 'assessmentOpinion' },
        { key: 'completedOn', sql: 'i.completed_on' },
      ],
      orderBy: 'i.commissioned_on, i.id',
    },
  },
  remote_visit: {
    name: 'remote_visit',
    from: 'remote_visit v',
    alive: 'v.deleted_at IS NULL',
    office: 'v.office_id',
    narrow: 'v.visited_on BETWEEN @from AND @to',
    rows: {
      table: 'remote_visit',
      id: 'v.id',
      columns: [
        { key: 'visitedOn', sql: 'v.visited_on' },
        officeName('v.office_id'),
        { key: 'visits', sql: 'v.visits' },
      ],
      orderBy: 'v.visited_on, v.id',
    },
  },
};

/** One row per person for "distinct persons with an event in P" (再犯罪, 脱管 …). */
const personRows: RowShape = {
  table: 'correction_stint',
  id: 'max(s.id)',
  columns: [
    { key: 'name', sql: 'max(s.name)' },
    { key: 'idNumber', sql: 's.id_number' },
    { key: 'office', sql: 'max((SELECT name FROM office WHERE id = s.office_id))' },
    { key: 'firstEventOn', sql: 'min(e.event_on)' },
    { key: 'events', sql: 'count(*)' },
  ],
  orderBy: 'min(e.event_on), s.id_number',
};

// ---- SQL fragments shared by the definitions -------------------------------------------------

const sqlText = (code: string) => `'${code.replace(/'/g, "''")}'`;
const sqlIn = (codes: readonly string[]) => `(${codes.map(sqlText).join(', ')})`;
const itemsOf = (list: ListName) => listDefinitions[list].items;
const labelOf = (list: ListName, code: string) => itemsOf(list).find((item) => item.code === code)!.label;

const inPeriod = (column: string) => `${column} BETWEEN @from AND @to`;

/** Active on `to`: started on or before it and not ended on or before it. */
const activeAtEnd = (start: string, end: string) => `${start} <= @to AND (${end} IS NULL OR ${end} > @to)`;

/** Full years completed on `on` by a person born on `born` (both ISO dates). */
const ageOn = (born: string, on: string) =>
  `(CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${born}, 1, 4) AS INTEGER)` +
  ` - (substr(${on}, 6) < substr(${born}, 6)))`;

// 人民调解
const orgActive = activeAtEnd('o.founded_on', 'o.dissolved_on');
const mediatorActive = activeAtEnd('m.appointed_on', 'm.dismissed_on');
const caseReceived = inPeriod('c.received_on');
const caseSucceeded = `${caseReceived} AND c.result = 'succeeded'`;
const caseFailed = `${caseReceived} AND c.result = 'failed'`;
const caseMajorDifficult = `${caseReceived} AND c.difficulty IN ('major', 'difficult')`;
const caseByRetiredJudge =
  `${caseReceived} AND EXISTS (SELECT 1 FROM mediation_case_mediator cm` +
  ` JOIN mediator jm ON jm.id = cm.mediator_id` +
  ` WHERE cm.case_id = c.id AND jm.background = 'retired_judge' AND jm.deleted_at IS NULL)`;

// 法律援助
const aidReceived = `${inPeriod('a.received_on')} AND a.review_result = 'granted'`;
const aidClosed = inPeriod('a.closed_on');
const recipientAge = ageOn('a.recipient_birth_date', 'a.received_on');
const inSpecialGroup = (code: string) => `instr(a.special_groups, ${sqlText(`,${code},`)}) > 0`;

// 社区矫正
const exitedInPeriod = (types: readonly string[]) => `${inPeriod('s.exited_on')} AND s.exit_type IN ${sqlIn(types)}`;
const stintActiveAtEnd = activeAtEnd('s.entered_on', 's.exited_on');
const eventInPeriod = (types: readonly string[]) => `${inPeriod('e.event_on')} AND e.event_type IN ${sqlIn(types)}`;
const activityInPeriod = (type: string) => `${inPeriod('t.held_on')} AND t.activity_type = ${sqlText(type)}`;
const revocationRequests = ['revoke_probation_request', 'revoke_parole_request', 'imprisonment_request'];

// ---- the definitions --------------------------------------------------------------------------

type MeasureInput = Omit<MeasureDefinition, 'kind' | 'register' | 'source' | 'aggregate'> & { aggregate?: Aggregate };

const measuresOf =
  (register: Register, source: SourceName) =>
  (input: MeasureInput): MeasureDefinition => ({ kind: 'measure', register, source, aggregate: 'count', ...input });

const distinctPersons: Aggregate = { distinct: 's.id_number', rows: personRows };

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

const recipientGroups = ['disabled', 'migrant_worker', 'military', 'new_employment', 'minority'] as const;

/** A configured 纠纷类型 (the defaults plus what an administrator added, as `list_item` holds them). */
export interface DisputeType {
  readonly code: string;
  readonly label: string;
}

export function configuredDisputeTypes(db: RegisterDatabase): DisputeType[] {
  return db
    .prepare("SELECT code, label FROM list_item WHERE list = 'disputeType' ORDER BY sort, code")
    .all() as DisputeType[];
}

function mediationIndicators(disputeTypes: readonly DisputeType[]): IndicatorDefinition[] {
  const org = measuresOf('人民调解', 'mediation_org');
  const mediator = measuresOf('人民调解', 'mediator');
  const mediationCase = measuresOf('人民调解', 'mediation_case');
  const sweep = measuresOf('人民调解', 'dispute_sweep');
  const orgKinds = itemsOf('orgKind').map((item) => item.code);
  return [
    org({ id: 'mediation.orgs', label: '调解组织数', predicate: orgActive }),
    ...orgKinds.map((kind) =>
      org({
        id: `mediation.orgs.${kind}`,
        label: `调解组织数：${orgKindNames[kind]}`,
        predicate: `${orgActive} AND o.kind = ${sqlText(kind)}`,
      }),
    ),
    mediator({ id: 'mediation.mediators', label: '人民调解员数', predicate: mediatorActive }),
    mediator({
      id: 'mediation.mediators.fulltime',
      label: '专职人民调解员',
      predicate: `${mediatorActive} AND m.employment = 'fulltime'`,
    }),
    mediator({
      id: 'mediation.mediators.retired_judge',
      label: '退休法官调解员',
      predicate: `${mediatorActive} AND m.background = 'retired_judge'`,
    }),
    mediationCase({ id: 'mediation.cases.received', label: '受理矛盾纠纷（宗）', predicate: caseReceived }),
    mediationCase({ id: 'mediation.cases.succeeded', label: '调解成功（宗）', predicate: caseSucceeded }),
    mediationCase({ id: 'mediation.cases.failed', label: '调解不成功（终止）', predicate: caseFailed }),
    mediationCase({
      id: 'mediation.cases.pending',
      label: '正在调解',
      predicate: `${caseReceived} AND c.result = 'pending'`,
    }),
    {
      kind: 'rate',
      id: 'mediation.cases.success_rate',
      label: '调解成功率（%）',
      register: '人民调解',
      numerator: ['mediation.cases.succeeded'],
      denominator: ['mediation.cases.received'],
    },
    mediationCase({
      id: 'mediation.cases.amount_wan',
      label: '涉及金额（万元）',
      predicate: caseReceived,
      aggregate: { sum: 'c.amount_fen' },
      unit: 'wan',
    }),
    mediationCase({
      id: 'mediation.cases.written',
      label: '书面协议',
      predicate: `${caseSucceeded} AND c.agreement_form = 'written'`,
    }),
    mediationCase({
      id: 'mediation.cases.oral',
      label: '口头协议',
      predicate: `${caseSucceeded} AND c.agreement_form = 'oral'`,
    }),
    mediationCase({
      id: 'mediation.cases.judicial_confirmation',
      label: '司法确认',
      predicate: `${caseReceived} AND c.performance = 'judicial_confirmation'`,
    }),
    mediationCase({
      id: 'mediation.cases.referred_litigation',
      label: '引导诉讼（移送起诉）',
      predicate: `${caseFailed} AND c.failure_route = 'litigation'`,
    }),
    mediationCase({ id: 'mediation.cases.major_difficult', label: '重大疑难纠纷', predicate: caseMajorDifficult }),
    mediationCase({
      id: 'mediation.cases.major_difficult_succeeded',
      label: '化解重大疑难纠纷',
      predicate: `${caseMajorDifficult} AND c.result = 'succeeded'`,
    }),
    mediationCase({
      id: 'mediation.cases.by_retired_judge',
      label: '退休法官调解员调解',
      predicate: caseByRetiredJudge,
    }),
    ...disputeTypes.map((type) =>
      mediationCase({
        id: `mediation.cases.type.${type.code}`,
        label: `纠纷类型：${type.label}`,
        predicate: `${caseReceived} AND c.dispute_type = ${sqlText(type.code)}`,
      }),
    ),
    ...orgKinds.flatMap((kind) => [
      mediationCase({
        id: `mediation.cases.org_kind.${kind}`,
        label: `组织类型：${orgKindNames[kind]}`,
        predicate: `${caseReceived} AND o.kind = ${sqlText(kind)}`,
      }),
      mediationCase({
        id: `mediation.cases.org_kind.${kind}.succeeded`,
        label: `组织类型：${orgKindNames[kind]}·调解成功`,
        predicate: `${caseSucceeded} AND o.kind = ${sqlText(kind)}`,
      }),
    ]),
    ...itemsOf('mediationSource').map((item) =>
      mediationCase({
        id: `mediation.cases.source.${item.code}`,
        label: `案件来源：${item.label}`,
        predicate: `${caseReceived} AND c.source = ${sqlText(item.code)}`,
      }),
    ),
    ...(
      [
        ['criminal', '防止民转刑'],
        ['petition', '防止群体性上访'],
        ['fight', '防止群体性械斗'],
        ['suicide', '防止自杀'],
      ] as const
    ).map(([flag, label]) =>
      mediationCase({
        id: `mediation.prevented.${flag}`,
        label,
        predicate: `${caseReceived} AND c.prevented_${flag} = 1`,
      }),
    ),
    sweep({
      id: 'mediation.sweeps',
      label: '矛盾纠纷排查（次）',
      predicate: inPeriod('w.swept_on'),
      aggregate: { sum: 'w.sweeps' },
    }),
    sweep({
      id: 'mediation.sweeps.found',
      label: '排查发现纠纷',
      predicate: inPeriod('w.swept_on'),
      aggregate: { sum: 'w.disputes_found' },
    }),
  ];
}

function legalAidIndicators(): IndicatorDefinition[] {
  const aidCase = measuresOf('法律援助', 'legal_aid_case');
  const consultation = measuresOf('法律援助', 'consultation');
  const duty = measuresOf('法律援助', 'duty_shift');
  const categories = itemsOf('legalAidCategory');
  return [
    aidCase({ id: 'legal_aid.cases.received', label: '受理法律援助案件（宗）', predicate: aidReceived }),
    aidCase({
      id: 'legal_aid.cases.application',
      label: '申请类',
      predicate: `${aidReceived} AND a.source = 'application'`,
    }),
    aidCase({
      id: 'legal_aid.cases.notified',
      label: '通知类',
      predicate: `${aidReceived} AND a.source IN ('notified_defence', 'notified_agency')`,
    }),
    ...categories.map((item) =>
      aidCase({
        id: `legal_aid.cases.${item.code}`,
        label: `案件类别：${item.label}`,
        predicate: `${aidReceived} AND a.category = ${sqlText(item.code)}`,
      }),
    ),
    aidCase({ id: 'legal_aid.cases.promise', label: '告知承诺制', predicate: `${aidReceived} AND a.promise = 1` }),
    aidCase({
      id: 'legal_aid.applications.rejected',
      label: '不予援助',
      predicate: `${inPeriod('a.received_on')} AND a.source = 'application' AND a.review_result = 'rejected'`,
    }),
    {
      kind: 'rate',
      id: 'legal_aid.applications.grant_rate',
      label: '应援尽援率（%）',
      register: '法律援助',
      numerator: ['legal_aid.cases.application'],
      denominator: ['legal_aid.cases.application', 'legal_aid.applications.rejected'],
    },
    aidCase({ id: 'legal_aid.cases.closed', label: '办结案件（宗）', predicate: aidClosed }),
    ...categories.map((item) =>
      aidCase({
        id: `legal_aid.cases.closed.${item.code}`,
        label: `办结：${item.label}`,
        predicate: `${aidClosed} AND a.category = ${sqlText(item.code)}`,
      }),
    ),
    aidCase({
      id: 'legal_aid.cases.open_end',
      label: '期末未结',
      predicate: `${activeAtEnd('a.received_on', 'a.closed_on')} AND a.review_result = 'granted'`,
    }),
    aidCase({ id: 'legal_aid.recipients.minor', label: '未成年人', predicate: `${aidReceived} AND ${recipientAge} < 18` }),
    aidCase({
      id: 'legal_aid.recipients.elderly',
      label: '老年人',
      predicate: `${aidReceived} AND ${recipientAge} >= 60`,
    }),
    aidCase({
      id: 'legal_aid.recipients.women',
      label: '妇女',
      predicate: `${aidReceived} AND a.recipient_sex = 'female' AND ${recipientAge} >= 18`,
    }),
    ...recipientGroups.map((group) =>
      aidCase({
        id: `legal_aid.recipients.${group}`,
        label: labelOf('specialGroup', group),
        predicate: `${aidReceived} AND ${inSpecialGroup(group)}`,
      }),
    ),
    ...itemsOf('handlerType').map((item) =>
      aidCase({
        id: `legal_aid.cases.handler.${item.code}`,
        label: `承办人类型：${item.label}`,
        predicate: `${aidReceived} AND a.handler_type = ${sqlText(item.code)}`,
      }),
    ),
    aidCase({
      id: 'legal_aid.recovered_wan',
      label: '挽回经济损失（万元）',
      predicate: aidClosed,
      aggregate: { sum: 'a.recovered_fen' },
      unit: 'wan',
    }),
    consultation({
      id: 'legal_aid.consultations',
      label: '法律咨询（人次）',
      predicate: inPeriod('q.consulted_on'),
      aggregate: { sum: 'q.visitors' },
    }),
    ...itemsOf('consultationChannel').map((item) =>
      consultation({
        id: `legal_aid.consultations.${item.code}`,
        label: item.label,
        predicate: `${inPeriod('q.consulted_on')} AND q.channel = ${sqlText(item.code)}`,
        aggregate: { sum: 'q.visitors' },
      }),
    ),
    duty({ id: 'legal_aid.duty.shifts', label: '值班律师值班（人次）', predicate: inPeriod('d.duty_on') }),
    duty({
      id: 'legal_aid.duty.help',
      label: '值班律师提供法律帮助（人次）',
      predicate: inPeriod('d.duty_on'),
      aggregate: { sum: 'd.help_count' },
    }),
    duty({
      id: 'legal_aid.duty.plea_witness',
      label: '认罪认罚见证',
      predicate: inPeriod('d.duty_on'),
      aggregate: { sum: 'd.plea_witness_count' },
    }),
  ];
}

function correctionIndicators(): IndicatorDefinition[] {
  const stint = measuresOf('社区矫正', 'correction_stint');
  const event = measuresOf('社区矫正', 'correction_event');
  const activity = measuresOf('社区矫正', 'correction_activity');
  const investigation = measuresOf('社区矫正', 'investigation');
  const remoteVisit = measuresOf('社区矫正', 'remote_visit');
  return [
    stint({ id: 'correction.received', label: '接收社区矫正对象（人）', predicate: inPeriod('s.entered_on') }),
    stint({ id: 'correction.released', label: '解除矫正（人）', predicate: exitedInPeriod(releaseExitTypes) }),
    stint({ id: 'correction.terminated', label: '终止矫正（人）', predicate: exitedInPeriod(terminationExitTypes) }),
    ...terminationExitTypes.map((type) =>
      stint({
        id: `correction.terminated.${type}`,
        label: `终止矫正：${labelOf('exitType', type)}`,
        predicate: exitedInPeriod([type]),
      }),
    ),
    stint({ id: 'correction.transferred_out', label: '迁出', predicate: exitedInPeriod(['transferred_out']) }),
    stint({
      id: 'correction.active_start',
      label: '期初在册',
      predicate: 's.entered_on < @from AND (s.exited_on IS NULL OR s.exited_on >= @from)',
    }),
    stint({
      id: 'correction.managed',
      label: '列管（人）',
      predicate: 's.entered_on <= @to AND (s.exited_on IS NULL OR s.exited_on >= @from)',
    }),
    stint({ id: 'correction.active_end', label: '在册在矫（人）', predicate: stintActiveAtEnd }),
    ...itemsOf('correctionCategory').map((item) =>
      stint({
        id: `correction.active_end.${item.code}`,
        label: item.label,
        predicate: `${stintActiveAtEnd} AND s.category = ${sqlText(item.code)}`,
      }),
    ),
    event({
      id: 'correction.reoffended',
      label: '再犯罪（人）',
      predicate: eventInPeriod(['reoffended']),
      aggregate: distinctPersons,
    }),
    {
      kind: 'rate',
      id: 'correction.reoffense_rate',
      label: '再犯罪率（%）',
      register: '社区矫正',
      numerator: ['correction.reoffended'],
      denominator: ['correction.managed'],
    },
    event({
      id: 'correction.absconded',
      label: '脱管（人）',
      predicate: eventInPeriod(['absconded']),
      aggregate: distinctPersons,
    }),
    event({
      id: 'correction.missed',
      label: '漏管（人）',
      predicate: eventInPeriod(['missed']),
      aggregate: distinctPersons,
    }),
    ...(['praise', 'admonition', 'warning', 'penalty_request'] as const).map((type) =>
      event({ id: `correction.${type}`, label: labelOf('correctionEventType', type), predicate: eventInPeriod([type]) }),
    ),
    event({
      id: 'correction.revocation_request',
      label: '提请撤销缓刑/假释/收监执行',
      predicate: eventInPeriod(revocationRequests),
    }),
    event({
      id: 'correction.e_monitoring',
      label: '电子定位（人）',
      predicate: eventInPeriod(['e_monitoring']),
      aggregate: distinctPersons,
    }),
    event({
      id: 'correction.individual_education',
      label: '个别教育（人次）',
      predicate: eventInPeriod(['individual_education']),
    }),
    event({ id: 'correction.counselling', label: '心理辅导（人次）', predicate: eventInPeriod(['counselling']) }),
    ...(['group_education', 'community_service', 'training'] as const).flatMap((type) => {
      const name = labelOf('activityType', type);
      return [
        activity({ id: `correction.${type}.sessions`, label: `${name}（场次）`, predicate: activityInPeriod(type) }),
        activity({
          id: `correction.${type}.attendance`,
          label: `${name}（人次）`,
          predicate: activityInPeriod(type),
          aggregate: { sum: 't.attendance' },
        }),
      ];
    }),
    investigation({
      id: 'correction.investigations',
      label: '调查评估（件）',
      predicate: inPeriod('i.commissioned_on'),
    }),
    ...itemsOf('assessmentOpinion').map((item) =>
      investigation({
        id: `correction.investigations.${item.code}`,
        label: item.label,
        predicate: `${inPeriod('i.commissioned_on')} AND i.opinion = ${sqlText(item.code)}`,
      }),
    ),
    remoteVisit({
      id: 'correction.remote_meetings',
      label: '远程视频会见（次）',
      predicate: inPeriod('v.visited_on'),
      aggregate: { sum: 'v.visits' },
    }),
  ];
}

/** Every indicator of indicators.md, in the spec's order, with 纠纷类型 as configured in `db`. */
export function indicatorDefinitions(db: RegisterDatabase): IndicatorDefinition[] {
  return [...mediationIndicators(configuredDisputeTypes(db)), ...legalAidIndicators(), ...correctionIndicators()];
}
