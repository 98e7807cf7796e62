// Runs the real CLI (db/cli.ts, what `npm run cli` runs) in a child process.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sampleDir = path.resolve(repoRoot, '../shared/fixtures/sample');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Node's arguments for the CLI, as package.json's `cli` script gives them: a young generation of
 * 32 MB a semi-space, so the short-lived objects of a long import cost fewer scavenges, and an
 * old generation of at most 512 MB, collected before it grows past it (measured: a 4.2-million-row
 * CSV import peaks at 950 MB with it; without it a 2-million-row one reached 1.2 GB).
 */
export const cliNodeArgs = ['--max-semi-space-size=32', '--max-old-space-size=512', '--import', 'tsx', path.join(repoRoot, 'db/cli.ts')];

/** `env`: variables added to this process's environment (SFTZ_PASSWORD …). */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [...cliNodeArgs, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What an import printed on stderr besides its progress lines (导入台账：检查并写入，已读 N 行). */
export function besidesProgress(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !/^导入台账：[^，]+，已读 [\d,]+ 行$/.test(line));
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sftz-${prefix}-`));
}

/** The sample county as bureaus keep it: three sheets in 台账.xlsx, the other nine as CSV. */
export function sampleLedgerPaths(): string[] {
  const inWorkbook = new Set(['调解组织.csv', '调解员.csv', '人民调解案件.csv']);
  const csvDir = path.join(sampleDir, 'csv');
  return [
    path.join(sampleDir, '台账.xlsx'),
    ...fs
      .readdirSync(csvDir)
      .filter((file) => !inWorkbook.has(file))
      .sort()
      .map((file) => path.join(csvDir, file)),
  ];
}

export interface ExpectedCase {
  readonly from: string;
  readonly to: string;
  readonly office: string | null;
  readonly indicators: Record<string, number | null>;
}

export interface ExpectedFile {
  readonly asOf: string;
  readonly rows: Record<string, number>;
  readonly offices: string[];
  readonly cases: ExpectedCase[];
}

export function readExpected(dir = sampleDir): ExpectedFile {
  return JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedFile;
}

/** The sample county's four registers of registers.md §6, with figures of their own for the same cases. */
export const sampleExtraDir = path.resolve(repoRoot, '../shared/fixtures/sample-extra');

export function sampleExtraPaths(): string[] {
  const csvDir = path.join(sampleExtraDir, 'csv');
  return fs
    .readdirSync(csvDir)
    .sort()
    .map((file) => path.join(csvDir, file));
}

/** sample/'s cases with sample-extra's figures of the same cases added: the county with all its registers. */
export function readExpectedWhole(): ExpectedFile {
  const sample = readExpected();
  const extra = readExpected(sampleExtraDir);
  return {
    ...sample,
    rows: { ...sample.rows, ...extra.rows },
    cases: sample.cases.map((sampleCase, index) => {
      const extraCase = extra.cases[index]!;
      if (extraCase.from !== sampleCase.from || extraCase.to !== sampleCase.to || extraCase.office !== sampleCase.office) {
        throw new Error('sample-extra 的报表用例与 sample 的不一致');
      }
      return { ...sampleCase, indicators: { ...sampleCase.indicators, ...extraCase.indicators } };
    }),
  };
}

/**
 * The §6 figures of a county that keeps none of those ledgers: 0, and null for the rates (their
 * denominators are 0) — for the reports of sample/ imported alone.
 */
export function noExtraFigures(): Record<string, number | null> {
  const ids = Object.keys(readExpected(sampleExtraDir).cases[0]!.indicators);
  return Object.fromEntries(ids.map((id) => [id, id.endsWith('_rate') ? null : 0]));
}
