// The indicators of indicators.md as data: one declarative definition per id. A measure
// (count, sum, distinct count) names its source table, the date that must lie in the period
// ("received in P") and a SQL filter, so the same definition gives the figure (the engine
// turns it into one aggregate column) and the drill-down (the records it holds for). Rates
// and 万元 figures are derived from the whole numbers (counts, fen).
// This module only describes: it runs no query except reading the configured 纠纷类型 list,
// and knows nothing of office scope beyond each source's office column.

import type { RegisterDatabase } from '../database.ts';
import { businessLines, type BusinessLine } from '../registers/register.ts';
import { listDefinitions, releaseExitTypes, terminationExitTypes, type ListItem, type ListName } from '../registers/vocabulary.ts';

/** The report's sections: the business lines. */
export const registers = businessLines;
export type Register = BusinessLine;

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
  | 'remote_visit'
  | 'legal_adviser'
  | 'legal_adviser_village'
  | 'legal_adviser_service'
  | 'publicity_activity'
  | 'resettlement';

/** A table the indicators read, with the joins their filters may use. */
export interface Source {
  readonly name: SourceName;
  /** The table whose rows are counted. */
  readonly table: string;
  /** Alias of `table` in the SQL of periods, conditions and display columns. */
  readonly alias: string;
  /** Tables joined to it (by key), whose aliases the SQL of conditions and rows may use too. */
  readonly joins?: string;
  /** Tables joined only to show a drill-down's rows (the figures never read them). */
  readonly rowJoins?: string;
  /** Not soft-deleted: the row itself and, where the row is part of another, that one too. */
  readonly alive: string;
  /** The row belongs to the office `@officeId` (a SQL boolean). */
  readonly inOffice: string;
  /**
   * An index holds the period column and every column the figures read: reading a period
   * through it is cheaper than reading the table, however large the period's share.
   */
  readonly periodIndexCovers?: true;
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
  /**
   * The date column (`alias.column`, indexed) that must lie in [@from, @to]: 受理日期 for
   * "received in P". Absent for a stock (a state on a day: 期末在册, 期末未结 …).
   */
  readonly period?: string;
  /**
   * A condition the measures of one family share (on the roll during P, active at `to` …):
   * the engine puts it in the family's WHERE instead of testing it in every column.
   */
  readonly within?: string;
  /** Further conditions, a SQL boolean over the source's aliases (may use @from, @to); absent: none. */
  readonly where?: string;
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

/** The whole condition of a measure: its period, its family's condition and its own filter. */
export function predicateOf(definition: MeasureDefinition): string {
  const parts = [
    ...(definition.period ? [`${definition.period} BETWEEN @from AND @to`] : []),
    ...(definition.within ? [`(${definition.within})`] : []),
    ...(definition.where ? [`(${definition.where})`] : []),
  ];
  return parts.length > 0 ? parts.join(' AND ') : '1';
}

const officeName = (column: string): DisplayColumn => ({
  key: 'office',
  sql: `(SELECT name FROM office WHERE id = ${column})`,
});

export const sources: Readonly<Record<SourceName, Source>> = {
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
    table: 'mediator',
    alias: 'm',
    joins: 'JOIN mediation_org o ON o.id = m.org_id',
    alive: 'm.deleted_at IS NULL',
    inOffice: 'o.office_id = @officeId',
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
    table: 'mediation_case',
    alias: 'c',
    joins: 'JOIN mediation_org o ON o.id = c.org_id',
    alive: 'c.deleted_at IS NULL',
    inOffice: 'o.office_id = @officeId',
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
    table: 'dispute_sweep',
    alias: 'w',
    alive: 'w.deleted_at IS NULL',
    inOffice: 'w.office_id = @officeId',
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
    table: 'consultation',
    alias: 'q',
    alive: 'q.deleted_at IS NULL',
    inOffice: 'q.office_id = @officeId',
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
    table: 'duty_shift',
    alias: 'd',
    alive: 'd.deleted_at IS NULL',
    inOffice: 'd.office_id = @officeId',
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
  // An event is part of its stint: a deleted stint takes its events with it. The figures read
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
    table: 'correction_activity',
    alias: 't',
    alive: 't.deleted_at IS NULL',
    inOffice: 't.office_id = @officeId',
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
    table: 'investigation',
    alias: 'i',
    alive: 'i.deleted_at IS NULL',
    inOffice: 'i.office_id = @officeId',
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
    table: 'remote_visit',
    alias: 'v',
    alive: 'v.deleted_at IS NULL',
    inOffice: 'v.office_id = @officeId',
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
        { key: 'name', sql: 'la.name' },
        officeName('la.office_id'),
        { key: 'identity', sql: 'la.identity', list: 'adviserIdentity' },
        { key: 'villages', sql: 'la.villages' },
        { key: 'appointedOn', sql: 'la.appointed_on' },
        { key: 'dismissedOn', sql: 'la.dismissed_on' },
      ],
      orderBy: 'la.office_id, la.name',
    },
  },
  // One row per village an adviser serves (a view over legal_adviser.villages).
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
        { key: 'village', sql: 'lv.village' },
        { key: 'name', sql: 'la.name' },
        officeName('la.office_id'),
      ],
      orderBy: 'la.office_id, lv.village, la.name',
    },
  },
  legal_adviser_service: {
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
        { key: 'servedOn', sql: 'ls.served_on' },
        officeName('ls.office_id'),
        { key: 'adviser', sql: 'la.name' },
        { key: 'village', sql: 'ls.village' },
        { key: 'serviceType', sql: 'ls.service_type', list: 'adviserServiceType' },
        { key: 'quantity', sql: 'ls.quantity' },
      ],
      orderBy: 'ls.served_on, ls.id',
    },
  },
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
        { key: 'heldOn', sql: 'pa.held_on' },
        officeName('pa.office_id'),
        { key: 'form', sql: 'pa.form', list: 'publicityForm' },
        { key: 'topic', sql: 'pa.topic' },
        { key: 'sessions', sql: 'pa.sessions' },
        { key: 'audience', sql: 'pa.audience' },
      ],
      orderBy: 'pa.held_on, pa.id',
    },
  },
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
        { key: 'name', sql: 'r.name' },
        { key: 'idNumber', sql: 'r.id_number' },
        officeName('r.office_id'),
        { key: 'personType', sql: 'r.person_type', list: 'resettlementPersonType' },
        { key: 'releasedOn', sql: 'r.released_on' },
        { key: 'takenOverOn', sql: 'r.taken_over_on' },
        { key: 'resettlementMethod', sql: 'r.resettlement_method', list: 'resettlementMethod' },
        { key: 'helpEndsOn', sql: 'r.help_ends_on' },
        { key: 'reoffendedOn', sql: 'r.reoffended_on' },
      ],
      orderBy: 'r.taken_over_on, r.id',
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

