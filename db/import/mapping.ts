// The user's answers for what the importer cannot recognise (registers.md §5): which field an
// unknown column is (or null to ignore it), and which canonical value an unknown value is. The
// same shape is the CLI's MAPPING.json and what the import page saves; the answers are also
// remembered per header layout in the `setting` table and offered the next time that layout
// is imported.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RegisterDatabase } from '../database.ts';
import { statement } from '../registers/register.ts';

export const importMappingSchema = z.object({
  columns: z.record(z.string(), z.string().nullable()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});

/** `{"columns": {"<header as written>": "<field header>" | null}, "values": {"<field header>": {"<as written>": "<canonical>"}}}` */
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const emptyMapping = (): ImportMapping => ({ columns: {}, values: {} });

/** Reads MAPPING.json's text; the reason in Chinese when it is not one. */
export function parseMapping(text: string): ImportMapping | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: '不是有效的 JSON 文件' };
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    return { problem: '格式不对：应为 {"columns": {"表头": "列名或 null"}, "values": {"列名": {"写法": "规范值"}}}' };
  }
  return parsed.data;
}

/** Two mappings in one: `over`'s answers win. */
export function mergeMappings(base: ImportMapping, over: ImportMapping): ImportMapping {
  const values: ImportMapping['values'] = { ...base.values };
  for (const [field, answers] of Object.entries(over.values)) values[field] = { ...values[field], ...answers };
  return { columns: { ...base.columns, ...over.columns }, values };
}

const settingKey = (signature: string) => `importMapping:${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;

/** The answers remembered for a header layout (an empty mapping when there are none). */
export function rememberedMapping(db: RegisterDatabase, signature: string): ImportMapping {
  const row = statement(db, 'SELECT value FROM setting WHERE key = ?').get(settingKey(signature)) as { value: string } | undefined;
  if (!row) return emptyMapping();
  const parsed = parseMapping(row.value);
  return 'problem' in parsed ? emptyMapping() : parsed;
}

/** Keeps the answers used for a header layout, with those remembered before. */
export function rememberMapping(db: RegisterDatabase, signature: string, mapping: ImportMapping): void {
  if (Object.keys(mapping.columns).length === 0 && Object.keys(mapping.values).length === 0) return;
  const merged = mergeMappings(rememberedMapping(db, signature), mapping);
  statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    settingKey(signature),
    JSON.stringify(merged),
  );
}
