// Importing ledgers (registers.md §4): every spelling of a well-kept ledger read the same way;
// a ledger with bad rows refused whole with every problem named exactly; foreign files refused;
// upsert by key; undo as a whole.

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importHistory, undoImport } from '../../db/import/import-history.ts';
import { importLedgers, type LedgerInput } from '../../db/import/import-ledger.ts';

const user = '测试';

const csv = (name: string, lines: string[], encoding: 'utf8-bom' | 'utf8' | 'gbk' = 'utf8-bom'): LedgerInput => {
  const text = lines.join('\r\n') + '\r\n';
  const content =
    encoding === 'gbk'
      ? iconv.encode(text, 'gbk')
      : Buffer.concat([encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  return { name, content };
};

const orgs = (rows: string[] = []) =>
  csv('调解组织.csv', [
    '名称,类型,专业领域,所属单位,成立日期,撤销日期',
    '城西镇人民调解委员会,乡镇(街道)调委会,,城西司法所,2015-03-01,',
    '东村人民调解委员会,村(居)调委会,,城西司法所,2022-07-17,',
    ...rows,
  ]);

const mediators = () =>
  csv('调解员.csv', [
    '姓名,身份证号码,性别,所属调解组织,专兼职,身份背景,聘任日期,解聘日期',
    '苏海,,男,城西镇人民调解委员会,专职,退休法官,2016-01-01,',
    '龙霞,44510219680513907X,男,东村人民调解委员会,兼职,其他,2020-10-21,',
  ]);

const cases = (rows: string[]) =>
  csv('人民调解案件.csv', [
    '案件编号,调解组织,受理日期,案件来源,纠纷类型,当事人,涉及人数,涉及金额(元),案件难度,调解员,调解结果,结案日期,协议形式,履行情况,不成功去向,防止民转刑,防止群体性上访,防止群体性械斗,防止自杀,备注',
    ...rows,
  ]);

function freshDb(): RegisterDatabase {
  return openDatabase(':memory:', { create: true });
}

const count = (db: RegisterDatabase, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a ledger with bad rows', () => {
  it('is refused whole, with every problem named by sheet, row, column, value and reason', async () => {
    const db = freshDb();
    const outcome = await importLedgers(
      db,
      [
        orgs([
          '西湖人民调解委员会,街道调委会,,西湖司法所,2018-05-01,',
          '南村人民调解委员会,村(居)调委会,,西湖司法所,2024-13-01,',
          '北村人民调解委员会,村(居)调委会,,西湖司法所,2020-01-01,2019-01-01',
          ',村(居)调委会,,西湖司法所,2020-01-01,',
        ]),
      ],
      { user },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.importId).toBeNull();
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      '调解组织 第4行 类型「街道调委会」应为 「村(居)调委会」「乡镇(街道)调委会」「企事业单位调委会」「行业性专业性调委会」「派驻调解室」「个人调解工作室」「其他」 之一',
      '调解组织 第5行 成立日期「2024-13-01」不是有效日期',
      '调解组织 第6行 撤销日期「2019-01-01」早于成立日期',
      '调解组织 第7行 名称「」必须填写',
    ]);
    expect(outcome.problems[1]).toMatchObject({ sheet: '调解组织', row: 5, column: '成立日期', value: '2024-13-01', reason: '不是有效日期' });
    // Nothing written: not the good rows, not the offices the file named.
    expect(count(db, 'mediation_org')).toBe(0);
    expect(count(db, 'office')).toBe(0);
    expect(count(db, 'import_log')).toBe(0);
  });

  it('names the mediation-case rules: result and closing date, agreement, route, mediators of the organisation', async () => {
    const db = freshDb();
    const outcome = await importLedgers(
      db,
      [
        orgs(),
        mediators(),
        cases([
          '(2024)城西调字第0001号,城西镇人民调解委员会,2024-02-03,主动调解,邻里,甲、乙,2,100,一般,苏海,调解成功,2024-02-01,书面,,,否,否,否,否,',
          '(2024)城西调字第0002号,城西镇人民调解委员会,2024-02-03,主动调解,邻里,甲、乙,2,100,一般,苏海,调解成功,2024-02-05,,,,否,否,否,否,',
          '(2024)城西调字第0003号,城西镇人民调解委员会,2024-02-03,主动调解,邻里,甲、乙,2,100,一般,苏海,调解不成功,2024-02-05,,,,否,否,否,否,',
          '(2024)城西调字第0004号,城西镇人民调解委员会,2024-02-03,主动调解,邻里,甲、乙,1,100,一般,龙霞,调解中,,,,,否,否,否,否,',
          '(2024)城西调字第0005号,城西镇人民调解委员会,2024-02-03,主动调解,邻里,甲,1,12.345,一般,苏海,调解中,,,,,也许,否,否,否,',
        ]),
      ],
      { user },
    );
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      '人民调解案件 第2行 结案日期「2024-02-01」早于受理日期',
      '人民调解案件 第3行 协议形式「」调解成功时必须填写（书面或口头）',
      '人民调解案件 第4行 不成功去向「」调解不成功时必须填写（须告知当事人救济途径）',
      '人民调解案件 第5行 调解员「龙霞」其中「龙霞」不是该调解组织的调解员',
      '人民调解案件 第6行 涉及金额(元)「12.345」金额最多保留两位小数',
      '人民调解案件 第6行 防止民转刑「也许」应填写「是」或「否」',
    ]);
    // The organisations' and mediators' files were clean: they are written; the cases file is not.
    expect(outcome.rejectedFiles).toEqual(['人民调解案件.csv']);
    expect(count(db, 'mediation_org')).toBe(2);
    expect(count(db, 'mediator')).toBe(2);
    expect(count(db, 'mediation_case')).toBe(0);
  });

  it('rejects a file whose rows name records of a rejected file (the rejection cascades)', async () => {
    const db = freshDb();
    const badOrgs = orgs(['西湖人民调解委员会,村(居)调委会,,西湖司法所,2024-02-30,']);
    const outcome = await importLedgers(db, [mediators(), badOrgs], { user });
    expect(outcome.rejectedFiles.sort()).toEqual(['调解员.csv', '调解组织.csv']);
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      '调解组织 第4行 成立日期「2024-02-30」不是有效日期',
      '调解员 第2行 所属调解组织「城西镇人民调解委员会」调解组织不存在（请先在「调解组织」中登记）',
      '调解员 第3行 所属调解组织「东村人民调解委员会」调解组织不存在（请先在「调解组织」中登记）',
    ]);
    expect(count(db, 'mediator')).toBe(0);
  });

  it('stops a sheet that lacks a required column, and reports unknown columns', async () => {
    const db = freshDb();
    const outcome = await importLedgers(
      db,
      [csv('调解组织.csv', ['名称,类型,所属单位,备忘', '城西镇人民调解委员会,乡镇(街道)调委会,城西司法所,x'])],
      { user },
    );
    expect(outcome.problems.map((problem) => problem.message)).toEqual(['调解组织 缺少必填列：「成立日期」']);
    expect(count(db, 'mediation_org')).toBe(0);
  });

  it('reports duplicate keys inside one ledger', async () => {
    const db = freshDb();
    const outcome = await importLedgers(db, [orgs(['东村人民调解委员会,村(居)调委会,,城西司法所,2022-07-17,'])], { user });
    expect(outcome.problems.map((problem) => problem.message)).toEqual(['调解组织 第4行 与第3行重复（同名调解组织相同）']);
  });
});

