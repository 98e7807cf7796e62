// A made-up county's ledgers (台账): the 示例数据 a newcomer loads in one click, and the counties
// the benchmark imports at 1×, 10× and 100× the size of the sample county. The sixteen sheets
// have the column headers and the labels of registers.md and obey every rule the import checks
// (mediators belong to the case's organisation, one person's stints never overlap, events lie
// inside their stint, 通知类 legal aid is 刑事 …), so `importLedgers` takes them without a
// single problem. Deterministic: the same options give the same CSV bytes. It makes files, it
// never touches a database.

import type { LedgerInput } from '../import/import-ledger.ts';
import { registerByName } from '../registers/index.ts';
import type { RegisterName } from '../registers/register.ts';
import { generateOfficeLedgers, type Release } from './generate-office-ledgers.ts';
import { LedgerSheet, workbookFile, type Cell, type Column, type ColumnKind } from './ledger-files.ts';
import { IdNumbers, personName, type Sex } from './people.ts';
import { addMonths, dayOf, isoOf, isWeekday, Random, yearOf, type Day } from './random.ts';

export interface CountyOptions {
  readonly seed: number;
  /** 1 ≈ the sample county (six offices); 10 and 100 multiply the offices and every volume. */
  readonly scale: number;
  /** The first year with cases and daily records (the roster starts four years earlier). */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Used for case numbers: 潮州市湘桥区司法局 gives (2024)湘法援字第0001号 and 区劳动争议… */
  readonly bureauName?: string;
  /** The last day with records (default 31 December of lastYear), e.g. today for the 示例数据. */
  readonly until?: string;
  /** Keep the three 人民调解 sheets in one 台账.xlsx, as many bureaus do, instead of three CSV files. */
  readonly workbook?: boolean;
}

export const DEFAULT_BUREAU_NAME = '潮州市湘桥区司法局';

/** The seed of the 示例数据: the same sample for everyone. */
export const SAMPLE_SEED = 20_250_301;

/**
 * The 示例数据: a county the size of the sample, over the two years before `today`'s year and
 * this year up to `today`.
 */
export function sampleCountyLedgers(today: string): Promise<LedgerInput[]> {
  const year = Number(today.slice(0, 4));
  return generateCounty({ seed: SAMPLE_SEED, scale: 1, firstYear: year - 2, lastYear: year, until: today });
}

export async function generateCounty(options: CountyOptions): Promise<LedgerInput[]> {
  const county = new County(options);
  county.generate();
  const workbookSheets = options.workbook ? county.sheets.slice(0, 3) : [];
  const files: LedgerInput[] = [];
  if (workbookSheets.length > 0) {
    files.push(await workbookFile('台账.xlsx', workbookSheets, new Date(county.end * 86_400_000)));
  }
  for (const sheet of county.sheets) if (!workbookSheets.includes(sheet)) files.push(sheet.csv());
  return files;
}

// ---- the sheets, with the column headers of registers.md ----------------------------------------

const columns = (spec: string): Column[] =>
  spec.split(' ').map((entry) => {
    const [header, kind] = entry.split(':') as [string, ColumnKind | undefined];
    return kind ? { header, kind } : { header };
  });

/** The columns of each register's sheet; the sheet is named as the register (its title). */
const sheetColumns = {
  mediationOrg: columns('名称 类型 专业领域 所属单位 成立日期:date 撤销日期:date'),
  mediator: columns('姓名 身份证号码 性别 所属调解组织 专兼职 身份背景 聘任日期:date 解聘日期:date'),
  mediationCase: columns(
    '案件编号 调解组织 受理日期:date 案件来源 纠纷类型 当事人 涉及人数:number 涉及金额(元):number 案件难度 调解员 调解结果 ' +
      '结案日期:date 协议形式 履行情况 不成功去向 防止民转刑 防止群体性上访 防止群体性械斗 防止自杀 备注',
  ),
  disputeSweep: columns('日期 单位 排查次数 发现纠纷数 备注'),
  legalAidCase: columns(
    '案件编号 单位 受理日期 案件来源 通知机关 案件类别 刑事诉讼阶段 案由 审查结果 告知承诺制 受援人 身份证号码 性别 出生日期 ' +
      '特殊群体 承办人 承办人类型 指派日期 结案日期 结案方式 挽回经济损失(元) 备注',
  ),
  consultation: columns('日期 单位 方式 事项类别 人次 处理结果'),
  dutyShift: columns('日期 单位 值班地点 律师 法律帮助人次 认罪认罚见证'),
  correctionStint: columns('姓名 身份证号码 执行地司法所 矫正类别 罪名 决定机关 矫正起始日期 矫正期满日期 入矫日期 监管等级 解矫日期 解矫类型'),
  correctionEvent: columns('身份证号码 日期 事件类型 说明'),
  correctionActivity: columns('日期 单位 活动类型 主题 参加人数'),
  investigation: columns('委托编号 单位 委托日期 委托机关 被调查人 评估意见 完成日期'),
  remoteVisit: columns('日期 单位 次数'),
  legalAdviser: columns('姓名 单位 执业机构 身份 服务村(居) 聘任日期:date 解聘日期:date'),
  legalAdviserService: columns('日期:date 单位 法律顾问 服务村(居) 服务类型 数量:number 备注'),
  publicityActivity: columns('日期:date 单位 活动形式 主题 面向对象 场次:number 受众人次:number'),
  resettlement: columns('姓名 身份证号码 单位 人员类型 原罪名 释放日期:date 衔接日期:date 衔接方式 安置方式 安置日期:date 落实帮教 帮教期满日期:date 重新犯罪日期:date'),
} as const satisfies Partial<Record<RegisterName, Column[]>>;

