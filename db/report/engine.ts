// The report engine: runs the indicator definitions over a period and an office scope, lists
// the records behind any figure (drill-down), and gives flow figures month by month. The
// measures of one family (same table, period column and shared condition) come from one
// aggregate SELECT, one column each, in a single pass over the table or, when the period is a
// small share of it or an index covers the family, over its date index. Statements are
// prepared once per database and SQL text; a scope's figures are kept until the database
// changes. Read-only: it never writes.
// Errors meant for people (bad period, unknown office or indicator) are thrown in Chinese;
// the API layer turns them into data.

import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { isIsoDate } from '../registers/values.ts';
import { Vocabulary } from '../registers/vocabulary.ts';
import { indicatorDefinitions, sourceNamed, sources } from './indicators.ts';
import { predicateOf, type IndicatorDefinition, type MeasureDefinition, type RowShape, type Source } from './measures.ts';
import { changePercent, fenToWan, ratePercent } from './rounding.ts';

export interface Period {
  /** First day, inclusive, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

export interface Scope extends Period {
  /** One office (司法所), or the whole bureau when absent or null. */
  readonly officeId?: number | null;
}

export interface ReportOptions extends Scope {
  /** Add the same period one year earlier and 同比. */
  readonly compare?: boolean;
}

export type Figures = Record<string, number | null>;

/** 列管 = 期初在册 + 接收 = 在册在矫 + 解除 + 终止 + 迁出 (indicators.md). */
export interface CorrectionIdentity {
  readonly managed: number;
  /** 期初在册 + 接收 */
  readonly activeStartPlusReceived: number;
  /** 在册在矫 + 解除 + 终止 + 迁出 */
  readonly activeEndPlusExits: number;
  readonly ok: boolean;
}

export interface Report {
  readonly from: string;
  readonly to: string;
  /** Office name, null for the whole bureau. */
  readonly office: string | null;
  readonly generatedAt: string;
  /** Every indicator id: counts and sums as whole numbers, 万元 and rates with 2 decimals, null for "—". */
  readonly indicators: Figures;
  /** With `compare`: the period one year earlier. */
  readonly previousPeriod?: Period;
  readonly previous?: Figures;
  /**
   * With `compare`: 同比 (%) of every count and sum, 万元 included (from the exact fen sums);
   * null when last year's figure is 0, and always null for rates (a rate's change is in
   * percentage points, not a 同比).
   */
  readonly change?: Figures;
  readonly checks: { readonly correctionIdentity: CorrectionIdentity };
}

export function runReport(db: RegisterDatabase, options: ReportOptions): Report {
  const period = checkedPeriod(options);
  const officeId = options.officeId ?? null;
  const office = officeNameOf(db, officeId);
  const definitions = indicatorDefinitions(db);
  const current = measure(db, definitions, { ...period, officeId });
  const report: Report = {
    from: period.from,
    to: period.to,
    office,
    generatedAt: new Date().toISOString(),
    indicators: present(definitions, current),
    checks: { correctionIdentity: correctionIdentity(current) },
  };
  if (!options.compare) return report;
  const previousPeriod = previousYear(period);
  const previous = measure(db, definitions, { ...previousPeriod, officeId });
  return {
    ...report,
    previousPeriod,
    previous: present(definitions, previous),
    change: Object.fromEntries(
      definitions.map((definition) => [
        definition.id,
        definition.kind === 'measure' ? changePercent(current.get(definition.id)!, previous.get(definition.id)!) : null,
      ]),
    ),
  };
}

/**
 * The same period one year earlier. A day missing that year (29 February) becomes the last
 * day of its month, and a period ending on a month's last day ends on that month's last day
 * (2025-01-01…2025-02-28 compares with 2024-01-01…2024-02-29).
 */
export function previousYear(period: Period): Period {
  return { from: yearEarlier(period.from, false), to: yearEarlier(period.to, isMonthEnd(period.to)) };
}

/** The records behind a figure; a rate lists its denominator's records, a 万元 figure the summed ones. */
export interface DrillDownOptions extends Scope {
  readonly id: string;
  /** Page size (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface DrillDownRow {
  /** Table of the record, e.g. `mediation_case`; for distinct persons the person's latest stint. */
  readonly table: string;
  readonly id: number;
  readonly [field: string]: unknown;
}

