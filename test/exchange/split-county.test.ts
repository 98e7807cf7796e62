// The sample county (sample/ and sample-extra/) split across offices, from the command line (exchange.md): each joined
// office imports its own share of the ledgers at its own site, the bureau imports the rest
// (局本级, 法律援助中心), packages are carried in shuffled order with duplicates and a stale
// one, and the bureau's figures equal expected.json's for the whole county; each office's own
// report (the CLI at its site, naming no office) equals expected.json's figures for that office.

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { runReport } from '../../db/report/engine.ts';
import { readExpectedWhole, runCli, sampleDir, sampleExtraDir, tempDir } from '../support/cli.ts';

const expected = readExpectedWhole();
const dir = tempDir('split-county');
const bureauDb = path.join(dir, 'bureau.sqlite');
const joined = ['城西司法所', '城南司法所', '西湖司法所', '太平司法所'];
const dbOf = (office: string) => path.join(dir, `${office}.sqlite`);
const share = (owner: string) => path.join(dir, `${owner}-台账`);

type Row = Record<string, string>;

/** Every ledger of the county: file name → its path. */
const ledgers = new Map(
  [sampleDir, sampleExtraDir].flatMap((fixture) => fs.readdirSync(path.join(fixture, 'csv')).map((file) => [file, path.join(fixture, 'csv', file)] as const)),
);

