// What the importer cannot recognise, through the CLI (registers.md §5): without a mapping the
// import refuses (exit 1), writes nothing and names every unknown column and value; with
// MAPPING.json it imports; the answers are remembered for that header layout, so the same
// layout imports next time without the file. A CSV whose name and columns do not say which
// register it is takes --register.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';

const write = (dir: string, name: string, lines: string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
  return file;
};

const count = (dbFile: string, table: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

function county(dir: string) {
  return {
    orgs: write(dir, '调解组织.csv', ['名称,类型,所属单位,成立日期', '东村人民调解委员会,村(居)调委会,城西司法所,2020-01-01']),
    mediators: write(dir, '调解员.csv', ['姓名,所属调解组织,专兼职,聘任日期', '苏海,东村人民调解委员会,兼职,2020-02-01']),
    // A name that says nothing; 主调人 and 调解地点 are no header words of §5; 家事纠纷 is no 纠纷类型.
    cases: write(dir, '调解案件-导入测试.csv', [
      '案号,调委会,受理日期,来源,纠纷类别,当事人,主调人,调解结果,结案日期,协议形式,不成功去向,调解地点',
      '(2024)东调字第0001号,东村人民调解委员会,2024-03-05,当事人申请,家事纠纷,张三、李四,苏海,调解成功,2024-03-20,书面,,村委会',
      '(2024)东调字第0002号,东村人民调解委员会,2024-04-01,当事人申请,邻里纠纷,王五、赵六,苏海,调解中,,,,村委会',
      '(2024)东调字第0003号,东村人民调解委员会,2024-05-01,主动调解,家事纠纷,钱七、孙八,苏海,调解不成功,2024-05-09,,引导诉讼,村委会',
    ]),
  };
}

describe('import --mapping', () => {
  it('refuses without the answers, naming every unknown column and value, and imports with them', () => {
    const dir = tempDir('mapping');
    const dbFile = path.join(dir, '台账.sqlite');
    const files = county(dir);
    const base = runCli(['import', '--db', dbFile, files.orgs, files.mediators]);
    expect(base.status, base.stderr).toBe(0);

    const refused = runCli(['import', '--db', dbFile, files.cases]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('调解案件-导入测试 缺少必填列：「调解员」');
    expect(refused.stderr).toContain('不认识的列：调解案件-导入测试「主调人」');
    expect(refused.stderr).toContain('不认识的列：调解案件-导入测试「调解地点」');
    expect(count(dbFile, 'mediation_case')).toBe(0);

    const columnsOnly = path.join(dir, 'columns.json');
    fs.writeFileSync(columnsOnly, JSON.stringify({ columns: { 主调人: '调解员', 调解地点: null } }));
    const stillRefused = runCli(['import', '--db', dbFile, '--mapping', columnsOnly, files.cases]);
    expect(stillRefused.status).toBe(1);
    expect(stillRefused.stderr).toContain('不认识的值：调解案件-导入测试 纠纷类型「家事纠纷」（2 行，首见第2行；');
    expect(stillRefused.stderr).not.toContain('不认识的列');
    expect(count(dbFile, 'mediation_case')).toBe(0);

    const mapping = path.join(dir, 'MAPPING.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: { 主调人: '调解员', 调解地点: null }, values: { 纠纷类型: { 家事纠纷: '婚姻家庭' } } }));
    const imported = runCli(['import', '--db', dbFile, '--mapping', mapping, files.cases]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('纠纷类型：家事纠纷 → 婚姻家庭：2 行');
    expect(imported.stdout).toContain('纠纷类型：邻里纠纷 → 邻里：1 行');
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT case_no, dispute_type, result FROM mediation_case ORDER BY case_no').all()).toEqual([
      { case_no: '(2024)东调字第0001号', dispute_type: 'marriage_family', result: 'succeeded' },
      { case_no: '(2024)东调字第0002号', dispute_type: 'neighbour', result: 'pending' },
      { case_no: '(2024)东调字第0003号', dispute_type: 'marriage_family', result: 'failed' },
    ]);
    db.close();

    // The same layout again, edited, without the file: the answers were remembered.
    const edited = write(dir, '调解案件-二月.csv', [
      '案号,调委会,受理日期,来源,纠纷类别,当事人,主调人,调解结果,结案日期,协议形式,不成功去向,调解地点',
      '(2024)东调字第0004号,东村人民调解委员会,2024-06-05,当事人申请,家事纠纷,周九、吴十,苏海,调解成功,2024-06-20,口头,,村委会',
    ]);
    const remembered = runCli(['import', '--db', dbFile, edited]);
    expect(remembered.status, remembered.stderr).toBe(0);
    expect(count(dbFile, 'mediation_case')).toBe(4);
  }, 120_000);

  it('takes --register for a CSV whose name and columns do not say which register it is', () => {
    const dir = tempDir('register');
    const dbFile = path.join(dir, '台账.sqlite');
    // 排查次数 and 次数 both: as much 矛盾纠纷排查 as 远程视频会见.
    const file = write(dir, '导入.csv', ['日期,单位,排查次数,次数', '2024-05-01,城西司法所,1,2']);
    const undecided = runCli(['import', '--db', dbFile, file]);
    expect(undecided.status).toBe(1);
    expect(undecided.stderr).toContain('无法判断是哪一种台账（表头既像「矛盾纠纷排查」又像「远程视频会见」，无法判断，请指定台账种类）');
    const chosen = runCli(['import', '--db', dbFile, '--register', '远程视频会见', file]);
    expect(chosen.status, chosen.stderr).toBe(0);
    expect(chosen.stdout).toContain('导入：按「远程视频会见」读取（由用户指定为「远程视频会见」），表头在第1行');
    expect(count(dbFile, 'remote_visit')).toBe(1);
    expect(count(dbFile, 'dispute_sweep')).toBe(0);
  }, 120_000);

  it('refuses a mapping file that is not one, and writes nothing', () => {
    const dir = tempDir('bad-mapping');
    const dbFile = path.join(dir, '台账.sqlite');
    const mapping = path.join(dir, 'MAPPING.json');
    fs.writeFileSync(mapping, '{"columns": [1, 2]}');
    const run = runCli(['import', '--db', dbFile, '--mapping', mapping, county(dir).orgs]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('映射文件「');
    expect(fs.existsSync(dbFile)).toBe(false);
  }, 60_000);
});
