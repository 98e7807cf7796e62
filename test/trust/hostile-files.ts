// Hostile ledger files and what the import must make of them: truncated, random-byte and
// foreign files, a workbook that unzips to 60 MB of nothing, unclosed quotes, cells of a
// megabyte, formulas without a result or with an error, thousands of bad rows — each refused
// with a message in Chinese and nothing written — and formulas with a cached result or text
// that merely begins with = or @, which are read as their value or as text. Also a 60 MB CSV
// with a problem in nearly every row, streamed in bounded memory with the memory measured. Used by test/trust/hostile-files.test.ts
// and by `npm run trust-report`.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { openDatabase } from '../../db/database.ts';
import type { ImportOutcome, LedgerInput } from '../../db/import/import-ledger.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { registers } from '../../db/registers/index.ts';
import { sampleDir, tempDir } from '../support/cli.ts';
import { seededRandom, type ScenarioResult } from './scenarios/scenario.ts';

export interface HostileFile {
  readonly title: string;
  readonly file: LedgerInput;
  /** Refused whole, with this in one of its problems' messages … */
  readonly refused?: string | RegExp;
  /** … or read, giving these fields to the first record of its register. */
  readonly accepted?: { readonly table: string; readonly fields: Record<string, unknown> };
}

const utf8Csv = (name: string, lines: string[]): LedgerInput => ({
  name,
  content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'),
});

function randomBytes(length: number, seed: number, withoutZero = false): Buffer {
  const random = seededRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = withoutZero ? 1 + Math.floor(random() * 255) : Math.floor(random() * 256);
  return bytes;
}