type SampledRegister = keyof typeof sheetColumns;

const sampledRegisters = Object.keys(sheetColumns) as SampledRegister[];

const sheetNameOf = (register: SampledRegister) => registerByName.get(register)!.title;

/** The sheets' names (人民调解案件 …), in the order they are written. */
export const sheetNames: readonly string[] = sampledRegisters.map(sheetNameOf);

/** The column headers of a sheet, as registers.md gives them. */
export function sheetHeaders(sheet: string): string[] {
  const register = sampledRegisters.find((candidate) => sheetNameOf(candidate) === sheet);
  return register ? sheetColumns[register].map((column) => column.header) : [];
}

// ---- volumes: per year at scale 1, taken from the sample county (2022 to February 2025) ----------

const perYear = {
  mediationCases: 700,
  legalAidCases: 740,
  consultations: 1190,
  dutyShifts: 355,
  correctionEntries: 185,
  investigations: 62,
  /** Per township office. */
  sweeps: 42,
  remoteVisitDays: 39,
  groupEducation: 12,
  communityService: 4,
  training: 2,
  groupCounselling: 0.5,
};

/** How many years before `firstYear` the roster reaches back (people already under correction). */
const ROSTER_HISTORY_YEARS = 4;

const TOWNSHIPS_PER_SCALE = 4;

// ---- lists of made-up place and organisation names ---------------------------------------------

const firstTownships = ['城西', '城南', '西湖', '太平'];
const townshipFirstChars = [...'东西南北中上新龙凤金银石桃竹梅兰松柏青白黄溪河湖江山岭坪田洲湾桥'];
const townshipSecondChars = [...'山岭溪河湖桥塘田坪港湾洲岗头坑埔口浦阳源'];
const villageStems = ['东', '西', '南', '北', '上', '下', '前', '后', '新', '和平', '凤凰', '龙湖', '金山', '桥头', '田心', '长美', '福聚', '安乐', '溪口', '塘边'];
const companyStems = ['金龙', '华丰', '宏达', '永兴', '三环', '富源', '鸿运', '顺昌', '恒通', '瑞丰'];

type OrgKind = '村(居)调委会' | '乡镇(街道)调委会' | '企事业单位调委会' | '行业性专业性调委会' | '派驻调解室' | '个人调解工作室';

interface Office {
  readonly name: string;
  /** The 调字 prefix of its organisations' case numbers: 城西, or 区 for the bureau's own. */
  readonly casePrefix: string;
}

interface MediationOrg {
  readonly name: string;
  readonly kind: OrgKind;
  readonly specialty: string | null;
  readonly office: Office;
  readonly founded: Day;
  readonly dissolved: Day | null;
  /** Relative share of the county's cases. */
  readonly caseWeight: number;
  readonly mediators: Mediator[];
}

interface Mediator {
  readonly name: string;
  readonly appointed: Day;
  readonly dismissed: Day | null;
}

// ---- value tables ----------------------------------------------------------------------------

type Table<T = string> = readonly (readonly [T, number])[];

const generalDisputes: Table = [
  ['邻里', 14], ['婚姻家庭', 13], ['房屋宅基地', 10], ['合同', 7], ['损害赔偿', 8], ['山林土地', 4], ['生产经营', 4],
  ['征地拆迁', 2.5], ['拖欠农民工工资', 4], ['其他劳动争议', 3], ['物业', 4], ['环境污染', 1], ['其他消费', 1.5],
  ['电子商务', 1.2], ['旅游', 1], ['其他', 6],
];
const disputesBySpecialty: Record<string, Table> = {
  派出所: [['邻里', 30], ['损害赔偿', 25], ['婚姻家庭', 15], ['道路交通事故', 10], ['其他', 10], ['合同', 5]],
  医疗: [['医疗', 1]],
  道路交通: [['道路交通事故', 1]],
  劳动争议: [['拖欠农民工工资', 1], ['其他劳动争议', 1]],
  物业: [['物业', 1]],
  法院: [['合同', 3], ['婚姻家庭', 2], ['损害赔偿', 2], ['房屋宅基地', 1], ['生产经营', 1], ['道路交通事故', 1], ['其他', 1]],
  婚姻家庭: [['婚姻家庭', 1]],
  消费: [['其他消费', 3], ['电子商务', 2], ['旅游', 1]],
};
const generalSources: Table = [
  ['当事人申请', 45], ['主动调解', 30], ['公安移送', 10], ['法院委派委托', 5], ['信访移送', 4], ['其他部门移送', 6],
];
const sourcesBySpecialty: Record<string, Table> = {
  派出所: [['公安移送', 85], ['当事人申请', 15]],
  法院: [['法院委派委托', 90], ['当事人申请', 10]],
  信访: [['信访移送', 80], ['当事人申请', 20]],
  道路交通: [['公安移送', 50], ['当事人申请', 50]],
};
/** Typical sums in dispute (元) by type; 0 when no money is at stake. */
const typicalAmount: Record<string, number> = {
  合同: 30_000, 生产经营: 50_000, 损害赔偿: 8_000, 道路交通事故: 20_000, 医疗: 60_000, 拖欠农民工工资: 15_000,
  其他劳动争议: 10_000, 征地拆迁: 40_000, 房屋宅基地: 5_000, 物业: 2_000, 其他消费: 1_500, 电子商务: 1_000, 旅游: 2_000,
};