export interface DrillDown {
  readonly id: string;
  readonly label: string;
  /** Number of records (persons, for a distinct-person figure): equals a count figure. */
  readonly total: number;
  /** For sums: the summed field over all records (fen for 万元 figures): equals the figure. */
  readonly sum?: number;
  /** The rows' fields in order, with their Chinese titles. */
  readonly columns: readonly DrillDownColumn[];
  readonly rows: DrillDownRow[];
}

export interface DrillDownColumn {
  readonly key: string;
  readonly title: string;
  /** Counts and amounts (fen, `…Fen`): right-aligned. */
  readonly numeric: boolean;
  /** A 身份证号码 (masked when handed out: db/audit/personal-numbers.ts). */
  readonly personalNumber: boolean;
}

export function drillDown(db: RegisterDatabase, options: DrillDownOptions): DrillDown {
  const period = checkedPeriod(options);
  const officeId = options.officeId ?? null;
  officeNameOf(db, officeId);
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  if (!Number.isSafeInteger(limit) || limit < 0 || !Number.isSafeInteger(offset) || offset < 0) {
    throw new UserError('分页参数必须是非负整数');
  }
  const definitions = indicatorDefinitions(db);
  const definition = definitions.find((candidate) => candidate.id === options.id);
  if (!definition) throw new UserError(`没有这个指标：「${options.id}」`, 'not_found');
  const records = definition.kind === 'measure' ? definition : denominatorRecords(definition, definitions);
  const source = sourceNamed(records.source);
  const access = accessPath(db, source, records.period, period);
  const from = source.rowJoins ? `${access.from} ${source.rowJoins}` : access.from;
  const where = `${scopeWhere(source, officeId)} AND ${predicateOf({ ...records, period: access.period })}`;
  const params = bindings(period, officeId);
  const aggregate = records.aggregate;
  const vocabulary = new Vocabulary(db.prepare('SELECT list, code, label FROM list_item').all() as ListItemRow[]);

  let shape: RowShape;
  let totalsSql: string;
  let rowsSql: string;
  if (typeof aggregate === 'object' && 'distinct' in aggregate) {
    shape = aggregate.rows;
    totalsSql = `SELECT COUNT(DISTINCT ${aggregate.distinct}) AS total FROM ${from} WHERE ${where}`;
    rowsSql = `${selectRows(shape)} FROM ${from} WHERE ${where} GROUP BY ${aggregate.distinct}`;
  } else {
    shape = source.rows;
    const sum = typeof aggregate === 'object' ? `, COALESCE(SUM(${aggregate.sum}), 0) AS sum` : '';
    totalsSql = `SELECT COUNT(*) AS total${sum} FROM ${from} WHERE ${where}`;
    rowsSql = `${selectRows(shape)} FROM ${from} WHERE ${where}`;
  }
  rowsSql += ` ORDER BY ${shape.orderBy} LIMIT @limit OFFSET @offset`;

  const totals = cachedStatement(db, totalsSql).get(params) as { total: number; sum?: number };
  const rows = (cachedStatement(db, rowsSql).all({ ...params, limit, offset }) as Record<string, unknown>[]).map(
    (row) => displayRow(shape, row, vocabulary),
  );
  return {
    id: definition.id,
    label: definition.label,
    total: totals.total,
    ...(totals.sum === undefined ? {} : { sum: totals.sum }),
    columns: shape.columns.map(({ key, title, count, personalNumber }) => ({
      key,
      title,
      numeric: count === true || key.endsWith('Fen'),
      personalNumber: personalNumber === true,
    })),
    rows,
  };
}

/** Figures of one month of a period (the first and last months cut to the period). */
export interface MonthFigures extends Period {
  /** `YYYY-MM` */
  readonly month: string;
  readonly figures: Figures;
}

/**
 * Counts and sums of some measures month by month: the same definitions as the report, each
 * family read once and grouped by its period column's month, so a month's figure equals the
 * report of that month. Only measures with a period (flows: received, closed …) have months.
 */