function readCsv(file: string): { fields: string[]; rows: Row[] } {
  const parsed = Papa.parse<Row>(fs.readFileSync(ledgers.get(file)!, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  return { fields: parsed.meta.fields!, rows: parsed.data };
}

/** Writes each owner's rows of every ledger into its folder: the office a row belongs to, as exchange.md says. */
function splitSample(): void {
  const orgOffice = new Map(readCsv('调解组织.csv').rows.map((row) => [row['名称']!, row['所属单位']!]));
  const stints = readCsv('社区矫正对象.csv').rows;
  const stintOffice = (idNumber: string, day: string) => {
    const mine = stints.filter((stint) => stint['身份证号码'] === idNumber).sort((a, b) => (a['入矫日期']! < b['入矫日期']! ? -1 : 1));
    const covering = mine.filter((stint) => stint['入矫日期']! <= day);
    return (covering.at(-1) ?? mine[0])!['执行地司法所']!;
  };
  const ownerOf: Record<string, (row: Row) => string> = {
    '调解组织.csv': (row) => row['所属单位']!,
    '调解员.csv': (row) => orgOffice.get(row['所属调解组织']!)!,
    '人民调解案件.csv': (row) => orgOffice.get(row['调解组织']!)!,
    '社区矫正对象.csv': (row) => row['执行地司法所']!,
    '社区矫正事件.csv': (row) => stintOffice(row['身份证号码']!, row['日期']!),
  };
  for (const file of ledgers.keys()) {
    const { fields, rows } = readCsv(file);
    const owner = ownerOf[file] ?? ((row: Row) => row['单位']!);
    const byOwner = new Map<string, Row[]>();
    for (const row of rows) {
      const office = joined.includes(owner(row)) ? owner(row) : '局端';
      byOwner.set(office, [...(byOwner.get(office) ?? []), row]);
    }
    for (const [office, mine] of byOwner) {
      fs.mkdirSync(share(office), { recursive: true });
      fs.writeFileSync(path.join(share(office), file), Papa.unparse({ fields, data: mine.map((row) => fields.map((field) => row[field] ?? '')) }));
    }
  }
}

const filesOf = (owner: string) => fs.readdirSync(share(owner)).map((file) => path.join(share(owner), file));

function cli(args: string[], status = 0) {
  const run = runCli(args);
  expect(run.status, run.stderr).toBe(status);
  return run;
}

/** The report at an office site, which names no office: the site's own figures. */
function report(db: string, from: string, to: string) {
  const run = cli(['report', '--db', db, '--from', from, '--to', to, '--format', 'json']);
  return JSON.parse(run.stdout) as { office: string | null; indicators: Record<string, number | null> };
}

beforeAll(splitSample);

describe('a county split across offices, from the command line', () => {
  it('invite needs the bureau’s database to exist', () => {
    const run = cli(['exchange', 'invite', '--db', bureauDb, '--office', '城西司法所', '--out', path.join(dir, 'x.join')], 2);
    expect(run.stderr).toContain('不存在');
    expect(fs.existsSync(bureauDb)).toBe(false);
  });

  it('carries every office’s ledger to the bureau in any order, and the figures are the county’s', () => {
    cli(['import', '--db', bureauDb, ...filesOf('局端')]);
    for (const office of joined) cli(['exchange', 'invite', '--db', bureauDb, '--office', office, '--out', path.join(dir, `${office}.join`)]);
    const packages: string[] = [];
    for (const office of joined) {
      const joinRun = cli(['exchange', 'join', '--db', dbOf(office), path.join(dir, `${office}.join`)]);
      expect(joinRun.stdout).toContain(`本机已成为${office}的电脑`);
      const stale = path.join(dir, `${office}-0.pkg`);
      if (office === '城西司法所') {
        expect(cli(['exchange', 'join', '--db', dbOf(office), path.join(dir, `${office}.join`)], 1).stderr).toContain('加入文件不能再用一次');
        cli(['exchange', 'export', '--db', dbOf(office), '--out', stale]);
        // An office site takes only its own rows: the bureau's share is refused whole.
        expect(cli(['import', '--db', dbOf(office), ...filesOf('局端')], 1).stderr).toContain(`本机是${office}的电脑`);
      }
      cli(['import', '--db', dbOf(office), ...filesOf(office)]);
      const fresh = path.join(dir, `${office}-1.pkg`);
      cli(['exchange', 'export', '--db', dbOf(office), '--out', fresh]);
      packages.push(fresh);
      if (office === '城西司法所') packages.push(stale, fresh);
    }
    // Out of order: 城西's fresh package, then its stale one, then the fresh one again.
    const outcomes = [0, 1, 4, 2, 5, 3].map((index) => cli(['exchange', 'import', '--db', bureauDb, packages[index]!]).stdout);
    expect(outcomes.filter((out) => out.includes('已导入过'))).toHaveLength(2);

    const bureau = openDatabase(bureauDb, { create: false });
    try {
      for (const testCase of expected.cases) {
        const officeId = testCase.office === null ? null : (bureau.prepare('SELECT id FROM office WHERE name = ?').pluck().get(testCase.office) as number);
        const atBureau = runReport(bureau, { from: testCase.from, to: testCase.to, officeId, compare: false });
        expect(atBureau.indicators, `${testCase.from}…${testCase.to} ${testCase.office ?? ''}`).toEqual(testCase.indicators);
      }
    } finally {
      bureau.close();
    }
    for (const testCase of expected.cases.filter((c) => c.office !== null)) {
      const atOffice = report(dbOf(testCase.office!), testCase.from, testCase.to);
      expect(atOffice.office).toBe(testCase.office);
      expect(atOffice.indicators).toEqual(testCase.indicators);
    }

    // The bureau no longer takes ledger rows of joined offices: the whole sample is refused.
    const again = cli(['import', '--db', bureauDb, ...filesOf('城西司法所')], 1);
    expect(again.stderr).toContain('该记录属于城西司法所，城西司法所已加入本县数据交换，请在城西司法所的电脑上修改');

    const status = JSON.parse(cli(['exchange', 'status', '--db', bureauDb, '--format', 'json']).stdout) as {
      role: string;
      offices: { office: string; joined: boolean; lastSeq: number; lastRecords: number }[];
    };
    expect(status.role).toBe('bureau');
    expect(status.offices.map((office) => office.office).sort()).toEqual([...joined].sort());
    for (const office of status.offices) expect(office.joined && office.lastSeq > 0 && office.lastRecords > 0).toBe(true);

    // The acknowledgement goes back; the office then has nothing left to send.
    const back = path.join(dir, 'ack.pkg');
    cli(['exchange', 'export', '--db', bureauDb, '--office', '城西司法所', '--out', back]);
    expect(cli(['exchange', 'import', '--db', dbOf('城西司法所'), back]).stdout).toContain('已导入局端的数据包');
    const officeStatus = JSON.parse(cli(['exchange', 'status', '--db', dbOf('城西司法所'), '--format', 'json']).stdout) as {
      pending: number;
      seq: number;
      acked: number;
    };
    expect(officeStatus.pending).toBe(0);
    expect(officeStatus.acked).toBe(officeStatus.seq);
    expect(cli(['exchange', 'import', '--db', bureauDb, back], 1).stderr).toContain('这是局端生成的数据包，应在司法所的电脑上导入');
  }, 300_000);
});
