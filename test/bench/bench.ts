// `npm run bench`: how fast the data core is on this machine, as figures (style.md: performance
// is measured by a benchmark that prints figures, not by timed tests). Prints ONE JSON object on
// stdout; progress goes to stderr.
//
//   import  ledgers of 1× and 10× the sample county (db/sample) imported into a fresh database,
//           as twelve CSV files in one import and per sheet, and the three 人民调解 sheets as .xlsx
//   cli     the same ledgers at 1×, 10× and 100× imported through the CLI in one call each (CSV:
//           all twelve files; .xlsx: the workbook), start-up included: rows/s and the peak
//           memory (RSS) of the CLI process, measured by /usr/bin/time
//   `npm run bench -- --two-million` runs only a county of two million rows through the CLI
//           (too slow for every bench run), with its rows/s and peak memory
//   `npm run bench -- --responsiveness` runs only the responsiveness measure below
//   `npm run bench -- --imports` runs only the CLI imports and the responsiveness measure (the
//           figures an importer change moves), each CLI figure also logged as it is measured
//   report  a full report (every indicator, whole bureau, the middle year) on databases of 1×,
//           10× and 100×, median of several runs after a warm-up, beside the scan floor
//           (scanFloor: one plain read of every table the report reads) and their ratio
//   growth  ms per 1,000 records at each size, so it shows how cost grows
//   responsiveness  while the app (session in its worker thread, loopback server) imports the 10×
//           county (some 424,000 rows), a stream of app.info and list calls and their answer times
//           (responsiveness.ts)
//   browser on the 100× database, in Chromium through the loopback server: time to open each
//           register's list, to show search results, and to show the full report (browser-bench.ts)
//
// The 1×, 10× and 100× databases are kept in test/artifacts/bench (git-ignored), named by a hash
// of the code that makes them, so a rerun only builds what changed. The 100× county is imported
// in batches of at most BATCH_ROWS rows, sheet by sheet in the order registers depend on each other.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rendererOutDir } from '../../build/paths.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers, type LedgerInput } from '../../db/import/import-ledger.ts';
import { registers } from '../../db/registers/index.ts';
import { forgetFigures, runReport, scanFloor } from '../../db/report/engine.ts';
import { DEFAULT_BUREAU_NAME, generateCounty, sheetNames, type CountyOptions } from '../../db/sample/generate-county.ts';
import { cliNodeArgs } from '../support/cli.ts';
import { measureInChromium } from './browser-bench.ts';
import { log, median, round } from './measure.ts';
import { measureResponsiveness } from './responsiveness.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const artifacts = path.join(repoRoot, 'test/artifacts/bench');

const county = { seed: 20_240_601, firstYear: 2022, lastYear: 2024 } as const;
const middleYear = { from: '2023-01-01', to: '2023-12-31' };
const IMPORT_SCALES = [1, 10];
const REPORT_SCALES = [1, 10, 100];
const TIMED_RUNS = 7;
const BATCH_ROWS = 250_000;

const targets = { csvRowsPerSecond: 50_000, reportMsAt100x: 1_000, reportToScanFloor: 3, cliPeakRssMB: 1024 };
const CLI_SCALES = [1, 10, 100];
/** The sample county has about 42,000 rows (all its registers): this scale gives about two million. */
const TWO_MILLION_ROWS_SCALE = 48;


/** Wall-clock and CPU milliseconds of some work (CPU time shows how much a busy machine slowed it). */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

const rate = (rows: number, ms: number) => round((rows / ms) * 1000);

function freshDatabase(file: string): RegisterDatabase {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return openDatabase(file, { create: true, bureauName: DEFAULT_BUREAU_NAME });
}

function countyOptions(scale: number, workbook = false): CountyOptions {
  return { ...county, scale, workbook };
}

async function importChecked(db: RegisterDatabase, files: readonly LedgerInput[]) {
  const outcome = await importLedgers(db, files, { user: 'bench' });
  if (!outcome.ok) {
    throw new Error(`导入有问题：${outcome.problems.slice(0, 5).map((problem) => problem.message).join('；')}`);
  }
  return { outcome, rows: outcome.sheets.reduce((sum, sheet) => sum + sheet.rows, 0) };
}