/** Active at the end of `to`: started on or before it and not ended on or before it. */
const activeAtEnd = (start: string, end: string) => `${start} <= @to AND (${end} IS NULL OR ${end} > @to)`;

/** Full years completed on `on` by a person born on `born` (both ISO dates). */
const ageOn = (born: string, on: string) =>
  `(CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${born}, 1, 4) AS INTEGER)` +
  ` - (substr(${on}, 6) < substr(${born}, 6)))`;

const succeeded = "c.result = 'succeeded'";
const failed = "c.result = 'failed'";
const majorDifficult = "c.difficulty IN ('major', 'difficult')";
const byRetiredJudge =
  'c.id IN (SELECT cm.case_id FROM mediation_case_mediator cm JOIN mediator jm ON jm.id = cm.mediator_id' +
  " WHERE jm.background = 'retired_judge' AND jm.deleted_at IS NULL)";

const granted = "a.review_result = 'granted'";
const recipientAge = ageOn('a.recipient_birth_date', 'a.received_on');
const inSpecialGroup = (code: string) => `instr(a.special_groups, ${sqlText(`,${code},`)}) > 0`;

const exitTypeIn = (types: readonly string[]) => `s.exit_type IN ${sqlIn(types)}`;
/** Of the stints on the roll during P: not exited by the end of `to` (在册在矫 with 列管's condition). */
const stillOnRollAtEnd = '(s.exited_on IS NULL OR s.exited_on > @to)';
const eventTypeIn = (types: readonly string[]) =>
  types.length === 1 ? `e.event_type = ${sqlText(types[0]!)}` : `e.event_type IN ${sqlIn(types)}`;
const revocationRequests = ['revoke_probation_request', 'revoke_parole_request', 'imprisonment_request'];

// ---- the definitions --------------------------------------------------------------------------

type MeasureInput = Pick<MeasureDefinition, 'id' | 'label'> & Partial<Pick<MeasureDefinition, 'where' | 'aggregate' | 'unit'>>;

/** Builds the measures of one family: one register, one source, the same period and shared condition. */
const measuresOf =
  (register: Register, source: SourceName, family: Pick<MeasureDefinition, 'period' | 'within'> = {}) =>
  (input: MeasureInput): MeasureDefinition => ({ kind: 'measure', register, source, ...family, aggregate: 'count', ...input });

/** The person of an event: looked up only for the events a measure keeps (FILTER comes first). */
const distinctPersons: Aggregate = { distinct: '(SELECT id_number FROM correction_stint WHERE id = e.stint_id)', rows: personRows };

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
  return configuredItems(db, 'disputeType');
}

/** A configurable list as `db` holds it (the defaults plus what an administrator added). */
function configuredItems(db: RegisterDatabase, list: ListName): ListItem[] {
  return db.prepare('SELECT code, label FROM list_item WHERE list = ? ORDER BY sort, code').all(list) as ListItem[];
}

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

/** Distinct villages of the advisers: a village is one of its office's (two offices may each have a 东村). */
const distinctVillages: Aggregate = {
  distinct: "la.office_id || '、' || lv.village",
  rows: {
    table: 'legal_adviser',
    id: 'min(la.id)',
    columns: [
      { key: 'village', sql: 'lv.village' },
      { key: 'office', sql: 'max((SELECT name FROM office WHERE id = la.office_id))' },
      { key: 'advisers', sql: "group_concat(la.name, '、')" },
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

/** Every indicator of indicators.md, in the spec's order, with the configurable lists as configured in `db`. */
export function indicatorDefinitions(db: RegisterDatabase): IndicatorDefinition[] {
  return [
    ...mediationIndicators(configuredDisputeTypes(db)),
    ...legalAidIndicators(),
    ...correctionIndicators(),
    ...legalAdviserIndicators(configuredItems(db, 'adviserServiceType')),
    ...publicityIndicators(configuredItems(db, 'publicityForm')),
    ...resettlementIndicators(),
  ];
}