describe('foreign files', () => {
  it('refuses a file that is not a workbook, random bytes, CSVs whose name and columns say no register, and old .xls — writing nothing', async () => {
    const db = freshDb();
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const outcome = await importLedgers(
      db,
      [
        { name: '台账.xlsx', content: Buffer.from('%PDF-1.4 这是一份PDF') },
        { name: '人民调解案件.csv', content: random },
        csv('随便.csv', ['名称,类型', '甲,乙']),
        csv('导入测试.csv', ['甲,乙', '1,2']),
        { name: '老台账.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
        orgs(),
      ],
      { user },
    );
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      '台账.xlsx 文件「台账.xlsx」不是有效的 Excel 工作簿（.xlsx），可能已损坏或并非 Excel 文件',
      '人民调解案件.csv 文件「人民调解案件.csv」不是文本格式的 CSV 文件',
      // Its columns are half of 调解组织's required ones: read as that register, the rest named missing.
      '随便 缺少必填列：「所属单位」「成立日期」',
      expect.stringMatching(/^导入测试\.csv 无法判断是哪一种台账（表头与任何一种台账的必填列都对不上）：请在导入页选择台账种类，或在命令行加 --register 台账名称/),
      '老台账.xls 文件「老台账.xls」是旧版 Excel/WPS 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入',
    ]);
    // The one good file goes in.
    expect(outcome.rejectedFiles).toHaveLength(5);
    expect(count(db, 'mediation_org')).toBe(2);
  });
});

