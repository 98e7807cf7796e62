// The made-up county's ledgers of registers.md §6: 村居法律顾问 (each township's villages in
// groups, each group served by a chain of advisers, a successor appointed on the day the
// predecessor leaves), 法律顾问服务 (only by an adviser in post, at one of their villages),
// 普法活动, and 安置帮教对象 (people released from prison, and the county's own correction
// stints that ended 期满解除 or 赦免). Obeys every rule the import checks; nothing is dated after
// the county's last day except the end of a 帮教期. Deterministic for one Random.

import type { LedgerSheet } from './ledger-files.ts';
import { type IdNumbers, personName, type Sex } from './people.ts';
import { addMonths, dayOf, isoOf, type Day, type Random } from './random.ts';

/** A correction stint that ended 期满解除 or 赦免: the person the office then helps to resettle. */
export interface Release {
  readonly name: string;
  readonly idNumber: string;
  readonly office: string;
  readonly crime: string;
  readonly day: Day;
}

export interface OfficeLedgerContext {
  readonly random: Random;
  readonly ids: IdNumbers;
  /** Township offices (司法所) by name. */
  readonly townships: readonly string[];
  readonly firstYear: number;
  readonly start: Day;
  readonly end: Day;
  readonly scale: number;
  readonly releases: readonly Release[];
  readonly sheets: {
    readonly advisers: LedgerSheet;
    readonly services: LedgerSheet;
    readonly publicity: LedgerSheet;
    readonly resettlement: LedgerSheet;
  };
}

/** Volumes at scale 1, per year, taken from the sample county. */
const perYear = {
  /** Service rows per adviser. */
  servicesPerAdviser: 108,
  /** 普法活动 rows per office. */
  publicityPerOffice: 76,
  prisonReleases: 35,
};

const VILLAGES_PER_TOWNSHIP = 18;
/** How many years before `firstYear` the resettlement roll reaches back (a 帮教期 is five years). */
const RESETTLEMENT_HISTORY_YEARS = 4;

const villageStems = [
  '东', '西', '南', '北', '上', '下', '前', '后', '新', '和平', '凤凰', '龙湖', '金山', '桥头', '田心', '长美', '福聚', '安乐',
  '溪口', '塘边', '杨梅', '高埔', '水美', '青龙', '长安', '白石', '红旗', '大坑',
];
const firmStems = ['潮正', '广和', '金城', '韩江', '正平', '明理', '同信', '德衡'];

type Table<T = string> = readonly (readonly [T, number])[];

/** 服务类型 with their weight and the usual 数量 of one row. */
const serviceTypes: readonly (readonly [string, number, number, number])[] = [
  ['法律咨询', 50, 1, 10],
  ['入村(居)服务', 17, 1, 1],
  ['法治讲座', 3, 1, 1],
  ['参与调解', 3, 1, 2],
  ['代理诉讼', 0.4, 1, 1],
  ['法律援助', 0.4, 1, 1],
  ['法律意见书', 1, 1, 1],
  ['审查合同', 1.3, 1, 3],
  ['审查村规民约', 0.4, 1, 1],
  ['代写文书', 1, 1, 2],
  ['参与处理群体性事件', 0.1, 1, 1],
  ['其他', 1, 1, 1],
];
const publicityForms: Table = [
  ['法治讲座', 25], ['现场宣传咨询', 25], ['以案释法', 10], ['线上直播', 5], ['新媒体推送', 20], ['法治文艺', 5], ['其他', 10],
];
const publicityTopics = [
  '民法典宣传', '禁毒知识宣传', '防范电信网络诈骗', '宪法宣传', '反家庭暴力', '未成年人保护', '安全生产', '道路交通安全',
  '防范非法集资', '劳动者权益保护', '国家安全教育', '扫黑除恶',
];
const audiences: Table<string | null> = [
  ['青少年', 15], ['老年人', 15], ['农村群众', 35], ['企业职工', 10], ['公职人员', 10], ['其他', 5], [null, 10],
];
/** 受众人次 of one row by form: [least, most], or null when a row of that form seldom counts them. */
const audienceRange: Record<string, readonly [number, number]> = {
  法治讲座: [30, 300], 现场宣传咨询: [50, 500], 以案释法: [20, 200], 线上直播: [500, 5000], 新媒体推送: [500, 10_000],
  法治文艺: [100, 1000], 其他: [20, 300],
};
const prisonCrimes: Table = [
  ['盗窃罪', 30], ['诈骗罪', 20], ['贩卖毒品罪', 15], ['故意伤害罪', 15], ['抢劫罪', 10], ['寻衅滋事罪', 10],
];
const resettlementMethods: Table = [['就业', 40], ['务农', 25], ['自主创业', 10], ['低保救助', 10], ['其他', 15]];

export function generateOfficeLedgers(context: OfficeLedgerContext): void {
  legalAdvisers(context);
  publicity(context);
  resettlement(context);
}

interface Adviser {
  readonly name: string;
  readonly office: string;
  readonly villages: readonly string[];
  readonly appointed: Day;
  /** Leaves at the start of this day (a successor is appointed on it); null while in post. */
  readonly dismissed: Day | null;
}

