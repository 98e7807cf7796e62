// Migrations never change: replaying migrations 1..K from an empty file gives exactly the schema
// and seeded rows stored when K was the newest (test/schema/migrations.snapshot.json, made by
// `npx tsx test/schema/migration-snapshot.ts`). Migrations appended after K are not compared.

import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/schema/migrations.ts';
import { readSnapshot, replayMigrations } from './migration-snapshot.ts';

describe('replaying the migrations from an empty file', () => {
  const snapshot = readSnapshot();

  it('covers released migrations only', () => {
    expect(snapshot.version).toBeGreaterThan(0);
    expect(snapshot.version).toBeLessThanOrEqual(migrations.length);
  });

  it('gives the stored schema and seeded rows, byte for byte', () => {
    const replayed = replayMigrations(snapshot.version);
    expect(replayed.schema).toEqual(snapshot.schema);
    expect(replayed.rows).toEqual(snapshot.rows);
  });

  it('seeds the code lists of registers.md (18 dispute types, 14 correction event types)', () => {
    const lists = (snapshot.rows['list_item'] ?? []) as [string, ...unknown[]][];
    expect(lists.filter(([list]) => list === 'disputeType')).toHaveLength(18);
    expect(lists.filter(([list]) => list === 'correctionEventType')).toHaveLength(14);
  });
});