const criminalCauses = ['故意伤害', '盗窃', '诈骗', '危险驾驶', '交通肇事', '帮助信息网络犯罪活动', '寻衅滋事', '抢劫'];
const causesByCategory: Record<string, readonly string[]> = {
  民事: ['追索劳动报酬', '工伤赔偿', '交通事故损害赔偿', '离婚纠纷', '抚养费纠纷', '赡养纠纷', '人身损害赔偿', '医疗损害赔偿'],
  行政: ['工伤认定', '社会保险待遇', '行政处罚'],
  国家赔偿: ['刑事赔偿', '行政赔偿'],
  其他非诉: ['追索劳动报酬', '工伤认定申请', '劳动仲裁'],
  刑事: criminalCauses,
};
const closingByCategory: Record<string, Table> = {
  刑事: [['判决', 70], ['裁定', 15], ['终止援助', 10], ['和解', 5]],
  民事: [['判决', 25], ['调解', 25], ['和解', 20], ['撤诉', 10], ['仲裁裁决', 12], ['终止援助', 8]],
  行政: [['判决', 50], ['裁定', 20], ['撤诉', 20], ['终止援助', 10]],
  国家赔偿: [['非诉办结', 50], ['裁定', 30], ['终止援助', 20]],
  其他非诉: [['非诉办结', 90], ['终止援助', 10]],
};
const stageByAuthority: Record<string, string> = { 公安机关: '侦查', 人民检察院: '审查起诉', 人民法院: '审判' };

type CorrectionCategory = '缓刑' | '假释' | '暂予监外执行' | '管制';
const termMonths: Record<CorrectionCategory, readonly number[]> = {
  缓刑: [6, 8, 10, 12, 12, 12, 18, 18, 24, 24, 36, 36, 48, 60],
  假释: [3, 6, 6, 9, 12, 12, 18, 24, 36],
  暂予监外执行: [6, 6, 12, 12, 12, 18, 24],
  管制: [3, 6, 6, 12, 12, 24],
};
const crimesByCategory: Record<CorrectionCategory, Table> = {
  缓刑: [['危险驾驶罪', 20], ['帮助信息网络犯罪活动罪', 18], ['盗窃罪', 15], ['诈骗罪', 15], ['开设赌场罪', 10], ['故意伤害罪', 10], ['交通肇事罪', 10]],
  假释: [['盗窃罪', 3], ['诈骗罪', 3], ['故意伤害罪', 2], ['抢劫罪', 2], ['贩卖毒品罪', 1]],
  暂予监外执行: [['诈骗罪', 3], ['故意伤害罪', 2], ['交通肇事罪', 2], ['非法吸收公众存款罪', 1]],
  管制: [['寻衅滋事罪', 2], ['故意伤害罪', 2], ['危险驾驶罪', 1]],
};
/** Early ends of a stint (probability over the whole stint); the rest end 期满解除 on the term's last day. */
const earlyExits: Record<CorrectionCategory, Table> = {
  缓刑: [['撤销缓刑', 0.04], ['执行地变更迁出', 0.02], ['死亡', 0.003], ['赦免', 0.005]],
  假释: [['撤销假释', 0.025], ['执行地变更迁出', 0.02], ['死亡', 0.01]],
  暂予监外执行: [['收监执行', 0.04], ['死亡', 0.02], ['执行地变更迁出', 0.01]],
  管制: [['执行地变更迁出', 0.02], ['赦免', 0.01]],
};
const revocationRequest: Record<string, string> = { 撤销缓刑: '提请撤销缓刑', 撤销假释: '提请撤销假释', 收监执行: '提请收监执行' };
/** Occasional events, as the chance per person and month under correction. */
const monthlyEvents: Table = [
  ['心理辅导', 0.015], ['外出请假', 0.011], ['训诫', 0.004], ['表扬', 0.0033], ['警告', 0.003], ['电子定位', 0.0015],
  ['提请治安管理处罚', 0.0004], ['脱管', 0.0012],
];

const yesNo = (value: boolean): string => (value ? '是' : '否');

/** An amount of yuan as ledgers write it: whole yuan mostly, sometimes with jiao and fen. */
function yuan(random: Random, typical: number): string {
  const amount = typical * 10 ** (random.next() * 2 - 1);
  return random.chance(0.2) ? (Math.round(amount * 100) / 100).toFixed(2) : String(Math.round(amount));
}

// ---- the county ----------------------------------------------------------------------------------

class County {
  readonly sheets: LedgerSheet[];
  /** First and last day with records. */
  readonly start: Day;
  readonly end: Day;
  private readonly years: number;
  private readonly scale: number;
  private readonly random: Random;
  private readonly ids = new IdNumbers();
  private readonly bureauOffice: Office;
  private readonly legalAidCentre: Office;
  private readonly townships: Office[];
  /** 湘 of 湘桥区, for 湘法援字. */
  private readonly aidAbbreviation: string;
  /** 区 or 县, for the bureau's own organisations (区劳动争议人民调解委员会). */
  private readonly countyWord: string;
  private readonly sheet: Record<SampledRegister, LedgerSheet>;
  /** Stints that ended 期满解除 or 赦免, for the 安置帮教 roll. */
  private readonly releases: Release[] = [];