async function workbook(sheetName: string, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const consultationHeader = ['日期', '单位', '方式', '事项类别', '人次', '处理结果'];
const megabyteCell = '长'.repeat(1024 * 1024);

/** The files, made fresh (the workbooks are built with exceljs and JSZip). */
export async function hostileFiles(): Promise<HostileFile[]> {
  const sample = fs.readFileSync(path.join(sampleDir, '台账.xlsx'));
  const bomb = new JSZip();
  bomb.file('[Content_Types].xml', '<Types/>');
  bomb.file('xl/worksheets/sheet1.xml', ' '.repeat(60 * 1024 * 1024));
  const foreignZip = new JSZip();
  foreignZip.file('word/document.xml', '<w:document/>');
  const manyBadRows = ['日期,单位,排查次数,发现纠纷数,备注', ...Array.from({ length: 5000 }, (_, n) => `2024-13-${n % 28},城西司法所,1,0,`)];

  return [
    { title: '截断的 .xlsx', file: { name: '台账.xlsx', content: sample.subarray(0, Math.floor(sample.length * 0.6)) }, refused: '不是有效的 Excel 工作簿' },
    { title: '随机字节的 .xlsx', file: { name: '台账.xlsx', content: randomBytes(65_536, 11) }, refused: '不是有效的 Excel 工作簿' },
    { title: '随机字节的 .csv（含零字节）', file: { name: '人民调解案件.csv', content: randomBytes(65_536, 12) }, refused: '不是文本格式的 CSV 文件' },
    { title: '随机字节的 .csv（无零字节）', file: { name: '人民调解案件.csv', content: randomBytes(65_536, 13, true) }, refused: /无法按 CSV 读取|缺少必填列/ },
    { title: '改名为 .xlsx 的其他压缩包', file: { name: '台账.xlsx', content: await foreignZip.generateAsync({ type: 'nodebuffer' }) }, refused: /不是有效的 Excel 工作簿|没有可导入的工作表/ },
    {
      title: '解压后 60MB 的 .xlsx（压缩炸弹）',
      file: { name: '台账.xlsx', content: await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) },
      refused: '工作簿中没有可导入的工作表',
    },
    { title: '引号不配对的 .csv', file: utf8Csv('矛盾纠纷排查.csv', ['日期,单位,排查次数', '2024-05-01,"城西司法所,1']), refused: '引号或分隔符不配对' },
    { title: '旧版 .xls', file: { name: '台账.xls', content: randomBytes(4096, 14) }, refused: '是旧版 Excel/WPS 格式' },
    {
      title: '1MB 的备注单元格',
      file: utf8Csv('矛盾纠纷排查.csv', ['日期,单位,排查次数,发现纠纷数,备注', `2024-05-01,城西司法所,1,0,${megabyteCell}`]),
      refused: `矛盾纠纷排查 第2行 备注「${'长'.repeat(100)}…」内容过长（1048576字，一个单元格不能超过10000字）`,
    },
    {
      title: '1MB 的日期单元格',
      file: utf8Csv('矛盾纠纷排查.csv', ['日期,单位,排查次数', `${megabyteCell},城西司法所,1`]),
      refused: '内容过长（1048576字，一个单元格不能超过10000字）',
    },
    {
      title: '没有计算结果的公式',
      file: { name: '台账.xlsx', content: await workbook('法律咨询', [consultationHeader, ['2024-05-01', '城西司法所', '来访', '民事', { formula: 'B9*2' }, '当场解答']]) },
      refused: '法律咨询 第2行 人次「=B9*2」是公式，但文件中没有它的计算结果（没有保存结果，或结果是错误值）：请在 Excel 或 WPS 中打开该文件，改正公式、保存后再导入',
    },
    {
      title: '结果为错误值的公式',
      file: {
        name: '台账.xlsx',
        content: await workbook('法律咨询', [consultationHeader, ['2024-05-01', '城西司法所', '来访', '民事', { formula: '1/0', result: { error: '#DIV/0!' } }, '当场解答']]),
      },
      refused: '人次「=1/0」是公式，但文件中没有它的计算结果（没有保存结果，或结果是错误值）',
    },
    { title: '5000 行错误', file: utf8Csv('矛盾纠纷排查.csv', manyBadRows), refused: '矛盾纠纷排查 另有4000处问题未列出（每张表只列出前1000处），请改正后重新导入' },
    {
      title: '有计算结果的公式',
      file: { name: '台账.xlsx', content: await workbook('法律咨询', [consultationHeader, ['2024-05-01', '城西司法所', '来访', '民事', { formula: '1+1', result: 2 }, '当场解答']]) },
      accepted: { table: 'consultation', fields: { visitors: 2 } },
    },
    {
      title: '以 = 开头的文本单元格（.xlsx）',
      file: { name: '台账.xlsx', content: await workbook('社区矫正教育活动', [['日期', '单位', '活动类型', '主题', '参加人数'], ['2024-05-01', '城西司法所', '集中教育', '=1+1', 3]]) },
      accepted: { table: 'correction_activity', fields: { topic: '=1+1', attendance: 3 } },
    },
    {
      title: '以 = + - @ 开头的文本（.csv）',
      file: utf8Csv('矛盾纠纷排查.csv', ['日期,单位,排查次数,发现纠纷数,备注', '2024-05-01,城西司法所,1,0,"=HYPERLINK(""http://x"",""点我"")"']),
      accepted: { table: 'dispute_sweep', fields: { note: '=HYPERLINK("http://x","点我")' } },
    },
  ];
}

export interface HostileOutcome {
  readonly outcome: ImportOutcome;
  /** The first record of the file's register, when the file was read. */
  readonly stored: Record<string, unknown> | undefined;
  /** Whether a refused file left every register table as it was. */
  readonly nothingWritten: boolean;
}