export function monthlyFigures(db: RegisterDatabase, options: Scope & { readonly ids: readonly string[] }): MonthFigures[] {
  const period = checkedPeriod(options);
  const officeId = options.officeId ?? null;
  officeNameOf(db, officeId);
  const definitions = indicatorDefinitions(db);
  const chosen = options.ids.map((id) => {
    const definition = definitions.find((candidate) => candidate.id === id);
    if (!definition) throw new UserError(`没有这个指标：「${id}」`, 'not_found');
    // A figure that also reads the period's ends (安置日期 ≤ to) is no sum of its months.
    const readsEnds = definition.kind === 'measure' && /@(from|to)\b/.test(`${definition.within ?? ''} ${definition.where ?? ''}`);
    if (definition.kind !== 'measure' || !definition.period || definition.unit === 'wan' || readsEnds) {
      throw new UserError(`指标「${definition.label}」不能按月统计（只有按日期计的件数、人次、人数可以）`);
    }
    return definition;
  });
  const months = monthsOf(period);
  const byMonth = new Map(months.map((month) => [month.month, new Map<string, number>(chosen.map((definition) => [definition.id, 0]))]));
  const params = bindings(period, officeId);
  for (const query of familyQueries(db, chosen, { ...period, officeId })) {
    const column = query.measures[0]!.period!;
    const sql = query.sql.replace(/^SELECT /, `SELECT substr(${column}, 1, 7),\n  `) + ' GROUP BY 1';
    for (const [month, ...values] of cachedStatement(db, sql, true).all(params) as [string, ...number[]][]) {
      query.measures.forEach((definition, index) => byMonth.get(month)!.set(definition.id, values[index]!));
    }
  }
  return months.map((month) => ({ ...month, figures: Object.fromEntries(byMonth.get(month.month)!) }));
}

