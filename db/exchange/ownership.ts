// One place edits a record (exchange.md "Ownership"): at the bureau, the records of an office
// that has joined are read-only; an office site takes only its own office's records. The store
// asks `checkOwnership` before every write; the importer asks `ownershipProblem` for every row,
// and undoing an import `checkOwnershipOfRows` for the rows it removes.
// Applying a package or a join file writes others' records on purpose: it runs `whileApplying`.

import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { firstValue } from './first-column.ts';
import { statement, type RegisterDefinition, type RegisterRecord } from '../registers/register.ts';

const applying = new WeakSet<RegisterDatabase>();

/** Runs `write` with the ownership rules lifted (packages and join files only). */
export function whileApplying<T>(db: RegisterDatabase, write: () => T): T {
  applying.add(db);
  try {
    return write();
  } finally {
    applying.delete(db);
  }
}

interface SiteRule {
  readonly role: 'bureau' | 'office';
  readonly office_id: number | null;
}

/** The office a record belongs to, from its fields (its own office, its organisation's, its stint's). */
function officeOfRecord(db: RegisterDatabase, record: RegisterRecord): number | null {
  if (typeof record.office_id === 'number') return record.office_id;
  if (typeof record.org_id === 'number') {
    return (firstValue(db, 'SELECT office_id FROM mediation_org WHERE id = ?', record.org_id) as number | undefined) ?? null;
  }
  if (typeof record.stint_id === 'number') {
    return (firstValue(db, 'SELECT office_id FROM correction_stint WHERE id = ?', record.stint_id) as number | undefined) ?? null;
  }
  return null;
}

function officeOfRow(db: RegisterDatabase, register: RegisterDefinition, id: number): number | null {
  return (firstValue(db, `SELECT ${register.officeSql} FROM ${register.table} t WHERE t.id = ?`, id) as number | undefined) ?? null;
}

function officeName(db: RegisterDatabase, id: number | null): string {
  return (firstValue(db, 'SELECT name FROM office WHERE id = ?', id) as string | undefined) ?? '未知单位';
}

/** Why this site may not write a record of `office`; null when it may. */
function officeProblem(db: RegisterDatabase, site: SiteRule, office: number | null): string | null {
  if (office === null) return null;
  if (site.role === 'office') {
    return office === site.office_id ? null : `本机是${officeName(db, site.office_id)}的电脑，只能登记本所的记录，不能登记或修改${officeName(db, office)}的记录`;
  }
  if (!statement(db, 'SELECT 1 FROM exchange_office WHERE office_id = ?').get(office)) return null;
  const name = officeName(db, office);
  return `该记录属于${name}，${name}已加入本县数据交换，请在${name}的电脑上修改`;
}

function siteRule(db: RegisterDatabase): SiteRule | undefined {
  return applying.has(db) ? undefined : (statement(db, 'SELECT role, office_id FROM exchange_site').get() as SiteRule | undefined);
}

/** Why this site may not write the record (new fields `record`, stored row `id`); null when it may. */
export function ownershipProblem(
  db: RegisterDatabase,
  register: RegisterDefinition,
  record: RegisterRecord | null,
  id?: number,
): string | null {
  const site = siteRule(db);
  if (!site) return null;
  const offices = new Set<number | null>();
  if (record) offices.add(officeOfRecord(db, record));
  if (id !== undefined) offices.add(officeOfRow(db, register, id));
  for (const office of offices) {
    const problem = officeProblem(db, site, office);
    if (problem) return problem;
  }
  return null;
}

/**
 * Throws if this site may not remove the stored rows `fromId`…`toId` of the register (undoing an
 * import removes the rows it added, a run of ids at a time): each of their offices is checked once.
 */
export function checkOwnershipOfRows(db: RegisterDatabase, register: RegisterDefinition, fromId: number, toId: number): void {
  const site = siteRule(db);
  if (!site) return;
  const offices = statement(db, `SELECT DISTINCT ${register.officeSql} FROM ${register.table} t WHERE t.id BETWEEN ? AND ?`)
    .pluck()
    .all(fromId, toId) as (number | null)[];
  for (const office of offices) {
    const problem = officeProblem(db, site, office);
    if (problem) throw new UserError(problem, 'conflict');
  }
}

/** Throws the ownership problem as a UserError (the store's writes). */
export function checkOwnership(db: RegisterDatabase, register: RegisterDefinition, record: RegisterRecord | null, id?: number): void {
  const problem = ownershipProblem(db, register, record, id);
  if (problem) throw new UserError(problem, 'conflict');
}

/**
 * The shared lists (offices, configurable lists) are the bureau's: an office site receives them
 * in the bureau's packages, and an office joined keeps its name, by which every site knows it.
 * `renaming`: the office about to be renamed.
 */
export function checkSharedListChange(db: RegisterDatabase, renaming?: number): void {
  const site = statement(db, 'SELECT role, office_id FROM exchange_site').get() as SiteRule | undefined;
  if (site?.role === 'office') {
    throw new UserError('单位和可配置列表由局端统一维护：请在局端修改，修改会随局端的数据包带到本机', 'conflict');
  }
  if (renaming !== undefined && statement(db, 'SELECT 1 FROM exchange_office WHERE office_id = ?').get(renaming)) {
    throw new UserError(`「${officeName(db, renaming)}」已加入本县数据交换，各台电脑凭单位名称识别它，不能改名`, 'conflict');
  }
}
