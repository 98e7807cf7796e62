// Single-column reads over the shared statement cache (registers/register.ts `statement`).
// A cached statement is shared by every module, so it is never switched to pluck mode (that
// would change what the others' `get` returns): the first column is taken from the row instead.

import type { RegisterDatabase } from '../database.ts';
import { statement } from '../registers/register.ts';

/** The first column of the first row; undefined when there is no row. */
export function firstValue(db: RegisterDatabase, sql: string, ...params: unknown[]): unknown {
  const row = statement(db, sql).get(...params) as Record<string, unknown> | undefined;
  return row === undefined ? undefined : Object.values(row)[0];
}

/** The first column of every row. */
export function firstValues(db: RegisterDatabase, sql: string, ...params: unknown[]): unknown[] {
  return (statement(db, sql).all(...params) as Record<string, unknown>[]).map((row) => Object.values(row)[0]);
}