  constructor(private readonly options: CountyOptions) {
    const { seed, scale, firstYear, lastYear, until } = options;
    if (!Number.isInteger(seed)) throw new Error('seed 应为整数');
    if (!(scale > 0)) throw new Error('scale 应大于 0');
    if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
      throw new Error('firstYear 与 lastYear 应为整数年份，且 firstYear 不晚于 lastYear');
    }
    this.start = dayOf(`${firstYear}-01-01`);
    this.end = until === undefined ? dayOf(`${lastYear}-12-31`) : dayOf(until);
    if (!(this.end >= this.start)) throw new Error(`until「${until}」应为不早于 ${firstYear}-01-01 的日期`);
    this.years = (this.end - this.start + 1) / 365.25;
    this.scale = scale;
    this.random = new Random(seed);
    const county = (options.bureauName ?? DEFAULT_BUREAU_NAME).replace(/司法局$/, '').replace(/^.*[省市州盟]/, '');
    this.aidAbbreviation = county.slice(0, 1) || '本';
    this.countyWord = /[区县市旗]$/.test(county) ? county.slice(-1) : '县';
    this.bureauOffice = { name: '局本级', casePrefix: this.countyWord };
    this.legalAidCentre = { name: '法律援助中心', casePrefix: this.aidAbbreviation };
    this.townships = this.townshipNames().map((name) => ({ name: `${name}司法所`, casePrefix: name }));
    const workbook = options.workbook ?? false;
    this.sheet = Object.fromEntries(
      sampledRegisters.map((register, index) => [register, new LedgerSheet(sheetNameOf(register), sheetColumns[register], workbook && index < 3)]),
    ) as Record<SampledRegister, LedgerSheet>;
    this.sheets = sampledRegisters.map((register) => this.sheet[register]);
  }

  generate(): void {
    const orgs = this.mediationOrgs();
    this.mediators(orgs);
    this.mediationCases(orgs);
    this.disputeSweeps();
    this.legalAidCases();
    this.consultations();
    this.dutyShifts();
    this.correction();
    this.activities();
    this.investigations();
    this.remoteVisits();
    generateOfficeLedgers({
      random: this.random,
      ids: this.ids,
      townships: this.townships.map((office) => office.name),
      firstYear: this.options.firstYear,
      start: this.start,
      end: this.end,
      scale: this.scale,
      releases: this.releases,
      sheets: { advisers: this.sheet.legalAdviser, services: this.sheet.legalAdviserService, publicity: this.sheet.publicityActivity, resettlement: this.sheet.resettlement },
    });
  }

  private townshipNames(): string[] {
    const count = Math.max(1, Math.round(TOWNSHIPS_PER_SCALE * this.scale));
    const random = this.random.fork('townships');
    const candidates = townshipFirstChars
      .flatMap((first) => townshipSecondChars.map((second) => first + second))
      .filter((name) => name[0] !== name[1] && !firstTownships.includes(name));
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const names = [...firstTownships, ...candidates];
    if (count > names.length) throw new Error(`scale ${this.scale} 需要的司法所过多（最多 ${names.length} 个）`);
    return names.slice(0, count);
  }

  /** A day in [from, to], both inclusive. */
  private dayIn(random: Random, from: Day, to: Day): Day {
    return random.int(from, to);
  }

  // ---- 人民调解 ----

  private mediationOrgs(): MediationOrg[] {
    const random = this.random.fork('orgs');
    const orgs: MediationOrg[] = [];
    const firstYear = this.options.firstYear;
    const longAgo = (fromYears: number, toYears: number) =>
      this.dayIn(random, dayOf(`${firstYear - fromYears}-01-01`), dayOf(`${firstYear - toYears}-12-31`));
    const add = (org: Omit<MediationOrg, 'mediators' | 'dissolved'> & { dissolved?: Day | null }) =>
      orgs.push({ ...org, dissolved: org.dissolved ?? null, mediators: [] });
    const word = this.countyWord;
    const bureau = this.bureauOffice;
    const bureauOrgs: [string, OrgKind, string][] = [
      [`${word}医疗纠纷人民调解委员会`, '行业性专业性调委会', '医疗'],
      [`${word}道路交通事故人民调解委员会`, '行业性专业性调委会', '道路交通'],
      [`${word}劳动争议人民调解委员会`, '行业性专业性调委会', '劳动争议'],
      [`${word}物业纠纷人民调解委员会`, '行业性专业性调委会', '物业'],
      [`${word}人民法院诉前人民调解工作室`, '派驻调解室', '法院'],
      ...(this.scale >= 5
        ? ([
            [`${word}婚姻家庭纠纷人民调解委员会`, '行业性专业性调委会', '婚姻家庭'],
            [`${word}消费纠纷人民调解委员会`, '行业性专业性调委会', '消费'],
            [`${word}信访局人民调解工作室`, '派驻调解室', '信访'],
          ] as [string, OrgKind, string][])
        : []),
    ];
    for (const [name, kind, specialty] of bureauOrgs) {
      add({ name, kind, specialty, office: bureau, founded: longAgo(9, 2), caseWeight: specialty === '法院' ? 60 : 40 });
    }
    this.townships.forEach((office, index) => {
      const town = office.casePrefix;
      add({ name: `${town}镇人民调解委员会`, kind: '乡镇(街道)调委会', specialty: null, office, founded: longAgo(10, 3), caseWeight: 40 });
      const stems = [...villageStems];
      const villages = random.int(5, 7);
      for (let v = 0; v < villages; v++) {
        const stem = stems.splice(random.int(0, stems.length - 1), 1)[0]!;
        const recent = random.chance(0.15);
        const founded = recent
          ? this.dayIn(random, this.start, Math.max(this.start, this.end - 365))
          : longAgo(9, 1);
        const dissolved =
          !recent && random.chance(0.03) ? this.dayIn(random, this.start + 180, Math.max(this.start + 180, this.end - 30)) : null;
        add({
          name: `${town}${stem}${random.chance(0.7) ? '村' : '社区'}人民调解委员会`,
          kind: '村(居)调委会',
          specialty: null,
          office,
          founded,
          dissolved: dissolved !== null && dissolved <= this.end ? dissolved : null,
          caseWeight: 7,
        });
      }
      add({ name: `${town}派出所人民调解工作室`, kind: '派驻调解室', specialty: '派出所', office, founded: longAgo(6, 1), caseWeight: 60 });
      if (index % 4 === 1) {
        const company = companyStems[Math.floor(index / 4) % companyStems.length]!;
        add({ name: `${town}${company}公司人民调解委员会`, kind: '企事业单位调委会', specialty: null, office, founded: longAgo(8, 1), caseWeight: 5 });
      }
      if (index % 4 === 3) {
        const founder = personName(random, random.chance(0.5) ? '男' : '女');
        add({ name: `${town}${founder}调解工作室`, kind: '个人调解工作室', specialty: null, office, founded: longAgo(5, 1), caseWeight: 10 });
      }
    });
    for (const org of orgs) {
      this.sheet.mediationOrg.add({
        名称: org.name,
        类型: org.kind,
        专业领域: org.specialty,
        所属单位: org.office.name,
        成立日期: isoOf(org.founded),
        撤销日期: org.dissolved === null ? null : isoOf(org.dissolved),
      });
    }
    return orgs;
  }

  /** 3 to 5 mediators per organisation; two serve from its founding to its end, so a case always has someone. */
  private mediators(orgs: MediationOrg[]): void {
    const random = this.random.fork('mediators');
    for (const org of orgs) {
      const count = random.int(3, 5);
      const names = new Set<string>();
      for (let i = 0; i < count; i++) {
        const sex: Sex = random.chance(0.5) ? '男' : '女';
        let name = personName(random, sex);
        while (names.has(name)) name = personName(random, sex);
        names.add(name);
        const core = i < 2;
        const lastAppointment = Math.min(this.end - 60, (org.dissolved ?? this.end) - 1);
        const appointed = core ? org.founded : this.dayIn(random, org.founded, Math.max(org.founded, lastAppointment));
        let dismissed = org.dissolved;
        if (!core && dismissed === null && random.chance(0.25)) {
          const day = this.dayIn(random, appointed + 180, appointed + 2_000);
          dismissed = day <= this.end ? day : null;
        }
        const mediator = { name, appointed, dismissed };
        org.mediators.push(mediator);
        const birth = appointed - random.int(30, 62) * 365 - random.int(0, 364);
        const professional = org.kind === '行业性专业性调委会' || org.kind === '派驻调解室';
        const background: Table<string | null> = professional
          ? [['退休法官', 12], ['退休检察官', 8], ['退休政法干警', 12], ['律师', 14], ['基层法律服务工作者', 8], ['其他', 6], [null, 4]]
          : [['村(居)干部', 50], ['基层法律服务工作者', 8], ['退休政法干警', 5], ['律师', 3], ['退休法官', 2], ['其他', 20], [null, 12]];
        this.sheet.mediator.add({
          姓名: name,
          身份证号码: random.chance(0.7) ? this.ids.issue(random, birth, sex) : null,
          性别: sex,
          所属调解组织: org.name,
          专兼职: random.chance(professional ? 0.6 : 0.12) ? '专职' : '兼职',
          身份背景: random.weighted(background),
          聘任日期: isoOf(appointed),
          解聘日期: dismissed === null ? null : isoOf(dismissed),
        });
      }
    }
  }

  private mediationCases(orgs: MediationOrg[]): void {
    const random = this.random.fork('mediation-cases');
    const totalWeight = orgs.reduce((sum, org) => sum + org.caseWeight, 0);
    interface Draft {
      org: MediationOrg;
      received: Day;
      row: Record<string, Cell>;
    }
    const drafts: Draft[] = [];
    for (const org of orgs) {
      const from = Math.max(this.start, org.founded + 1);
      const to = org.dissolved === null ? this.end : Math.min(this.end, org.dissolved - 90);
      if (to < from) continue;
      const perDay = (perYear.mediationCases * this.scale * org.caseWeight) / totalWeight / 365.25;
      const count = random.count(perDay * (to - from + 1));
      for (let i = 0; i < count; i++) {
        const received = this.dayIn(random, from, to);
        drafts.push({ org, received, row: this.mediationCase(random, org, received) });
      }
    }
    drafts.sort((a, b) => a.received - b.received);
    const serials = new Map<string, number>();
    for (const draft of drafts) {
      const year = yearOf(draft.received);
      const prefix = draft.org.office.casePrefix;
      const serial = (serials.get(`${prefix}${year}`) ?? 0) + 1;
      serials.set(`${prefix}${year}`, serial);
      this.sheet.mediationCase.add({ 案件编号: `(${year})${prefix}调字第${String(serial).padStart(4, '0')}号`, ...draft.row });
    }
  }

  private mediationCase(random: Random, org: MediationOrg, received: Day): Record<string, Cell> {
    const specialty = org.specialty ?? '';
    const disputeType = random.weighted(disputesBySpecialty[specialty] ?? generalDisputes);
    const partyCount = random.weighted([[2, 72], [3, 25], [4, 3]]);
    const parties = new Set<string>();
    while (parties.size < partyCount) parties.add(personName(random, random.chance(0.55) ? '男' : '女'));
    const active = org.mediators.filter(
      (mediator) => mediator.appointed <= received && (mediator.dismissed === null || mediator.dismissed > received),
    );
    const team = active.length > 0 ? active : org.mediators.slice(0, 2);
    const mediators = new Set([random.pick(team)]);
    if (random.chance(0.25)) mediators.add(random.pick(team));

    const [soonest, latest] = random.weighted<[number, number]>([[[1, 15], 60], [[16, 60], 35], [[61, 120], 5]]);
    let closed: Day | null = received + random.int(soonest, latest);
    if (org.dissolved !== null) closed = Math.min(closed, org.dissolved - 1);
    if (closed > this.end || random.chance(0.01)) closed = null;
    const result = closed === null ? '调解中' : random.chance(0.045) ? '调解不成功' : '调解成功';
    const agreement = result === '调解成功' ? (random.chance(0.67) ? '书面' : '口头') : null;
    let performance =
      result === '调解成功' ? random.weighted<string | null>([['已履行', 70], ['部分履行', 5], ['未履行', 2], ['司法确认', 4], [null, 19]]) : null;
    if (performance === '司法确认' && agreement === '口头') performance = '已履行';
    const typical = typicalAmount[disputeType];
    const amount = typical !== undefined && random.chance(0.75) ? yuan(random, typical) : random.chance(0.5) ? '0' : null;
    return {
      调解组织: org.name,
      受理日期: isoOf(received),
      案件来源: random.weighted(sourcesBySpecialty[specialty] ?? generalSources),
      纠纷类型: disputeType,
      当事人: [...parties].join('、'),
      涉及人数: partyCount + (random.chance(0.04) ? random.int(1, 5) : 0),
      '涉及金额(元)': amount,
      案件难度: random.weighted<string | null>([['一般', 49], ['简单', 30], [null, 16.5], ['重大', 2.3], ['疑难', 2.2]]),
      调解员: [...mediators].map((mediator) => mediator.name).join('、'),
      调解结果: result,
      结案日期: closed === null ? null : isoOf(closed),
      协议形式: agreement,
      履行情况: performance,
      不成功去向: result === '调解不成功' ? random.weighted([['引导诉讼', 58], ['引导行政处理', 17], ['引导仲裁', 14], ['其他', 11]]) : null,
      防止民转刑: yesNo(random.chance(0.023)),
      防止群体性上访: yesNo(random.chance(0.007)),
      防止群体性械斗: yesNo(random.chance(0.004)),
      防止自杀: yesNo(random.chance(0.002)),
      备注: null,
    };
  }

  /** Every township office sweeps for disputes some forty days a year. */
  private disputeSweeps(): void {
    const random = this.random.fork('sweeps');
    for (const office of this.townships) {
      for (let day = this.start; day <= this.end; day++) {
        if (!random.chance(perYear.sweeps / 365.25)) continue;
        this.sheet.disputeSweep.add({
          日期: isoOf(day),
          单位: office.name,
          排查次数: random.int(1, 60),
          发现纠纷数: random.chance(0.24) ? null : random.int(0, 6),
          备注: null,
        });
      }
    }
  }

  // ---- 法律援助 ----

  private legalAidCases(): void {
    const random = this.random.fork('legal-aid');
    const count = random.count(perYear.legalAidCases * this.scale * this.years);
    const received = Array.from({ length: count }, () => this.dayIn(random, this.start, this.end)).sort((a, b) => a - b);
    const serials = new Map<number, number>();
    for (const day of received) {
      const year = yearOf(day);
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      this.sheet.legalAidCase.add({
        案件编号: `(${year})${this.aidAbbreviation}法援字第${String(serial).padStart(4, '0')}号`,
        ...this.legalAidCase(random, day),
      });
    }
  }

  private legalAidCase(random: Random, received: Day): Record<string, Cell> {
    const source = random.weighted([['通知辩护', 71], ['申请', 24], ['通知代理', 5]]);
    const notified = source !== '申请';
    const category = notified
      ? '刑事'
      : random.weighted([['民事', 72], ['刑事', 13], ['其他非诉', 7], ['行政', 6], ['国家赔偿', 2]]);
    const authority = notified ? random.weighted([['人民法院', 34], ['人民检察院', 32], ['公安机关', 30]]) : null;
    const stage = category !== '刑事' ? null : authority ? stageByAuthority[authority]! : random.chance(0.7) ? '审判' : '申诉';
    const cause = random.pick(causesByCategory[category]!);
    const granted = notified || random.chance(0.94);
    const age =
      source === '通知辩护'
        ? random.chance(0.06) ? random.int(14, 17) : random.int(18, 70)
        : source === '通知代理' ? random.int(8, 80) : random.chance(0.15) ? random.int(60, 88) : random.int(18, 59);
    const sex: Sex = random.chance(source === '通知辩护' ? 0.85 : 0.5) ? '男' : '女';
    const birth = received - Math.floor(age * 365.25) - random.int(1, 364);
    const idNumber = random.chance(0.8) ? this.ids.issue(random, birth, sex) : null;
    const showBirth = idNumber === null || random.chance(0.7);
    const groups: string[] = [];
    const labour = cause === '追索劳动报酬' || cause === '工伤赔偿' || cause === '劳动仲裁';
    if (random.chance(labour ? 0.6 : 0.05)) groups.push('农民工');
    for (const [group, chance] of [['残疾人', 0.04], ['少数民族', 0.03], ['军人军属', 0.015], ['新就业形态劳动者', labour ? 0.1 : 0.01], ['低保特困', 0.05], ['外国籍', 0.002], ['英烈近亲属', 0.001], ['见义勇为', 0.001]] as const) {
      if (random.chance(chance)) groups.push(group);
    }
    let closed: Day | null = null;
    let method: string | null = null;
    let recovered = '0';
    if (granted) {
      const days = category === '其他非诉' ? random.int(10, 90) : category === '刑事' ? random.int(60, 300) : random.int(30, 360);
      if (received + days <= this.end) {
        closed = received + days;
        method = random.weighted(closingByCategory[category]!);
        if ((category === '民事' || category === '其他非诉') && ['调解', '和解', '判决', '仲裁裁决', '非诉办结'].includes(method) && random.chance(0.6)) {
          recovered = yuan(random, 20_000);
        }
      }
    }
    return {
      单位: random.chance(0.81) || this.townships.length === 0 ? this.legalAidCentre.name : random.pick(this.townships).name,
      受理日期: isoOf(received),
      案件来源: source,
      通知机关: authority,
      案件类别: category,
      刑事诉讼阶段: stage,
      案由: cause,
      审查结果: granted ? '给予援助' : '不予援助',
      告知承诺制: yesNo(!notified && random.chance(0.08)),
      受援人: personName(random, sex),
      身份证号码: idNumber,
      性别: showBirth ? sex : null,
      出生日期: showBirth ? isoOf(birth) : null,
      特殊群体: groups.length > 0 ? groups.join('、') : null,
      承办人: granted ? personName(random, random.chance(0.6) ? '男' : '女') : null,
      承办人类型: granted
        ? random.weighted([['社会律师', 68], ['基层法律服务工作者', 13], ['法律援助机构工作人员', 12], ['法律援助志愿者', 3], ['社会组织人员', 2.5]])
        : null,
      指派日期: granted ? isoOf(Math.min(this.end, received + random.int(0, 3))) : null,
      结案日期: closed === null ? null : isoOf(closed),
      结案方式: method,
      '挽回经济损失(元)': recovered,
      备注: null,
    };
  }

  /** Consultations are logged per day, office, way and matter; the legal-aid centre sees twice a township's. */
  private consultations(): void {
    const random = this.random.fork('consultations');
    const offices = [this.legalAidCentre, ...this.townships];
    const weightOf = (office: Office) => (office === this.legalAidCentre ? 2 : 1);
    const totalWeight = offices.reduce((sum, office) => sum + weightOf(office), 0);
    const channels: Table = [['来访', 47], ['来电', 41], ['网络', 8.6], ['来信', 3.8]];
    const matters: Table = [['民事', 25], ['刑事', 24], ['行政', 24], ['其他', 25], ['国家赔偿', 1], ['', 1]];
    for (let day = this.start; day <= this.end; day++) {
      const workday = isWeekday(day);
      for (const office of offices) {
        const mean = (perYear.consultations * this.scale * weightOf(office)) / totalWeight / 365.25;
        const count = random.count(workday ? mean * 1.3 : mean * 0.25);
        const seen = new Set<string>();
        for (let i = 0; i < count; i++) {
          const channel = random.weighted(channels);
          const matter = random.weighted(matters);
          if (seen.has(channel + matter)) continue;
          seen.add(channel + matter);
          this.sheet.consultation.add({
            日期: isoOf(day),
            单位: office.name,
            方式: channel,
            事项类别: matter || null,
            人次: 1 + Math.floor(Math.log(1 - random.next()) / Math.log(0.6)),
            处理结果: random.weighted<string | null>([[null, 21], ['当场解答', 20], ['转为法律援助申请', 20], ['引导其他途径', 20], ['代写文书', 19]]),
          });
        }
      }
    }
  }

  /** Duty lawyers sit at the detention centre and the court on working days. */
  private dutyShifts(): void {
    const random = this.random.fork('duty');
    const lawyers = Array.from({ length: Math.max(4, Math.round(12 * this.scale)) }, () =>
      personName(random, random.chance(0.6) ? '男' : '女'),
    );
    const perWorkday = (perYear.dutyShifts * this.scale) / 250;
    const places: Table = [['看守所', 45], ['人民法院', 45], ['人民检察院', 7], ['公共法律服务中心', 3]];
    for (let day = this.start; day <= this.end; day++) {
      if (!isWeekday(day)) continue;
      const seen = new Set<string>();
      const count = random.count(perWorkday);
      for (let i = 0; i < count; i++) {
        const place = random.weighted(places);
        const lawyer = random.pick(lawyers);
        if (seen.has(place + lawyer)) continue;
        seen.add(place + lawyer);
        this.sheet.dutyShift.add({
          日期: isoOf(day),
          单位: this.legalAidCentre.name,
          值班地点: place,
          律师: lawyer,
          法律帮助人次: random.int(0, 9),
          认罪认罚见证: random.int(0, 4),
        });
      }
    }
  }

  // ---- 社区矫正 ----

  /** The roster from four years before the first year, and each stint's supervision events. */
  private correction(): void {
    const random = this.random.fork('correction');
    const historyStart = dayOf(`${this.options.firstYear - ROSTER_HISTORY_YEARS}-01-01`);
    const years = (this.end - historyStart + 1) / 365.25;
    const count = random.count(perYear.correctionEntries * this.scale * years);
    const entries = Array.from({ length: count }, () => this.dayIn(random, historyStart, this.end)).sort((a, b) => a - b);
    for (const entered of entries) {
      const sex: Sex = random.chance(0.85) ? '男' : '女';
      const birth = entered - random.int(18, 70) * 365 - random.int(0, 364);
      const person = { name: personName(random, sex), idNumber: this.ids.issue(random, birth, sex) };
      const office = random.pick(this.townships);
      const exit = this.stint(random, person, office, entered);
      if (exit !== null && exit.type === '期满解除' && random.chance(0.015)) {
        const again = exit.day + random.int(60, 900);
        if (again <= this.end) this.stint(random, person, office, again);
      }
    }
  }

  /** One stint (and its events); returns how it ended, null while it runs on. */
  private stint(
    random: Random,
    person: { name: string; idNumber: string },
    office: Office,
    entered: Day,
  ): { day: Day; type: string } | null {
    const category = random.weighted<CorrectionCategory>([['缓刑', 85.7], ['假释', 6.8], ['暂予监外执行', 5.3], ['管制', 2.2]]);
    const termStart = entered - random.int(0, 10);
    const termEnd = addMonths(termStart, random.pick(termMonths[category])) - 1;
    let exit: { day: Day; type: string } | null = { day: termEnd, type: '期满解除' };
    for (const [type, chance] of earlyExits[category]) {
      if (random.chance(chance) && termEnd - entered > 60) {
        exit = { day: this.dayIn(random, entered + 30, termEnd - 1), type };
        break;
      }
    }
    if (exit.day > this.end) exit = null;
    const level = random.weighted([['普管', 50], ['宽管', 25], ['严管', 25]]);
    const crime = random.weighted(crimesByCategory[category]);
    if (exit !== null && (exit.type === '期满解除' || exit.type === '赦免')) {
      this.releases.push({ name: person.name, idNumber: person.idNumber, office: office.name, crime, day: exit.day });
    }
    this.sheet.correctionStint.add({
      姓名: person.name,
      身份证号码: person.idNumber,
      执行地司法所: office.name,
      矫正类别: category,
      罪名: crime,
      决定机关:
        category === '暂予监外执行' ? random.weighted([['监狱管理机关', 5], ['公安机关', 4], ['人民法院', 3]]) : '人民法院',
      矫正起始日期: isoOf(termStart),
      矫正期满日期: isoOf(termEnd),
      入矫日期: isoOf(entered),
      监管等级: level,
      解矫日期: exit === null ? null : isoOf(exit.day),
      解矫类型: exit?.type ?? null,
    });
    this.events(random, person.idNumber, entered, exit, level);
    return exit;
  }

  /**
   * Monthly 个别教育 and the occasional other event, all from 入矫日期 to the day before 解矫日期;
   * a revocation is requested before it happens, and 再犯罪 may be found on the exit day itself.
   */
  private events(random: Random, idNumber: string, entered: Day, exit: { day: Day; type: string } | null, level: string): void {
    const last = exit === null ? this.end : exit.day - 1;
    const events = new Map<string, [Day, string]>();
    const add = (day: Day, type: string) => events.set(`${day}${type}`, [day, type]);
    for (let day = entered + random.int(0, 7); day <= last; day += random.int(27, 33)) {
      if (random.chance(0.81)) add(day, '个别教育');
    }
    if (level === '严管' && random.chance(0.3)) add(Math.min(entered + random.int(0, 3), last), '电子定位');
    if (random.chance(0.0015)) add(entered, '漏管');
    for (let month = entered; month <= last; month += 30) {
      for (const [type, chance] of monthlyEvents) {
        if (random.chance(chance)) add(Math.min(month + random.int(0, 29), last), type);
      }
    }
    const request = exit === null ? undefined : revocationRequest[exit.type];
    if (exit !== null && request !== undefined) {
      const requested = Math.max(entered, exit.day - random.int(10, 40));
      add(requested, request);
      if (requested > entered && random.chance(0.5)) add(this.dayIn(random, entered, requested - 1), '警告');
      if (exit.type !== '收监执行' && random.chance(0.4)) add(Math.max(entered, exit.day - random.int(0, 20)), '再犯罪');
    }
    const ordered = [...events.values()].filter(([day]) => day >= entered && day <= this.end).sort((a, b) => a[0] - b[0]);
    for (const [day, type] of ordered) this.sheet.correctionEvent.add({ 身份证号码: idNumber, 日期: isoOf(day), 事件类型: type, 说明: null });
  }

  /** Group education monthly, community service and training now and then, numbered per office. */
  private activities(): void {
    const random = this.random.fork('activities');
    const kinds: [string, number, (n: number) => string][] = [
      ['集中教育', perYear.groupEducation, (n) => `第${n}期法治教育`],
      ['公益活动', perYear.communityService, (n) => `第${n}次社区服务`],
      ['职业技能培训', perYear.training, (n) => `技能培训第${n}期`],
      ['心理团体辅导', perYear.groupCounselling, (n) => `第${n}期团体心理辅导`],
    ];
    for (const office of this.townships) {
      for (const [type, perYearCount, topic] of kinds) {
        let serial = 0;
        for (let day = this.start; day <= this.end; day++) {
          if (!random.chance(perYearCount / 365.25)) continue;
          this.sheet.correctionActivity.add({
            日期: isoOf(day),
            单位: office.name,
            活动类型: type,
            主题: topic(++serial),
            参加人数: random.int(5, 35),
          });
        }
      }
    }
  }

  private investigations(): void {
    const random = this.random.fork('investigations');
    const count = random.count(perYear.investigations * this.scale * this.years);
    const commissioned = Array.from({ length: count }, () => this.dayIn(random, this.start, this.end)).sort((a, b) => a - b);
    const serials = new Map<number, number>();
    for (const day of commissioned) {
      const year = yearOf(day);
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      const completed = day + random.int(3, 15);
      const done = completed <= this.end;
      this.sheet.investigation.add({
        委托编号: `DC${year}-${String(serial).padStart(4, '0')}`,
        单位: random.pick(this.townships).name,
        委托日期: isoOf(day),
        委托机关: random.weighted([['人民法院', 73], ['人民检察院', 11.5], ['监狱管理机关', 9.5], ['公安机关', 6]]),
        被调查人: personName(random, random.chance(0.85) ? '男' : '女'),
        评估意见: done ? (random.chance(0.8) ? '适宜' : '不适宜') : null,
        完成日期: done ? isoOf(completed) : null,
      });
    }
  }

  private remoteVisits(): void {
    const random = this.random.fork('remote-visits');
    for (const office of this.townships) {
      for (let day = this.start; day <= this.end; day++) {
        if (!random.chance(perYear.remoteVisitDays / 365.25)) continue;
        this.sheet.remoteVisit.add({ 日期: isoOf(day), 单位: office.name, 次数: random.int(1, 4) });
      }
    }
  }
}