/** The calendar months a period touches, the first and last cut to it. */
function monthsOf(period: Period): (Period & { month: string })[] {
  const months: (Period & { month: string })[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    const first = `${key}-01`;
    if (first > period.to) break;
    const last = `${key}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
    months.push({ month: key, from: first < period.from ? period.from : first, to: last > period.to ? period.to : last });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/**
 * One plain read of every table the report reads (row count and the length of a column,
 * so each row is fetched): the floor the report's speed is compared with in the benchmark.
 */
export function scanFloor(db: RegisterDatabase): Record<string, number> {
  const tables = [...new Set([...sources.values()].map((source) => source.table))];
  return Object.fromEntries(
    tables.map((table) => {
      const row = cachedStatement(db, `SELECT count(*) AS n, sum(length(created_at)) AS bytes FROM ${table}`).get() as {
        n: number;
      };
      return [table, row.n];
    }),
  );
}

/** The report's SELECTs for a period and scope, each with SQLite's query plan (for tests and the benchmark). */
export function explainReport(db: RegisterDatabase, options: Scope): { sql: string; plan: string[] }[] {
  const period = checkedPeriod(options);
  const officeId = options.officeId ?? null;
  const params = bindings(period, officeId);
  return familyQueries(db, indicatorDefinitions(db), { ...period, officeId }).map(({ sql }) => ({
    sql,
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail),
  }));
}

// ---- computing the figures ------------------------------------------------------------------

interface ListItemRow {
  list: string;
  code: string;
  label: string;
}

/** The whole numbers behind the figures: counts, sums (fen for 万元), by measure id. */
type RawFigures = Map<string, number>;

/** One SELECT of the report: the measures of one family (source, period, shared condition). */
interface FamilyQuery {
  readonly measures: readonly MeasureDefinition[];
  readonly sql: string;
}

function familyQueries(
  db: RegisterDatabase,
  definitions: readonly IndicatorDefinition[],
  scope: Period & { officeId: number | null },
): FamilyQuery[] {
  const families = new Map<string, MeasureDefinition[]>();
  for (const definition of definitions) {
    if (definition.kind !== 'measure') continue;
    const key = [definition.source, definition.period ?? '', definition.within ?? ''].join('\n');
    families.set(key, [...(families.get(key) ?? []), definition]);
  }
  return [...families.values()].map((measures) => {
    const { source: sourceName, period, within } = measures[0]!;
    const source = sourceNamed(sourceName);
    const access = accessPath(db, source, period, scope);
    let where = scopeWhere(source, scope.officeId);
    if (period) where += ` AND ${access.period} BETWEEN @from AND @to`;
    if (within) where += ` AND (${within})`;
    return { measures, sql: `SELECT ${measures.map(aggregateColumn).join(',\n  ')}\nFROM ${access.from} WHERE ${where}` };
  });
}

function measure(
  db: RegisterDatabase,
  definitions: readonly IndicatorDefinition[],
  scope: Period & { officeId: number | null },
): RawFigures {
  return rememberedFigures(db, `${scope.from}|${scope.to}|${scope.officeId ?? ''}`, () => {
    const params = bindings(scope, scope.officeId);
    const raw: RawFigures = new Map();
    for (const query of familyQueries(db, definitions, scope)) {
      const values = cachedStatement(db, query.sql, true).get(params) as number[];
      query.measures.forEach((definition, index) => raw.set(definition.id, values[index]!));
    }
    return raw;
  });
}

/**
 * The figures of the last few scopes asked for, kept while the database is unchanged: a page
 * that shows this year's figures first and then asks for 同比 does not count this year twice.
 * The database is unchanged while this connection has changed no row (total_changes()) and no
 * other connection has committed (data_version); the lists (纠纷类型 …) are rows too.
 */
const figureCache = new WeakMap<RegisterDatabase, { version: string; scopes: Map<string, RawFigures> }>();
const CACHED_SCOPES = 8;

/** Drops the figures kept for a database: the benchmark times the counting itself. */
export function forgetFigures(db: RegisterDatabase): void {
  figureCache.delete(db);
}

function rememberedFigures(db: RegisterDatabase, scopeKey: string, work: () => RawFigures): RawFigures {
  const version = (cachedStatement(db, 'SELECT (SELECT data_version FROM pragma_data_version) || \':\' || total_changes() AS v').get() as {
    v: string;
  }).v;
  let cache = figureCache.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, scopes: new Map() };
    figureCache.set(db, cache);
  }
  const kept = cache.scopes.get(scopeKey);
  if (kept) return kept;
  const raw = work();
  if (cache.scopes.size >= CACHED_SCOPES) cache.scopes.delete(cache.scopes.keys().next().value!);
  cache.scopes.set(scopeKey, raw);
  return raw;
}

/**
 * How to read a source: its FROM clause and the period column as the WHERE should test it.
 * Fetching rows one by one through a date index costs some 20 times reading them in table
 * order, so the date index is used only when the period holds at most INDEXED_SHARE of the
 * table — or always, when that index covers every column the figures read; otherwise the
 * column is written `+column`, which keeps SQLite off that index (other indexes, e.g. an
 * office's, stay open to it). A stock (no period) reads the table in order.
 */
function accessPath(
  db: RegisterDatabase,
  source: Source,
  period: string | undefined,
  range: Period,
): { from: string; period?: string } {
  const joins = source.joins ? ` ${source.joins}` : '';
  if (period === undefined) return { from: `${source.table} ${source.alias} NOT INDEXED${joins}` };
  const indexed = source.periodIndexCovers || periodIsSmallShare(db, source.table, period, range);
  return { from: `${source.table} ${source.alias}${joins}`, period: indexed ? period : `+${period}` };
}

const INDEXED_SHARE = 0.05;

/** Whether at most INDEXED_SHARE of `table`'s rows (deleted or not, any office) have `period` in the period. */
function periodIsSmallShare(db: RegisterDatabase, table: string, period: string, range: Period): boolean {
  const column = period.slice(period.indexOf('.') + 1);
  const all = (cachedStatement(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const enough = Math.floor(all * INDEXED_SHARE) + 1;
  // Counted on the date index alone, and only as far as `enough`.
  const inPeriod = cachedStatement(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${column} BETWEEN @from AND @to LIMIT @enough)`,
  ).get({ from: range.from, to: range.to, enough }) as { n: number };
  return inPeriod.n < enough;
}

/**
 * One column of a family's SELECT (its period and shared condition are already in the WHERE).
 * FILTER skips the aggregate step for the rows a measure does not count, which costs far less
 * than feeding every row through a CASE.
 */
function aggregateColumn(definition: MeasureDefinition): string {
  const { where, aggregate } = definition;
  const filter = where ? ` FILTER (WHERE ${where})` : '';
  if (aggregate === 'count') return `COUNT(*)${filter}`;
  if ('sum' in aggregate) return `COALESCE(SUM(${aggregate.sum})${filter}, 0)`;
  return `COUNT(DISTINCT ${aggregate.distinct})${filter}`;
}

function present(definitions: readonly IndicatorDefinition[], raw: RawFigures): Figures {
  const sumOf = (ids: readonly string[]) => ids.reduce((total, id) => total + raw.get(id)!, 0);
  return Object.fromEntries(
    definitions.map((definition) => {
      if (definition.kind === 'rate') {
        return [definition.id, ratePercent(sumOf(definition.numerator), sumOf(definition.denominator))];
      }
      const value = raw.get(definition.id)!;
      return [definition.id, definition.unit === 'wan' ? fenToWan(value) : value];
    }),
  );
}

