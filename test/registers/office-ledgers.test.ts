// The rules of registers.md §6 as an import meets them (every problem named by sheet, row,
// column, value and reason, and nothing of a refused file written) and as the form's save
// meets them (each on its field, nothing changed).

import { describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers, type LedgerInput } from '../../db/import/import-ledger.ts';

const csv = (name: string, lines: string[]): LedgerInput => ({ name, content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8') });
const count = (db: RegisterDatabase, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const advisers = () =>
  csv('村居法律顾问.csv', [
    '姓名,单位,执业机构,身份,服务村(居),聘任日期,解聘日期',
    '甲顾问,城西司法所,,律师,东村、西村,2020-01-01,2024-06-30',
    '乙顾问,城南司法所,,律师,南村,2020-01-01,',
  ]);

async function importOf(...files: LedgerInput[]) {
  const db = openDatabase(':memory:', { create: true });
  const outcome = await importLedgers(db, files, { user: '测试' });
  return { db, outcome, messages: outcome.problems.map((problem) => problem.message) };
}

describe('村居法律顾问', () => {
  it('names a dismissal not after the appointment, an unknown 身份, no village, a second adviser of one name in one office', async () => {
    const { db, messages } = await importOf(
      csv('村居法律顾问.csv', [
        '姓名,单位,执业机构,身份,服务村(居),聘任日期,解聘日期',
        '甲顾问,城西司法所,,律师,东村,2020-01-01,2020-01-01',
        '乙顾问,城西司法所,,法官,东村,2020-01-01,',
        '丙顾问,城西司法所,,律师,、,2020-01-01,',
        '丁顾问,城西司法所,,律师,东村,2020-01-01,',
        '丁顾问,城西司法所,,律师,西村,2021-01-01,',
      ]),
    );
    expect(messages).toEqual([
      '村居法律顾问 第2行 解聘日期「2020-01-01」应晚于聘任日期',
      '村居法律顾问 第3行 身份「法官」应为 「律师」「基层法律服务工作者」「其他」 之一',
      '村居法律顾问 第4行 服务村(居)「、」至少填写一个村(居)',
      '村居法律顾问 第6行 与第5行重复（该单位的同名法律顾问相同）',
    ]);
    expect(count(db, 'legal_adviser')).toBe(0);
  });

  it('keeps the villages once each, joined by 、', async () => {
    const { db, messages } = await importOf(
      csv('村居法律顾问.csv', ['姓名,单位,执业机构,身份,服务村(居),聘任日期,解聘日期', '甲顾问,城西司法所,,律师,东村，西村、东村,2020-01-01,']),
    );
    expect(messages).toEqual([]);
    expect(db.prepare('SELECT villages FROM legal_adviser').pluck().get()).toBe('东村、西村');
  });
});

describe('法律顾问服务', () => {
  it('takes only an adviser of the office, in post that day, at one of their villages', async () => {
    const { db, messages } = await importOf(
      advisers(),
      csv('法律顾问服务.csv', [
        '日期,单位,法律顾问,服务村(居),服务类型,数量,备注',
        '2024-06-29,城西司法所,甲顾问,东村,法律咨询,2,',
        '2024-06-30,城西司法所,甲顾问,东村,法律咨询,2,',
        '2019-12-31,城西司法所,甲顾问,东村,法律咨询,2,',
        '2024-03-01,城西司法所,甲顾问,南村,法律咨询,2,',
        '2024-03-01,城西司法所,乙顾问,南村,法律咨询,2,',
        '2024-03-01,城西司法所,甲顾问,西村,讲课,0,',
      ]),
    );
    expect(messages).toEqual([
      '法律顾问服务 第3行 日期「2024-06-30」不在该法律顾问的聘任期内（2020-01-01 至 2024-06-30（解聘））',
      '法律顾问服务 第4行 日期「2019-12-31」不在该法律顾问的聘任期内（2020-01-01 至 2024-06-30（解聘））',
      '法律顾问服务 第5行 服务村(居)「南村」不是该法律顾问服务的村(居)（东村、西村）',
      '法律顾问服务 第6行 法律顾问「乙顾问」不是该单位的村(居)法律顾问（请先在「村居法律顾问」中登记）',
      '法律顾问服务 第7行 服务类型「讲课」应为 「入村(居)服务」「法律咨询」「法治讲座」「参与调解」「代理诉讼」「法律援助」「法律意见书」「审查合同」「审查村规民约」「代写文书」「参与处理群体性事件」「其他」 之一',
      '法律顾问服务 第7行 数量「0」应不小于 1',
    ]);
    expect(count(db, 'legal_adviser')).toBe(2);
    expect(count(db, 'legal_adviser_service')).toBe(0);
  });
});

describe('普法活动', () => {
  it('names too few sessions, a negative audience and an unknown form', async () => {
    const { db, messages } = await importOf(
      csv('普法活动.csv', [
        '日期,单位,活动形式,主题,面向对象,场次,受众人次',
        '2024-03-01,城西司法所,法治讲座,民法典,,0,10',
        '2024-03-02,城西司法所,法治讲座,民法典,,1,-1',
        '2024-03-03,城西司法所,广播,民法典,,1,',
        '2024-03-04,城西司法所,法治讲座,,,1,',
      ]),
    );
    expect(messages).toEqual([
      '普法活动 第2行 场次「0」应不小于 1',
      '普法活动 第3行 受众人次「-1」应不小于 0',
      '普法活动 第4行 活动形式「广播」应为 「法治讲座」「现场宣传咨询」「以案释法」「线上直播」「新媒体推送」「法治文艺」「其他」 之一',
      '普法活动 第5行 主题「」必须填写',
    ]);
    expect(count(db, 'publicity_activity')).toBe(0);
  });
});

describe('安置帮教对象', () => {
  const header = '姓名,身份证号码,单位,人员类型,原罪名,释放日期,衔接日期,衔接方式,安置方式,安置日期,落实帮教,帮教期满日期,重新犯罪日期';
  it('holds the date orders: 衔接 ≥ 释放, 安置 ≥ 衔接 and only with an 安置方式, 期满 > 释放, 重新犯罪 inside the 帮教期', async () => {
    const { db, messages } = await importOf(
      csv('安置帮教对象.csv', [
        header,
        '甲,110105198001101006,城西司法所,刑满释放人员,,2024-03-01,2024-02-28,,,,是,2029-03-01,',
        '乙,11010519800111101X,城西司法所,刑满释放人员,,2024-03-01,2024-03-02,,就业,,是,2029-03-01,',
        '丙,110105198001121023,城西司法所,刑满释放人员,,2024-03-01,2024-03-02,,,2024-04-01,是,2029-03-01,',
        '丁,110105198001131037,城西司法所,刑满释放人员,,2024-03-01,2024-03-05,,就业,2024-03-04,是,2029-03-01,',
        '戊,110105198001141040,城西司法所,刑满释放人员,,2024-03-01,2024-03-02,,,,是,2024-03-01,',
        '己,110105198001151054,城西司法所,刑满释放人员,,2024-03-01,2024-03-02,,,,是,2029-03-01,2024-02-29',
        '庚,110105198001161068,城西司法所,刑满释放人员,,2024-03-01,2024-03-02,,,,是,2029-03-01,2029-03-02',
        '辛,110105198001171078,城西司法所,假释人员,,2024-03-01,2024-03-02,,,,是,2029-03-01,',
      ]),
    );
    expect(messages).toEqual([
      '安置帮教对象 第2行 衔接日期「2024-02-28」早于释放日期',
      '安置帮教对象 第3行 安置日期「」已填写安置方式时必须填写',
      '安置帮教对象 第4行 安置方式「」已填写安置日期时必须填写',
      '安置帮教对象 第5行 安置日期「2024-03-04」早于衔接日期',
      '安置帮教对象 第6行 帮教期满日期「2024-03-01」应晚于释放日期',
      '安置帮教对象 第7行 重新犯罪日期「2024-02-29」应在释放日期与帮教期满日期之间',
      '安置帮教对象 第8行 重新犯罪日期「2029-03-02」应在释放日期与帮教期满日期之间',
      '安置帮教对象 第9行 身份证号码「110105198001171078」校验位应为 1',
      '安置帮教对象 第9行 人员类型「假释人员」应为 「刑满释放人员」「解除社区矫正人员」 之一',
    ]);
    expect(count(db, 'resettlement')).toBe(0);
  });

  it('takes the boundaries themselves: 衔接 on the release day, 重新犯罪 on the release and on the last day', async () => {
    const { messages } = await importOf(
      csv('安置帮教对象.csv', [
        header,
        '甲,110105198001101006,城西司法所,刑满释放人员,,2024-03-01,2024-03-01,必接必送,就业,2024-03-01,是,2029-03-01,2024-03-01',
        '乙,11010519800111101X,城西司法所,解除社区矫正人员,,2024-03-01,2024-03-02,自行报到,,,否,2029-03-01,2029-03-01',
      ]),
    );
    expect(messages).toEqual([]);
  });
});

describe('the form\'s save', () => {
  it('names the field of each problem and changes nothing', async () => {
    const { db } = await importOf(advisers());
    const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试', today: () => '2024-12-31' });
    const adviser = db.prepare("SELECT id, office_id FROM legal_adviser WHERE name = '甲顾问'").get() as { id: number; office_id: number };
    const before = count(db, 'legal_adviser_service');
    const refused = await call('legalAdviserService.create', {
      record: { served_on: '2024-06-30', office_id: adviser.office_id, adviser_id: adviser.id, village: '南村', service_type: 'consultation', quantity: 0 },
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.fieldErrors).toEqual({ quantity: '应不小于 1' });
    const related = await call('legalAdviserService.create', {
      record: { served_on: '2024-06-30', office_id: adviser.office_id, adviser_id: adviser.id, village: '南村', service_type: 'consultation', quantity: 1 },
    });
    expect(!related.ok && related.error.fieldErrors).toEqual({
      served_on: '不在该法律顾问的聘任期内（2020-01-01 至 2024-06-30（解聘））',
      village: '不是该法律顾问服务的村(居)（东村、西村）',
    });
    expect(count(db, 'legal_adviser_service')).toBe(before);
    const saved = await call('legalAdviserService.create', {
      record: { served_on: '2024-06-29', office_id: adviser.office_id, adviser_id: adviser.id, village: '西村', service_type: 'consultation', quantity: 1 },
    });
    expect(saved.ok).toBe(true);
    const twice = await call('legalAdviserService.create', {
      record: { served_on: '2024-06-29', office_id: adviser.office_id, adviser_id: adviser.id, village: '西村', service_type: 'consultation', quantity: 2 },
    });
    expect(!twice.ok && twice.error.fieldErrors).toEqual({ service_type: '同一日期、法律顾问、村(居)、类型的服务已存在' });
  });
});
