// Values already used in a register's free-text field (罪名, 案由, 承办人 …), most used first:
// the form offers them as the clerk types, so one thing keeps one spelling and the counts do
// not split ("危险驾驶" / "危险驾驶罪"). Live records only, of one office when asked.

import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { statement, type RegisterDefinition } from './register.ts';

/** At most this many values are offered. */
export const USED_VALUES_LIMIT = 200;

export function usedValues(db: RegisterDatabase, register: RegisterDefinition, field: string, officeId: number | null): string[] {
  const described = register.fields.find((candidate) => candidate.name === field);
  if (!described || described.kind !== 'text') throw new UserError(`「${register.title}」没有可提示的文字项「${field}」`, 'bad_request');
  const rows = statement(
    db,
    `SELECT t.${described.name} AS value FROM ${register.table} t
      WHERE t.deleted_at IS NULL AND t.${described.name} IS NOT NULL AND trim(t.${described.name}) <> ''
        AND (@officeId IS NULL OR ${register.officeSql} = @officeId)
      GROUP BY t.${described.name} ORDER BY count(*) DESC, t.${described.name} LIMIT ${USED_VALUES_LIMIT}`,
  ).all({ officeId }) as { value: string }[];
  return rows.map((row) => row.value);
}
