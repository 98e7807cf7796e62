// What an indicator is made of (indicators.md as data): the tables it reads (sources, with the
// rows a drill-down shows), measures (count, sum, distinct count over a source, in a period and
// under a SQL filter) and rates over measures, with the SQL fragments and builders that the
// business lines' modules (./lines/) declare their indicators with. It describes; the only query
// it runs reads a configured list.

import type { RegisterDatabase } from '../database.ts';
import type { BusinessLine } from '../registers/register.ts';
import { listDefinitions, type ListItem, type ListName } from '../registers/vocabulary.ts';

/** A field of a drill-down row: `sql` is selected as `key`; codes of `list` are shown as labels. */
export interface DisplayColumn {
  readonly key: string;
  /** Its title in Chinese, above the drill-down's column (and the drill-down workbook's). */
  readonly title: string;
  readonly sql: string;
  readonly list?: ListName;
  /** A count (排查次数, 人次 …): shown as a number, right-aligned like amounts (`…Fen`). */
  readonly count?: true;
  /** A 身份证号码: masked wherever the drill-down is handed out. */
  readonly personalNumber?: true;
}

/** What one drill-down row is: a record of `table`, identified by `id`, shown by `columns`. */
export interface RowShape {
  readonly table: string;
  readonly id: string;
  readonly columns: readonly DisplayColumn[];
  readonly orderBy: string;
}

/** A table the indicators read, with the joins their filters may use. */
export interface Source {
  readonly name: string;
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
  readonly register: BusinessLine;
  readonly source: string;
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
  readonly register: BusinessLine;
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

/** A drill-down column: the name of the office whose id is `column`. */
export const officeName = (column: string): DisplayColumn => ({
  key: 'office',
  title: '单位',
  sql: `(SELECT name FROM office WHERE id = ${column})`,
});

// ---- SQL fragments shared by the definitions -------------------------------------------------

export const sqlText = (code: string) => `'${code.replace(/'/g, "''")}'`;
export const sqlIn = (codes: readonly string[]) => `(${codes.map(sqlText).join(', ')})`;
export const itemsOf = (list: ListName) => listDefinitions[list].items;
export const labelOf = (list: ListName, code: string) => itemsOf(list).find((item) => item.code === code)!.label;

/** Active at the end of `to`: started on or before it and not ended on or before it. */
export const activeAtEnd = (start: string, end: string) => `${start} <= @to AND (${end} IS NULL OR ${end} > @to)`;

/** Full years completed on `on` by a person born on `born` (both ISO dates). */
export const ageOn = (born: string, on: string) =>
  `(CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${born}, 1, 4) AS INTEGER)` +
  ` - (substr(${on}, 6) < substr(${born}, 6)))`;

// ---- builders ---------------------------------------------------------------------------------

export type MeasureInput = Pick<MeasureDefinition, 'id' | 'label'> & Partial<Pick<MeasureDefinition, 'where' | 'aggregate' | 'unit'>>;

/** Builds the measures of one family: one business line, one source, the same period and shared condition. */
export const measuresOf =
  (register: BusinessLine, source: string, family: Pick<MeasureDefinition, 'period' | 'within'> = {}) =>
  (input: MeasureInput): MeasureDefinition => ({ kind: 'measure', register, source, ...family, aggregate: 'count', ...input });

/** A configured 纠纷类型 (the defaults plus what an administrator added, as `list_item` holds them). */
export interface DisputeType {
  readonly code: string;
  readonly label: string;
}

export function configuredDisputeTypes(db: RegisterDatabase): DisputeType[] {
  return configuredItems(db, 'disputeType');
}

/** A configurable list as `db` holds it (the defaults plus what an administrator added). */
export function configuredItems(db: RegisterDatabase, list: ListName): ListItem[] {
  return db.prepare('SELECT code, label FROM list_item WHERE list = ? ORDER BY sort, code').all(list) as ListItem[];
}