describe('spellings of a well-kept ledger', () => {
  const messyCases = cases([
    '(2024)城西调字第0001号,城西镇人民调解委员会,2024/1/5,当事人申请,婚姻家庭,张三、李四,3,"12,345.50",,苏海,调解成功,2024年1月20日,书面,已履行,,Y,1,√,,',
    '(2024)城西调字第0002号,城西镇人民调解委员会,2024.2.5,当事人申请,邻里,王五，赵六,,12345.5元,重大,苏海,调解不成功,2024-03-01,,,引导诉讼,N,0,,否,',
  ]);

  async function importedCases(inputs: LedgerInput[]) {
    const db = freshDb();
    const outcome = await importLedgers(db, inputs, { user });
    expect(outcome.problems).toEqual([]);
    return db
      .prepare(
        `SELECT case_no, received_on, closed_on, amount_fen, difficulty, party_names, people_count, prevented_criminal,
           prevented_petition, prevented_fight, prevented_suicide, result, failure_route FROM mediation_case ORDER BY case_no`,
      )
      .all();
  }

  const expectedCases = [
    {
      case_no: '(2024)城西调字第0001号',
      received_on: '2024-01-05',
      closed_on: '2024-01-20',
      amount_fen: 1_234_550,
      difficulty: 'ordinary',
      party_names: '张三、李四',
      people_count: 3,
      prevented_criminal: 1,
      prevented_petition: 1,
      prevented_fight: 1,
      prevented_suicide: 0,
      result: 'succeeded',
      failure_route: null,
    },
    {
      case_no: '(2024)城西调字第0002号',
      received_on: '2024-02-05',
      closed_on: '2024-03-01',
      amount_fen: 1_234_550,
      difficulty: 'major',
      party_names: '王五、赵六',
      people_count: null,
      prevented_criminal: 0,
      prevented_petition: 0,
      prevented_fight: 0,
      prevented_suicide: 0,
      result: 'failed',
      failure_route: 'litigation',
    },
  ];

  it('reads every listed spelling of dates, money and 是/否 (UTF-8 with BOM)', async () => {
    expect(await importedCases([orgs(), mediators(), messyCases])).toEqual(expectedCases);
  });

  it('reads the same ledger saved by Chinese Excel as GBK, and as UTF-8 without BOM, sheets in any order', async () => {
    const asGbk = (input: LedgerInput) => ({
      name: input.name,
      content: iconv.encode(input.content.subarray(3).toString('utf8'), 'gbk'),
    });
    const noBom = (input: LedgerInput) => ({ name: input.name, content: input.content.subarray(3) });
    expect(await importedCases([asGbk(messyCases), asGbk(mediators()), asGbk(orgs())])).toEqual(expectedCases);
    expect(await importedCases([noBom(messyCases), noBom(orgs()), noBom(mediators())])).toEqual(expectedCases);
  });

  it('matches headers with stray spaces and full-width brackets, in any column order', async () => {
    const reordered = csv('调解组织.csv', [
      ' 所属单位 ,成立日期, 名称 ,类型　',
      '城西司法所,2015-03-01,城西镇人民调解委员会,乡镇（街道）调委会',
    ]);
    const db = freshDb();
    const outcome = await importLedgers(db, [reordered], { user });
    expect(outcome.problems).toEqual([]);
    expect(db.prepare('SELECT name, kind, founded_on FROM mediation_org').all()).toEqual([
      { name: '城西镇人民调解委员会', kind: 'township', founded_on: '2015-03-01' },
    ]);
  });

  it('reads an .xlsx with real date cells, text dates, numeric money, a title row and a sheet to ignore', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本工作簿为测试用']);
    const sheet = workbook.addWorksheet('调解组织');
    sheet.addRow(['城西司法所调解组织台账']);
    sheet.addRow(['名称', '类型', '所属单位', '成立日期', '撤销日期']);
    sheet.addRow(['城西镇人民调解委员会', '乡镇(街道)调委会', '城西司法所', new Date(Date.UTC(2015, 2, 1)), null]);
    sheet.addRow(['东村人民调解委员会', '村(居)调委会', '城西司法所', '2022年7月17日', 45658]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const db = freshDb();
    const outcome = await importLedgers(db, [{ name: '台账.xlsx', content }], { user });
    expect(outcome.problems).toEqual([]);
    expect(outcome.notices).toContain('台账.xlsx：工作表「说明」不是台账（表头与任何一种台账的必填列都对不上），已忽略');
    expect(db.prepare('SELECT name, founded_on, dissolved_on FROM mediation_org ORDER BY founded_on').all()).toEqual([
      { name: '城西镇人民调解委员会', founded_on: '2015-03-01', dissolved_on: null },
      // Serial 45658 = 2025-01-01 (45292 = 2024-01-01, plus 366 days of 2024).
      { name: '东村人民调解委员会', founded_on: '2022-07-17', dissolved_on: '2025-01-01' },
    ]);
  });

  it('refuses a wrong 身份证号码 checksum, and a 性别 that disagrees with the number', async () => {
    const db = freshDb();
    const outcome = await importLedgers(
      db,
      [
        orgs(),
        csv('调解员.csv', [
          '姓名,身份证号码,性别,所属调解组织,专兼职,身份背景,聘任日期,解聘日期',
          '苏海,445102196806222761,女,城西镇人民调解委员会,专职,,2016-01-01,',
          '龙霞,44510219680513907X,女,东村人民调解委员会,兼职,,2020-10-21,',
        ]),
      ],
      { user },
    );
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      '调解员 第2行 身份证号码「445102196806222761」校验位应为 4',
      '调解员 第3行 性别「女」与身份证号码不符',
    ]);
  });
});

