// The figures of 村(居)法律顾问, 普法 and 安置帮教 on small ledgers worked out by hand, with the
// boundaries indicators.md names: 解聘日期 = to, 聘任日期 = to, 帮教期满日期 = from and = to,
// 重新犯罪日期 = to and before from, 安置日期 after to, 衔接日期 after to; an office's share.

import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers, type LedgerInput } from '../../db/import/import-ledger.ts';
import { drillDown, runReport } from '../../db/report/engine.ts';
import { qualityWarnings } from '../../db/report/quality.ts';

const csv = (name: string, lines: string[]): LedgerInput => ({ name, content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8') });

const ledgers = [
  csv('村居法律顾问.csv', [
    '姓名,单位,执业机构,身份,服务村(居),聘任日期,解聘日期',
    '甲顾问,城西司法所,城西律师事务所,律师,东村、西村,2020-01-01,2024-12-31', // dismissed on to: gone at the end of to
    '乙顾问,城西司法所,,基层法律服务工作者,西村、南村,2023-05-01,',
    '戊顾问,城西司法所,,律师,南村,2021-01-01,', // 南村 again: one village
    '丙顾问,城南司法所,,其他,东村,2024-12-31,', // appointed on to; 城南's 东村 is not 城西's
    '丁顾问,城南司法所,,律师,北村,2022-01-01,2025-01-01',
  ]),
  csv('法律顾问服务.csv', [
    '日期,单位,法律顾问,服务村(居),服务类型,数量,备注',
    '2024-12-30,城西司法所,甲顾问,东村,法律咨询,5,',
    '2024-01-01,城西司法所,乙顾问,西村,法治讲座,2,',
    '2023-12-31,城西司法所,乙顾问,南村,法律咨询,7,',
    '2024-12-31,城南司法所,丙顾问,东村,入村(居)服务,1,',
    '2023-06-01,城南司法所,丁顾问,北村,法律咨询,3,',
  ]),
  csv('普法活动.csv', [
    '日期,单位,活动形式,主题,面向对象,场次,受众人次',
    '2024-01-01,城西司法所,法治讲座,民法典进村,农村群众,1,100',
    '2024-12-31,城南司法所,新媒体推送,年终普法,,3,',
    '2023-12-31,城西司法所,法治讲座,年末讲座,老年人,1,50',
    '2024-06-01,城南司法所,法治讲座,反诈讲座,老年人,2,40',
  ]),
  csv('安置帮教对象.csv', [
    '姓名,身份证号码,单位,人员类型,原罪名,释放日期,衔接日期,衔接方式,安置方式,安置日期,落实帮教,帮教期满日期,重新犯罪日期',
    'R1,110105198001101006,城西司法所,刑满释放人员,盗窃罪,2019-01-01,2019-01-03,必接必送,,,是,2024-01-01,', // ends on from
    'R2,11010519800111101X,城西司法所,刑满释放人员,盗窃罪,2019-12-31,2020-01-02,必接必送,,,是,2024-12-31,', // ends on to
    'R3,110105198001121023,城西司法所,刑满释放人员,诈骗罪,2023-03-01,2023-03-02,自行报到,,,否,2028-03-01,2024-12-31', // reoffends on to
    'R4,110105198001131037,城西司法所,刑满释放人员,诈骗罪,2022-01-01,2022-01-05,自行报到,,,否,2027-01-01,2023-12-31', // reoffended before from
    'R5,110105198001141040,城西司法所,解除社区矫正人员,危险驾驶罪,2024-12-20,2024-12-22,自行报到,就业,2025-01-05,是,2029-12-20,', // settled after to
    'R6,110105198001151054,城西司法所,刑满释放人员,盗窃罪,2024-03-01,2024-03-01,必接必送,务农,2024-03-10,是,2029-03-01,',
    'R7,110105198001161068,城西司法所,刑满释放人员,盗窃罪,2024-12-30,2025-01-02,必接必送,,,是,2029-12-30,', // taken over after to
    'R8,110105198001171071,城南司法所,解除社区矫正人员,盗窃罪,2024-05-01,2024-05-03,必接必送,,,否,2029-05-01,',
  ]),
];

let db: RegisterDatabase;
const year = { from: '2024-01-01', to: '2024-12-31' };
const officeId = (name: string) => (db.prepare('SELECT id FROM office WHERE name = ?').get(name) as { id: number }).id;
const names = (id: string, scope: { from: string; to: string; officeId?: number }) =>
  drillDown(db, { ...scope, id }).rows.map((row) => row.name);

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  const outcome = await importLedgers(db, ledgers, { user: '测试' });
  expect(outcome.problems.map((problem) => problem.message)).toEqual([]);
});

describe('村(居)法律顾问, 2024', () => {
  it('counts the advisers in post at the end of to and the villages they cover', () => {
    const figures = runReport(db, year).indicators;
    expect(figures['legal_adviser.advisers']).toBe(4); // 乙, 戊, 丙 (appointed on to), 丁 (dismissed after to); not 甲
    expect(names('legal_adviser.advisers', year)).not.toContain('甲顾问');
    expect(figures['legal_adviser.villages']).toBe(4); // 城西 西村, 南村; 城南 东村, 北村
    expect(figures['legal_adviser.services']).toBe(8); // 5 + 2 + 1
    expect(figures['legal_adviser.services.consultation']).toBe(5);
    expect(figures['legal_adviser.services.lecture']).toBe(2);
    expect(figures['legal_adviser.services.visit']).toBe(1);
    expect(figures['legal_adviser.services.opinion']).toBe(0);
  });

  it("gives an office its own share", () => {
    const west = runReport(db, { ...year, officeId: officeId('城西司法所') }).indicators;
    expect([west['legal_adviser.advisers'], west['legal_adviser.villages'], west['legal_adviser.services']]).toEqual([2, 2, 7]);
    const south = runReport(db, { ...year, officeId: officeId('城南司法所') }).indicators;
    expect([south['legal_adviser.advisers'], south['legal_adviser.villages'], south['legal_adviser.services']]).toEqual([2, 2, 1]);
  });

  it('counts 甲 the day before the dismissal', () => {
    const figures = runReport(db, { from: '2024-01-01', to: '2024-12-30' }).indicators;
    expect(figures['legal_adviser.advisers']).toBe(4); // 甲, 乙, 戊, 丁; 丙 not yet appointed
    expect(figures['legal_adviser.villages']).toBe(4); // 城西 东村, 西村, 南村; 城南 北村
  });
});