/** Imports one file through the API into a fresh database. */
export async function importHostile(hostile: HostileFile): Promise<HostileOutcome> {
  const db = openDatabase(':memory:', { create: true });
  try {
    const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2024-12-31' });
    const result = await call('import.commit', { files: [{ name: hostile.file.name, content: hostile.file.content.toString('base64') }] });
    if (!result.ok) throw new Error(`${hostile.title}: ${result.error.kind} ${result.error.message}`);
    const outcome = result.value as ImportOutcome;
    const table = hostile.accepted?.table;
    const rows = (name: string) => (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
    return {
      outcome,
      stored: table ? (db.prepare(`SELECT * FROM ${table} ORDER BY id LIMIT 1`).get() as Record<string, unknown> | undefined) : undefined,
      nothingWritten: [...registers.map((register) => register.table), 'office', 'import_log'].every((name) => rows(name) === 0),
    };
  } finally {
    db.close();
  }
}

/** Whether the file came out as its case says. */
export function asExpected(hostile: HostileFile, { outcome, stored, nothingWritten }: HostileOutcome): boolean {
  if (hostile.refused) {
    const messages = outcome.problems.map((problem) => problem.message);
    const found = messages.some((message) =>
      typeof hostile.refused === 'string' ? message.includes(hostile.refused) : hostile.refused!.test(message),
    );
    return !outcome.ok && outcome.rejectedFiles.includes(hostile.file.name) && found && nothingWritten;
  }
  return outcome.ok && stored !== undefined && Object.entries(hostile.accepted!.fields).every(([field, value]) => stored[field] === value);
}

// ---- a large CSV with a problem in nearly every row -----------------------------------------

export interface LargeCsvMeasure {
  readonly file: string;
  readonly megabytes: number;
  /** What the process's memory (RSS) grew by at most while the file was streamed and checked, MB. */
  readonly peakGrowthMegabytes: number;
  readonly problems: number;
  /** The last problem: how many more were counted but not listed. */
  readonly lastMessage: string;
  readonly nothingWritten: boolean;
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Writes a CSV of `megabytes` MB of 法律咨询 rows to a temp file, a chunk at a time; the rows
 * repeat every 700, so every later row repeats an earlier one's key.
 */
export function writeLargeCsv(megabytes: number): string {
  const file = path.join(tempDir('large-csv'), '法律咨询.csv');
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `\ufeff${consultationHeader.join(',')}\r\n`);
    const chunk = Buffer.from(Array.from({ length: 20_000 }, (_, n) => `2024-05-${String((n % 28) + 1).padStart(2, '0')},城${n % 50}司法所,来访,民事,2,当场解答\r\n`).join(''));
    for (let written = 0; written < megabytes * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** Imports a large CSV from its path (as the CLI does), sampling the memory it takes. */
export async function importLargeCsv(file: string): Promise<LargeCsvMeasure> {
  const db = openDatabase(':memory:', { create: true });
  try {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const outcome = await importLedgers(db, [{ name: file, path: file }], { user: '测试员', onProgress: sample });
    sample();
    const rows = (name: string) => (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
    return {
      file,
      megabytes: mb(fs.statSync(file).size),
      peakGrowthMegabytes: mb(peak - before),
      problems: outcome.problems.length,
      lastMessage: outcome.problems.at(-1)?.message ?? '',
      nothingWritten: !outcome.ok && ['consultation', 'office', 'import_log'].every((name) => rows(name) === 0),
    };
  } finally {
    db.close();
  }
}

/** The large CSV's size, MB (more than the 50 MB an import once refused), and the most its check may add to memory. */
export const LARGE_CSV_MB = 60;
export const LARGE_CSV_MEMORY_MB = 300;

export async function hostileFilesScenario(): Promise<ScenarioResult> {
  const files = await hostileFiles();
  let refused = 0;
  let read = 0;
  const wrong: string[] = [];
  for (const hostile of files) {
    const result = await importHostile(hostile);
    if (!asExpected(hostile, result)) wrong.push(hostile.title);
    else if (hostile.refused) refused++;
    else read++;
  }
  const csv = writeLargeCsv(LARGE_CSV_MB);
  try {
    const large = await importLargeCsv(csv);
    const largeRefused = large.nothingWritten && /另有\d+处问题未列出/.test(large.lastMessage);
    return {
      name: '恶意文件：损坏、伪装、超大与含公式的台账',
      figures: {
        恶意文件数: files.length + 1,
        被拒绝的文件: refused + (largeRefused ? 1 : 0),
        按值或文本读入的文件: read,
        结果不符的文件: wrong.length,
        ...(wrong.length > 0 ? { 不符的文件: wrong.join('、') } : {}),
        [`${LARGE_CSV_MB}MB CSV 流式检查时内存增长（MB）`]: large.peakGrowthMegabytes,
      },
      ok: wrong.length === 0 && largeRefused && large.peakGrowthMegabytes < LARGE_CSV_MEMORY_MB,
    };
  } finally {
    fs.rmSync(path.dirname(csv), { recursive: true, force: true });
  }
}