describe('upsert and undo', () => {
  it('changes nothing on a second import, updates edited rows, and undoes an import as a whole', async () => {
    const db = freshDb();
    const first = await importLedgers(db, [orgs(), mediators()], { user });
    expect(first.sheets.map((sheet) => [sheet.sheet, sheet.added, sheet.updated, sheet.unchanged])).toEqual([
      ['调解组织', 2, 0, 0],
      ['调解员', 2, 0, 0],
    ]);
    const again = await importLedgers(db, [mediators(), orgs()], { user });
    expect(again.sheets.map((sheet) => [sheet.sheet, sheet.added, sheet.updated, sheet.unchanged])).toEqual([
      ['调解组织', 0, 0, 2],
      ['调解员', 0, 0, 2],
    ]);

    const edited = csv('调解组织.csv', [
      '名称,类型,专业领域,所属单位,成立日期,撤销日期',
      '城西镇人民调解委员会,乡镇(街道)调委会,,城西司法所,2015-03-01,2024-06-30',
      '新村人民调解委员会,村(居)调委会,,城南司法所,2023-01-01,',
    ]);
    const third = await importLedgers(db, [edited], { user });
    expect(third.sheets[0]).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
    expect(third.officesCreated).toEqual(['城南司法所']);
    expect(db.prepare("SELECT dissolved_on FROM mediation_org WHERE name = '城西镇人民调解委员会'").pluck().get()).toBe('2024-06-30');

    // Only the latest import in force can be undone.
    expect(() => undoImport(db, first.importId!)).toThrow('只能撤销最近一次仍有效的导入');
    expect(undoImport(db, third.importId!)).toEqual({ restored: 1, removed: 2 });
    expect(db.prepare("SELECT dissolved_on FROM mediation_org WHERE name = '城西镇人民调解委员会'").pluck().get()).toBeNull();
    expect(count(db, 'mediation_org')).toBe(2);
    expect(db.prepare("SELECT count(*) FROM office WHERE name = '城南司法所'").pluck().get()).toBe(0);
    expect(() => undoImport(db, third.importId!)).toThrow(/已于 .* 撤销/);

    // The second import changed nothing, so undoing it removes nothing; then the first goes.
    const history = importHistory(db);
    expect(history.map((entry) => [entry.id, entry.undoable, entry.undoneAt !== null])).toEqual([
      [third.importId, false, true],
      [again.importId, true, false],
      [first.importId, false, false],
    ]);
    expect(undoImport(db, again.importId!)).toEqual({ restored: 0, removed: 0 });
    expect(undoImport(db, first.importId!)).toEqual({ restored: 0, removed: 5 });
    expect(count(db, 'mediation_org') + count(db, 'mediator') + count(db, 'office')).toBe(0);
  });

  it('a preview writes nothing but counts what an import would do', async () => {
    const db = freshDb();
    const preview = await importLedgers(db, [orgs(), mediators()], { user, preview: true });
    expect(preview.ok).toBe(true);
    expect(preview.importId).toBeNull();
    expect(preview.sheets.map((sheet) => sheet.added)).toEqual([2, 2]);
    expect(count(db, 'mediation_org') + count(db, 'office') + count(db, 'import_log')).toBe(0);
  });
});