describe('普法, 2024', () => {
  it('adds up sessions and audience, empty audience as none', () => {
    const figures = runReport(db, year).indicators;
    expect(figures['publicity.sessions']).toBe(6); // 1 + 3 + 2
    expect(figures['publicity.audience']).toBe(140); // 100 + 40
    expect(figures['publicity.sessions.lecture']).toBe(3);
    expect(figures['publicity.sessions.new_media']).toBe(3);
    expect(figures['publicity.audience.lecture']).toBe(140);
    expect(figures['publicity.sessions.arts']).toBe(0);
  });
});

describe('安置帮教, 2024', () => {
  it('gives every figure as worked out by hand', () => {
    const figures = runReport(db, year).indicators;
    expect({
      received: figures['resettlement.received'],
      prison: figures['resettlement.received.prison'],
      correction: figures['resettlement.received.correction'],
      handover: figures['resettlement.handover'],
      settled: figures['resettlement.settled'],
      settleRate: figures['resettlement.settle_rate'],
      helped: figures['resettlement.helped'],
      helpRate: figures['resettlement.help_rate'],
      managed: figures['resettlement.managed'],
      activeEnd: figures['resettlement.active_end'],
      reoffended: figures['resettlement.reoffended'],
      reoffenseRate: figures['resettlement.reoffense_rate'],
    }).toEqual({
      received: 3, // R5, R6, R8 (R7 taken over after to)
      prison: 1,
      correction: 2,
      handover: 2, // R6, R8
      settled: 1, // R6; R5 settled after to
      settleRate: 33.33, // 1 / 3
      helped: 2, // R5, R6
      helpRate: 66.67, // 2 / 3
      managed: 6, // R1 (ends on from), R2 (ends on to), R3 (reoffends on to), R5, R6, R8; not R4, R7
      activeEnd: 3, // R5, R6, R8
      reoffended: 1, // R3
      reoffenseRate: 16.67, // 1 / 6
    });
    expect(names('resettlement.managed', year)).toEqual(['R1', 'R2', 'R3', 'R6', 'R8', 'R5']);
  });

  it('leaves out the record whose 帮教期 ended the day before from', () => {
    const figures = runReport(db, { from: '2024-01-02', to: '2024-12-31' }).indicators;
    expect(figures['resettlement.managed']).toBe(5);
    expect(figures['resettlement.reoffense_rate']).toBe(20);
  });

  it('gives an office its own share, its rates recomputed', () => {
    const south = runReport(db, { ...year, officeId: officeId('城南司法所') }).indicators;
    expect([south['resettlement.received'], south['resettlement.settle_rate'], south['resettlement.help_rate'], south['resettlement.managed']]).toEqual([1, 0, 0, 1]);
    const west = runReport(db, { ...year, officeId: officeId('城西司法所') }).indicators;
    expect([west['resettlement.received'], west['resettlement.settle_rate'], west['resettlement.help_rate']]).toEqual([2, 50, 100]);
  });

  it('counts 2023 in last year, with 同比 against it', () => {
    const report = runReport(db, { ...year, compare: true });
    expect(report.previous!['resettlement.reoffended']).toBe(1); // R4
    expect(report.change!['resettlement.reoffended']).toBe(0); // (1 − 1) / 1
    expect(report.previous!['resettlement.received']).toBe(1); // R3
    expect(report.change!['resettlement.received']).toBe(200); // (3 − 1) / 1
    expect(report.previous!['publicity.sessions']).toBe(1);
    expect(report.change!['publicity.sessions']).toBe(500); // (6 − 1) / 1
    expect(report.change!['resettlement.settle_rate']).toBeNull(); // a rate has no 同比
  });
});

describe('安置帮教 reminders (report.quality, as the home page asks)', () => {
  it('lists people released more than 30 days ago with no 安置方式, and 帮教期 ending within 30 days', () => {
    const warnings = qualityWarnings(db, { asOf: '2024-12-01' });
    const byCode = Object.fromEntries(warnings.map((warning) => [warning.code, warning]));
    // R8 released 2024-05-01, unsettled; R2 (2019-12-31) too, its 帮教期 still running; R1's has ended;
    // R3 and R4 (重新犯罪 after / before asOf): R3 still counts, R4 re-offended before it; R5, R7 released within 30 days.
    expect(byCode['resettlement.unsettled']!.records.map((record) => record.label.slice(0, 2))).toEqual(['R2', 'R3', 'R8']);
    expect(byCode['resettlement.unsettled']!.message).toBe('3 名安置帮教对象释放已超过30天仍未安置');
    // R2's 帮教期 ends on 2024-12-31, the 30th day after asOf.
    expect(byCode['resettlement.help_ending_soon']!.records.map((record) => record.label.slice(0, 2))).toEqual(['R2']);
    expect(qualityWarnings(db, { asOf: '2025-01-01' }).find((warning) => warning.code === 'resettlement.help_ending_soon')).toBeUndefined();
  });
});
