// Hostile ledger files through the API (test/trust/hostile-files.ts makes them): each refused
// with the message people need and nothing written, or read as its value or as plain text;
// random bytes of any kind never make the import throw; a 60 MB CSV with a problem in nearly
// every row is streamed and checked whole in bounded memory, listing 1,000 problems and counting
// the rest, writing nothing.

import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { openDatabase } from '../../db/database.ts';
import type { ImportOutcome } from '../../db/import/import-ledger.ts';
import {
  asExpected,
  hostileFiles,
  hostileFilesScenario,
  importHostile,
  importLargeCsv,
  LARGE_CSV_MB,
  LARGE_CSV_MEMORY_MB,
  writeLargeCsv,
  type HostileFile,
} from './hostile-files.ts';

let files: HostileFile[];

beforeAll(async () => {
  files = await hostileFiles();
});

describe('hostile files', () => {
  it('refuses each broken, foreign or oversized file, and each file with an unreadable cell, with its reason', async () => {
    for (const hostile of files.filter((file) => file.refused)) {
      const result = await importHostile(hostile);
      expect(result.outcome.ok, hostile.title).toBe(false);
      expect(result.outcome.rejectedFiles, hostile.title).toEqual([hostile.file.name]);
      expect(result.outcome.problems.map((problem) => problem.message).join('\n'), hostile.title).toMatch(
        typeof hostile.refused === 'string' ? new RegExp(hostile.refused.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : hostile.refused!,
      );
      expect(result.nothingWritten, hostile.title).toBe(true);
      expect(asExpected(hostile, result), hostile.title).toBe(true);
    }
  });

  it('keeps every problem message short, even about a cell of a megabyte', async () => {
    const megabyte = files.find((file) => file.title === '1MB 的备注单元格')!;
    const { outcome } = await importHostile(megabyte);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.message.length).toBeLessThan(200);
    expect(outcome.problems[0]!.value).toBe(`${'长'.repeat(100)}…`);
  });

  it('lists a thousand problems of a sheet in full, then counts the rest', async () => {
    const { outcome } = await importHostile(files.find((file) => file.title === '5000 行错误')!);
    expect(outcome.problems).toHaveLength(1001);
    expect(outcome.problems[0]!.message).toBe('矛盾纠纷排查 第2行 日期「2024-13-0」不是有效日期');
    expect(outcome.problems[999]!.message).toBe('矛盾纠纷排查 第1001行 日期「2024-13-19」不是有效日期');
    expect(outcome.problems[1000]!.message).toBe('矛盾纠纷排查 另有4000处问题未列出（每张表只列出前1000处），请改正后重新导入');
  });

  it('takes a formula’s cached result, and text that begins with = or @ as text', async () => {
    for (const hostile of files.filter((file) => file.accepted)) {
      const result = await importHostile(hostile);
      expect(result.outcome.problems, hostile.title).toEqual([]);
      expect(result.stored, hostile.title).toMatchObject(hostile.accepted!.fields);
    }
  });

  it('never throws on random bytes, whatever the file is called', async () => {
    const db = openDatabase(':memory:', { create: true });
    const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2024-12-31' });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('台账.xlsx', '人民调解案件.csv', '法律咨询.txt', '调解员.xlsm'),
        fc.uint8Array({ maxLength: 8192 }),
        async (name, bytes) => {
          const result = await call('import.preview', { files: [{ name, content: Buffer.from(bytes).toString('base64') }] });
          expect(result.ok).toBe(true);
          const outcome = (result as { value: ImportOutcome }).value;
          expect(outcome.ok).toBe(false);
          expect(outcome.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
    db.close();
  });
});

describe(`a ${LARGE_CSV_MB} MB CSV with a problem in nearly every row`, () => {
  let csv: string;

  beforeAll(() => {
    csv = writeLargeCsv(LARGE_CSV_MB);
  });

  afterAll(() => {
    fs.rmSync(path.dirname(csv), { recursive: true, force: true });
  });

  it('is streamed and checked whole by the importer in bounded memory, and nothing is written', async () => {
    const measure = await importLargeCsv(csv);
    expect(measure.megabytes).toBeGreaterThanOrEqual(LARGE_CSV_MB);
    expect(measure.problems).toBe(1001);
    expect(measure.lastMessage).toMatch(/^法律咨询 另有\d+处问题未列出（每张表只列出前1000处），请改正后重新导入$/);
    expect(measure.nothingWritten).toBe(true);
    expect(measure.peakGrowthMegabytes).toBeLessThan(LARGE_CSV_MEMORY_MB);
    console.log(`${LARGE_CSV_MB}MB CSV：流式检查时内存增长 ${measure.peakGrowthMegabytes}MB`);
  }, 300_000);
});

describe('the trust report’s run', () => {
  it('passes', async () => {
    const result = await hostileFilesScenario();
    expect(result.ok, JSON.stringify(result.figures)).toBe(true);
    expect(result.figures['被拒绝的文件']).toBe(files.filter((file) => file.refused).length + 1);
  }, 300_000);
});