/** Files in the order their registers depend on each other (CSV name = sheet name). */
function inRegisterOrder(files: readonly LedgerInput[]): LedgerInput[] {
  const order = (file: LedgerInput) => registers.findIndex((register) => `${register.title}.csv` === file.name);
  return [...files].sort((a, b) => order(a) - order(b));
}

// ---- import ---------------------------------------------------------------------------------

interface SheetTiming {
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

async function csvImport(scale: number, dbFile: string) {
  log(`生成 ${scale}× 台账（CSV）`);
  const generated = await timed(() => generateCounty(countyOptions(scale)));
  const files = generated.value;
  log(`导入 ${scale}× 全部 CSV（一次导入）`);
  const db = freshDatabase(dbFile);
  const whole = await timed(() => importChecked(db, files));
  db.close();

  log(`导入 ${scale}× CSV（逐表导入，各自计时）`);
  const bySheet: Record<string, SheetTiming> = {};
  const sheetDb = freshDatabase(`${dbFile}.sheets`);
  for (const file of inRegisterOrder(files)) {
    const sheet = await timed(() => importChecked(sheetDb, [file]));
    bySheet[path.basename(file.name, '.csv')] = {
      rows: sheet.value.rows,
      ms: round(sheet.ms),
      rowsPerSecond: rate(sheet.value.rows, sheet.ms),
    };
  }
  sheetDb.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbFile}.sheets${suffix}`, { force: true });

  const rows = whole.value.rows;
  return {
    scale,
    rows,
    bytes: files.reduce((sum, file) => sum + file.content.length, 0),
    generateMs: round(generated.ms),
    ms: round(whole.ms),
    cpuMs: round(whole.cpuMs),
    rowsPerSecond: rate(rows, whole.ms),
    rowsPerCpuSecond: rate(rows, whole.cpuMs),
    msPer1000Rows: round((whole.ms / rows) * 1000, 2),
    bySheet,
  };
}

async function xlsxImport(scale: number) {
  log(`生成 ${scale}× 台账.xlsx 并导入`);
  const files = await generateCounty(countyOptions(scale, true));
  const workbook = files.find((file) => file.name.endsWith('.xlsx'))!;
  const dbFile = path.join(artifacts, `xlsx-${scale}x.sqlite`);
  const db = freshDatabase(dbFile);
  const imported = await timed(() => importChecked(db, [workbook]));
  db.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  const rows = imported.value.rows;
  return {
    scale,
    sheets: imported.value.outcome.sheets.map((sheet) => sheet.sheet),
    rows,
    bytes: workbook.content.length,
    ms: round(imported.ms),
    cpuMs: round(imported.cpuMs),
    rowsPerSecond: rate(rows, imported.ms),
  };
}

/** A county's ledgers written to files and imported through the CLI in one call, as a clerk would run it. */
async function cliImport(scale: number, kind: 'csv' | 'xlsx') {
  log(`生成 ${scale}× 台账（${kind}）并通过命令行一次导入`);
  const files = (await generateCounty(countyOptions(scale, kind === 'xlsx'))).filter((file) => kind === 'csv' || file.name.endsWith('.xlsx'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-bench-cli-'));
  try {
    const paths = files.map((file) => {
      const written = path.join(dir, file.name);
      fs.writeFileSync(written, file.content);
      return written;
    });
    const bytes = files.reduce((sum, file) => sum + file.content.length, 0);
    const casesFile = files.find((file) => file.name === '人民调解案件.csv');
    files.length = 0;
    const started = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, ...cliNodeArgs, 'import', '--db', path.join(dir, '台账.sqlite'), ...paths],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`命令行导入失败：${run.stderr.slice(-2000)}`);
    const rows = [...run.stdout.matchAll(/：(\d+) 行，新增/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    const peakRssMB = round(Number(/maxrss=(\d+)/.exec(run.stderr)![1]) / 1024);
    // CPU time shows the importer's own speed when other work shares the machine's cores.
    const [, user, system] = /cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr)!;
    const cpuMs = (Number(user) + Number(system)) * 1000;
    const result = {
      scale,
      kind,
      files: paths.length,
      megabytes: round(bytes / 2 ** 20, 1),
      ...(casesFile ? { mediationCasesCsvMegabytes: round(casesFile.content.length / 2 ** 20, 1) } : {}),
      rows,
      ms: round(ms),
      rowsPerSecond: rate(rows, ms),
      cpuMs: round(cpuMs),
      rowsPerCpuSecond: rate(rows, cpuMs),
      loadAverage: round(os.loadavg()[0]!, 2),
      peakRssMB,
    };
    log(`命令行导入：${JSON.stringify(result)}`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function cliImports() {
  const cli = [];
  for (const kind of ['csv', 'xlsx'] as const) for (const scale of CLI_SCALES) cli.push(await cliImport(scale, kind));
  return cli;
}

async function importsOnly() {
  const loadAtStart = os.loadavg();
  const responsiveness = await measureResponsiveness(await generateCounty(countyOptions(10)), rendererOutDir);
  log(`响应：${JSON.stringify(responsiveness)}`);
  const cli = await cliImports();
  const loadAverage = { start: loadAtStart.map((load) => round(load, 2)), end: os.loadavg().map((load) => round(load, 2)) };
  process.stdout.write(`${JSON.stringify({ loadAverage, responsiveness, cli }, null, 2)}\n`);
}

async function responsivenessOnly() {
  const loadAtStart = os.loadavg();
  const responsiveness = await measureResponsiveness(await generateCounty(countyOptions(10)), rendererOutDir);
  const loadAverage = { start: loadAtStart.map((load) => round(load, 2)), end: os.loadavg().map((load) => round(load, 2)) };
  process.stdout.write(`${JSON.stringify({ loadAverage, responsiveness }, null, 2)}\n`);
}

async function twoMillionRows() {
  const result = await cliImport(TWO_MILLION_ROWS_SCALE, 'csv');
  process.stdout.write(
    `${JSON.stringify(
      {
        twoMillionRows: result,
        targets: {
          rowsPerSecond: { target: `≥ ${targets.csvRowsPerSecond}`, met: result.rowsPerSecond >= targets.csvRowsPerSecond },
          peakRss: { target: `< ${targets.cliPeakRssMB} MB`, met: result.peakRssMB < targets.cliPeakRssMB },
        },
      },
      null,
      2,
    )}\n`,
  );
}

// ---- the databases of 1×, 10×, 100× -----------------------------------------------------------

/** What the cached databases depend on: the generator, the import and register code, the schema. */
function buildHash(): string {
  const hash = createHash('sha256').update(JSON.stringify(county));
  for (const dir of ['db/sample', 'db/import', 'db/registers', 'db/schema']) {
    for (const file of fs.readdirSync(path.join(repoRoot, dir)).sort()) {
      if (file.endsWith('.ts')) hash.update(file).update(fs.readFileSync(path.join(repoRoot, dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

interface BuildInfo {
  scale: number;
  rows: number;
  generateMs: number;
  importMs: number;
  importCpuMs: number;
  rowsPerSecond: number;
  batches: number;
}

/** A CSV ledger cut into files of at most `rowsPerFile` rows, each with the header (the generator writes no quoted line breaks). */
function csvBatches(file: LedgerInput, rowsPerFile: number): LedgerInput[] {
  const content = file.content;
  const bodyStart = content.indexOf('\r\n') + 2;
  const header = content.subarray(0, bodyStart);
  const batches: LedgerInput[] = [];
  let from = bodyStart;
  while (from < content.length) {
    let to = from;
    for (let row = 0; row < rowsPerFile && to < content.length; row++) to = content.indexOf('\r\n', to) + 2;
    batches.push({ name: file.name, content: Buffer.concat([header, content.subarray(from, to)]) });
    from = to;
  }
  return batches;
}

async function buildDatabase(scale: number, dbFile: string): Promise<BuildInfo> {
  log(`生成 ${scale}× 县的台账`);
  const generated = await timed(() => generateCounty(countyOptions(scale)));
  const db = freshDatabase(`${dbFile}.building`);
  let rows = 0;
  let importMs = 0;
  let importCpuMs = 0;
  let batches = 0;
  for (const file of inRegisterOrder(generated.value)) {
    for (const batch of csvBatches(file, BATCH_ROWS)) {
      const imported = await timed(() => importChecked(db, [batch]));
      rows += imported.value.rows;
      importMs += imported.ms;
      importCpuMs += imported.cpuMs;
      batches++;
      log(`  ${file.name}：已导入 ${rows} 行，${round(importMs / 1000, 1)} 秒`);
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(`${dbFile}.building`, dbFile);
  return {
    scale,
    rows,
    generateMs: round(generated.ms),
    importMs: round(importMs),
    importCpuMs: round(importCpuMs),
    rowsPerSecond: rate(rows, importMs),
    batches,
  };
}

/** Databases built by other versions of the code are of no more use (the 100× one takes ~800 MB). */
function removeStaleDatabases(hash: string): void {
  for (const file of fs.readdirSync(artifacts)) {
    if (/^county-\d+x-/.test(file) && !file.includes(`-${hash}.`)) fs.rmSync(path.join(artifacts, file));
  }
}

/** The database of a scale: from the cache, or built now (1× and 10× come from the import runs). */
async function databaseFor(scale: number, hash: string, fresh: Map<number, { file: string; info: BuildInfo }>) {
  const dbFile = path.join(artifacts, `county-${scale}x-${hash}.sqlite`);
  const infoFile = `${dbFile}.json`;
  if (fs.existsSync(dbFile) && fs.existsSync(infoFile)) {
    return { dbFile, cached: true, build: JSON.parse(fs.readFileSync(infoFile, 'utf8')) as BuildInfo };
  }
  const made = fresh.get(scale);
  let build: BuildInfo;
  if (made) {
    fs.renameSync(made.file, dbFile);
    build = made.info;
  } else build = await buildDatabase(scale, dbFile);
  fs.writeFileSync(infoFile, JSON.stringify(build, null, 2));
  return { dbFile, cached: false, build };
}

function registerCounts(db: RegisterDatabase): Record<string, number> {
  return Object.fromEntries(
    registers.map((register) => [
      register.title,
      (db.prepare(`SELECT count(*) AS n FROM ${register.table}`).get() as { n: number }).n,
    ]),
  );
}

async function reportTiming(scale: number, dbFile: string) {
  const db = openDatabase(dbFile, { create: false });
  try {
    const rows = registerCounts(db);
    const records = Object.values(rows).reduce((sum, n) => sum + n, 0);
    log(`${scale}×（${records} 条记录）：全量报表与扫描下限，各 ${TIMED_RUNS} 次`);
    // Counted afresh each run: the engine keeps the figures of a scope until the data changes.
    const report = () => {
      forgetFigures(db);
      return runReport(db, middleYear);
    };
    const check = report();
    if (!check.checks.correctionIdentity.ok) throw new Error(`${scale}× 的社区矫正平衡校验不相符`);
    scanFloor(db);
    const reportRuns: number[] = [];
    const scanRuns: number[] = [];
    for (let run = 0; run < TIMED_RUNS; run++) {
      reportRuns.push((await timed(report)).ms);
      scanRuns.push((await timed(() => scanFloor(db))).ms);
    }
    const reportMs = median(reportRuns);
    const scanFloorMs = median(scanRuns);
    return {
      scale,
      records,
      rows,
      period: middleYear,
      indicators: Object.keys(check.indicators).length,
      reportMs: round(reportMs, 1),
      reportRunsMs: reportRuns.map((ms) => round(ms, 1)),
      scanFloorMs: round(scanFloorMs, 1),
      scanFloorRunsMs: scanRuns.map((ms) => round(ms, 1)),
      reportToScanFloor: round(reportMs / scanFloorMs, 2),
      reportMsPer1000Records: round((reportMs / records) * 1000, 3),
      scanFloorMsPer1000Records: round((scanFloorMs / records) * 1000, 3),
    };
  } finally {
    db.close();
  }
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const started = performance.now();
  const loadAtStart = os.loadavg();
  const hash = buildHash();
  removeStaleDatabases(hash);

  // The first imports of a process run while V8 is still compiling the import code (the first
  // 1× import is some 30% slower than the third): warmed up, the figures are the importer's.
  log('预热：导入 1× 县两次（CSV）和 0.1× 县（.xlsx），让 JIT 编译好导入代码');
  for (const options of [countyOptions(1), countyOptions(1), countyOptions(0.1, true)]) {
    const warmDb = openDatabase(':memory:', { create: true });
    await importChecked(warmDb, await generateCounty(options));
    warmDb.close();
  }

  const fresh = new Map<number, { file: string; info: BuildInfo }>();
  const csv = [];
  for (const scale of IMPORT_SCALES) {
    const dbFile = path.join(artifacts, `import-${scale}x.sqlite`);
    const result = await csvImport(scale, dbFile);
    csv.push(result);
    fresh.set(scale, {
      file: dbFile,
      info: {
        scale,
        rows: result.rows,
        generateMs: result.generateMs,
        importMs: result.ms,
        importCpuMs: result.cpuMs,
        rowsPerSecond: result.rowsPerSecond,
        batches: 1,
      },
    });
  }
  const xlsx = [];
  for (const scale of IMPORT_SCALES) xlsx.push(await xlsxImport(scale));
  const responsiveness = await measureResponsiveness(await generateCounty(countyOptions(10)), rendererOutDir);
  const cli = await cliImports();

  const report = [];
  const dbFiles = new Map<number, string>();
  for (const scale of REPORT_SCALES) {
    const { dbFile, cached, build } = await databaseFor(scale, hash, fresh);
    dbFiles.set(scale, dbFile);
    report.push({ ...(await reportTiming(scale, dbFile)), database: { file: path.relative(repoRoot, dbFile), cached, build } });
  }
  for (const { file } of fresh.values()) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }

  const browser = await measureInChromium(dbFiles.get(100)!);

  const csvRate = Math.min(...csv.map((result) => result.rowsPerSecond));
  const at100 = report.find((result) => result.scale === 100)!;
  const result = {
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverage: { start: loadAtStart.map((load) => round(load, 2)), end: os.loadavg().map((load) => round(load, 2)) },
    },
    county: { ...county, sheets: sheetNames, reportPeriod: middleYear },
    targets: {
      csvImport: { target: `≥ ${targets.csvRowsPerSecond} rows/s`, measured: csvRate, met: csvRate >= targets.csvRowsPerSecond },
      reportAt100x: { target: `< ${targets.reportMsAt100x} ms`, measured: at100.reportMs, met: at100.reportMs < targets.reportMsAt100x },
      reportToScanFloorAt100x: {
        target: `≤ ${targets.reportToScanFloor}×`,
        measured: at100.reportToScanFloor,
        met: at100.reportToScanFloor <= targets.reportToScanFloor,
      },
      answersWhileImporting: { target: responsiveness.target, measured: { medianMs: responsiveness.medianMs, maxMs: responsiveness.maxMs }, met: responsiveness.met },
    },
    import: { csv, xlsx, cli },
    responsiveness,
    report,
    growth: {
      importMsPer1000Rows: Object.fromEntries([
        ...csv.map((result) => [`${result.scale}x`, result.msPer1000Rows]),
        ['100x (in batches)', round((at100.database.build.importMs / at100.database.build.rows) * 1000, 2)],
      ]),
      reportMsPer1000Records: Object.fromEntries(report.map((result) => [`${result.scale}x`, result.reportMsPer1000Records])),
      scanFloorMsPer1000Records: Object.fromEntries(report.map((result) => [`${result.scale}x`, result.scanFloorMsPer1000Records])),
    },
    browser,
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

const only = [
  ['--two-million', twoMillionRows],
  ['--imports', importsOnly],
  ['--responsiveness', responsivenessOnly],
] as const;
(only.find(([flag]) => process.argv.includes(flag))?.[1] ?? main)().catch((error: unknown) => {
  log(`失败：${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