function correctionIdentity(raw: RawFigures): CorrectionIdentity {
  const figure = (id: string) => raw.get(`correction.${id}`)!;
  const managed = figure('managed');
  const activeStartPlusReceived = figure('active_start') + figure('received');
  const activeEndPlusExits =
    figure('active_end') + figure('released') + figure('terminated') + figure('transferred_out');
  return {
    managed,
    activeStartPlusReceived,
    activeEndPlusExits,
    ok: managed === activeStartPlusReceived && managed === activeEndPlusExits,
  };
}

/** A rate drills to its denominator: the records of its (same-source, counted) denominator measures. */
function denominatorRecords(
  rate: Extract<IndicatorDefinition, { kind: 'rate' }>,
  definitions: readonly IndicatorDefinition[],
): MeasureDefinition {
  const parts = rate.denominator.map(
    (id) =>
      definitions.find(
        (definition): definition is MeasureDefinition => definition.id === id && definition.kind === 'measure',
      )!,
  );
  const first = parts[0]!;
  if (parts.some((part) => part.source !== first.source || part.aggregate !== 'count')) {
    throw new UserError(`指标「${rate.id}」的分母无法列出明细`);
  }
  if (parts.length === 1) return { ...first, id: rate.id, label: rate.label };
  // Several measures (申请类 + 不予援助): the union of their records.
  return {
    kind: 'measure',
    id: rate.id,
    label: rate.label,
    register: rate.register,
    source: first.source,
    where: parts.map((part) => `(${predicateOf(part)})`).join(' OR '),
    aggregate: 'count',
  };
}

function selectRows(shape: RowShape): string {
  return `SELECT ${shape.id} AS id, ${shape.columns.map((column) => `${column.sql} AS ${column.key}`).join(', ')}`;
}

function displayRow(shape: RowShape, row: Record<string, unknown>, vocabulary: Vocabulary): DrillDownRow {
  const shown: Record<string, unknown> = { table: shape.table, id: row.id };
  for (const column of shape.columns) {
    const value = row[column.key];
    shown[column.key] =
      column.list && typeof value === 'string' ? (vocabulary.labelOf(column.list, value) ?? value) : value;
  }
  return shown as DrillDownRow;
}

// ---- scope, parameters, statements --------------------------------------------------------------

function scopeWhere(source: Source, officeId: number | null): string {
  return officeId === null ? source.alive : `${source.alive} AND ${source.inOffice}`;
}

function bindings(period: Period, officeId: number | null): Record<string, string | number> {
  return officeId === null ? { from: period.from, to: period.to } : { from: period.from, to: period.to, officeId };
}

const statementCache = new WeakMap<RegisterDatabase, Map<string, Statement>>();

function cachedStatement(db: RegisterDatabase, sql: string, raw = false): Statement {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = new Map();
    statementCache.set(db, statements);
  }
  const key = raw ? `raw:${sql}` : sql;
  let statement = statements.get(key);
  if (!statement) {
    statement = db.prepare(sql);
    if (raw) statement.raw(true);
    statements.set(key, statement);
  }
  return statement;
}

function checkedPeriod(period: Period): Period {
  for (const date of [period.from, period.to]) {
    if (typeof date !== 'string' || !isIsoDate(date)) throw new UserError(`日期「${String(date)}」不是有效日期（应为 YYYY-MM-DD）`);
  }
  if (period.from > period.to) throw new UserError(`起始日期 ${period.from} 晚于截止日期 ${period.to}`);
  return { from: period.from, to: period.to };
}

/** The office's name, null for the whole bureau; an unknown office id is an error. */
export function officeNameOf(db: RegisterDatabase, officeId: number | null): string | null {
  if (officeId === null) return null;
  const row = db.prepare('SELECT name FROM office WHERE id = ?').get(officeId) as { name: string } | undefined;
  if (!row) throw new UserError(`单位不存在（编号 ${officeId}）`, 'not_found');
  return row.name;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isMonthEnd(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return day === daysInMonth(year, month);
}

function yearEarlier(date: string, toMonthEnd: boolean): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = daysInMonth(year - 1, month);
  const shifted = toMonthEnd ? lastDay : Math.min(day, lastDay);
  return `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(shifted).padStart(2, '0')}`;
}