function legalAdvisers(context: OfficeLedgerContext): void {
  const random = context.random.fork('legal-advisers');
  const advisers: Adviser[] = [];
  for (const office of context.townships) {
    const villages = villagesOf(random, office);
    const names = new Set<string>();
    const uniqueName = () => {
      for (;;) {
        const name = personName(random, random.chance(0.6) ? '男' : '女');
        if (!names.has(name)) {
          names.add(name);
          return name;
        }
      }
    };
    for (let first = 0; first < villages.length; ) {
      const group = villages.slice(first, first + random.int(1, 4));
      first += group.length;
      let appointed = dayOf(`${context.firstYear - random.int(0, 4)}-01-01`) + random.int(0, 364);
      while (appointed <= context.end) {
        const leaves = random.chance(0.6) ? appointed + random.int(200, 1500) : null;
        const dismissed = leaves !== null && leaves <= context.end ? leaves : null;
        advisers.push({ name: uniqueName(), office, villages: group, appointed, dismissed });
        if (dismissed === null) break;
        appointed = dismissed;
      }
    }
  }
  for (const adviser of advisers) {
    const identity = random.weighted([['律师', 60], ['基层法律服务工作者', 30], ['其他', 10]]);
    context.sheets.advisers.add({
      姓名: adviser.name,
      单位: adviser.office,
      执业机构:
        identity === '律师' ? `广东${random.pick(firmStems)}律师事务所` : identity === '基层法律服务工作者' ? `${adviser.office.replace(/司法所$/, '')}法律服务所` : null,
      身份: identity,
      '服务村(居)': adviser.villages.join('、'),
      聘任日期: isoOf(adviser.appointed),
      解聘日期: adviser.dismissed === null ? null : isoOf(adviser.dismissed),
    });
    services(context, random, adviser);
  }
}

function villagesOf(random: Random, office: string): string[] {
  const villages = new Set<string>([`${office.replace(/司法所$/, '')}社区`]);
  while (villages.size < VILLAGES_PER_TOWNSHIP) villages.add(`${random.pick(villageStems)}${random.chance(0.2) ? '社区' : '村'}`);
  return [...villages];
}

/** What an adviser did while in post within the county's span: one row per day, village and type. */
function services(context: OfficeLedgerContext, random: Random, adviser: Adviser): void {
  const from = Math.max(adviser.appointed, context.start);
  const last = Math.min(adviser.dismissed === null ? context.end : adviser.dismissed - 1, context.end);
  // One or two rows a day of service (1.5 on average).
  const chance = perYear.servicesPerAdviser / 1.5 / 365.25;
  for (let day = from; day <= last; day++) {
    if (!random.chance(chance)) continue;
    const done = new Set<string>();
    for (let rows = random.int(1, 2); rows > 0; rows--) {
      const [type, , least, most] = random.weighted(serviceTypes.map((entry) => [entry, entry[1]] as const));
      const village = random.pick(adviser.villages);
      if (done.has(`${village}${type}`)) continue;
      done.add(`${village}${type}`);
      context.sheets.services.add({
        日期: isoOf(day),
        单位: adviser.office,
        法律顾问: adviser.name,
        '服务村(居)': village,
        服务类型: type,
        数量: random.int(least, most),
        备注: null,
      });
    }
  }
}

function publicity(context: OfficeLedgerContext): void {
  const random = context.random.fork('publicity');
  for (const office of context.townships) {
    for (let day = context.start; day <= context.end; day++) {
      if (!random.chance(perYear.publicityPerOffice / 365.25)) continue;
      const form = random.weighted(publicityForms);
      const range = audienceRange[form]!;
      context.sheets.publicity.add({
        日期: isoOf(day),
        单位: office,
        活动形式: form,
        主题: random.pick(publicityTopics),
        面向对象: random.weighted(audiences),
        场次: form === '新媒体推送' ? random.int(1, 8) : random.chance(0.85) ? 1 : random.int(2, 3),
        受众人次: random.chance(0.15) ? null : random.int(range[0], range[1]),
      });
    }
  }
}

function resettlement(context: OfficeLedgerContext): void {
  const random = context.random.fork('resettlement');
  const historyStart = dayOf(`${context.firstYear - RESETTLEMENT_HISTORY_YEARS}-01-01`);
  const years = (context.end - historyStart + 1) / 365.25;
  const fromPrison: Release[] = Array.from({ length: random.count(perYear.prisonReleases * context.scale * years) }, () => {
    const sex: Sex = random.chance(0.9) ? '男' : '女';
    const day = random.int(historyStart, context.end);
    const birth = day - random.int(20, 65) * 365 - random.int(0, 364);
    return {
      name: personName(random, sex),
      idNumber: context.ids.issue(random, birth, sex),
      office: random.pick(context.townships),
      crime: random.weighted(prisonCrimes),
      day,
    };
  });
  const people = [
    ...fromPrison.map((release) => ({ release, type: '刑满释放人员' })),
    ...context.releases.map((release) => ({ release, type: '解除社区矫正人员' })),
  ].sort((a, b) => a.release.day - b.release.day);
  for (const { release, type } of people) {
    const takenOver = release.day + random.int(0, 5);
    if (takenOver > context.end) continue;
    const settled = random.chance(0.93) ? takenOver + random.int(3, 60) : null;
    const helpEnds = addMonths(release.day, 60);
    const reoffended = random.chance(0.02) ? release.day + random.int(60, 1500) : null;
    const prison = type === '刑满释放人员';
    context.sheets.resettlement.add({
      姓名: release.name,
      身份证号码: release.idNumber,
      单位: release.office,
      人员类型: type,
      原罪名: release.crime,
      释放日期: isoOf(release.day),
      衔接日期: isoOf(takenOver),
      衔接方式: random.weighted(prison ? [['必接必送', 70], ['自行报到', 25], ['其他', 5]] : [['自行报到', 80], ['必接必送', 15], ['其他', 5]]),
      安置方式: settled !== null && settled <= context.end ? random.weighted(resettlementMethods) : null,
      安置日期: settled !== null && settled <= context.end ? isoOf(settled) : null,
      落实帮教: random.chance(0.95) ? '是' : '否',
      帮教期满日期: isoOf(helpEnds),
      重新犯罪日期: reoffended !== null && reoffended <= context.end && reoffended <= helpEnds ? isoOf(reoffended) : null,
    });
  }
}
