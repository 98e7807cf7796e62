// The report as a Word draft (.docx): the sections on 人民调解, 法律援助 and 社区矫正 (and on
// 村(居)法律顾问, 普法 and 安置帮教 where the period has any) written in
// the voice of the bureaus' annual reports from the report's figures (with 同比 where last
// year's figure exists), laid out to GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm,
// bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm text block), title 方正小标宋简体 2号,
// headings 黑体 / 楷体_GB2312 3号, body 仿宋_GB2312 3号 with a first-line indent of two characters
// and a fixed line spacing of 28.95 pt (22 lines a page), page numbers 「— 1 —」 in 宋体 4号,
// right on odd pages and left on even ones. At a bureau with joined offices, a 附注 under the date
// gives each office's 数据截至 and the report page's warning when one is older than the period's end.
// Fonts are named for East Asian and Latin text alike, so digits are set in the body font.
// Every number is printed as the report gives it (counts whole, rates and 万元 with two
// decimals); no figure is computed here. It must not write to the database or to disk.

import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import type { RegisterDatabase } from '../database.ts';
import { dataAsOfHeading } from '../exchange/data-as-of.ts';
import { dataAsOf } from '../exchange/exchange.ts';
import { runReport, type Report, type Scope } from '../report/engine.ts';
import { configuredDisputeTypes, type DisputeType } from '../report/indicators.ts';
import { bureauName, dateName, isCalendarYear, localTime, periodName } from './report-scope.ts';

/** `today` (YYYY-MM-DD) dates the draft (落款) and bounds its 「截至」: data is never dated after it. */
export async function buildReportDocument(db: RegisterDatabase, scope: Scope, today = localTime(new Date().toISOString()).slice(0, 10)): Promise<Buffer> {
  const report = runReport(db, { ...scope, compare: true });
  const draft = draftReport(report, bureauName(db), configuredDisputeTypes(db), today);
  const offices = dataAsOf(db, report.to, report.office);
  const remark = offices.length > 0 ? `（${dataAsOfHeading(offices)}：${offices.map((office) => office.text).join('；')}。）` : null;
  return Packer.toBuffer(gongwen(draft, remark));
}

// ---- the text ---------------------------------------------------------------------------------

interface Section {
  /** 一、人民调解工作 */
  readonly heading: string;
  readonly parts: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

interface Draft {
  readonly title: string;
  readonly opening: string;
  readonly sections: readonly Section[];
  /** 落款: who reports (the bureau, or the office), and the date in the form 2025年1月6日. */
  readonly signature: { readonly name: string; readonly date: string };
  /** Where the figures come from and when they were counted: the document's properties, not its body. */
  readonly note: string;
}

/** Reads the report's figures for the sentences; a figure is printed exactly as the report gives it. */
function readFigures(report: Report) {
  const value = (id: string): number | null => {
    const figure = report.indicators[id];
    if (figure === undefined) throw new Error(`报告中没有指标「${id}」`);
    return figure;
  };
  /** A count or sum, as a whole number. */
  const count = (id: string) => String(value(id) ?? 0);
  /** A rate or 万元, with two decimals; null when the report has none (a rate over 0). */
  const decimal = (id: string) => {
    const figure = value(id);
    return figure === null ? null : figure.toFixed(2);
  };
  /** 「刑事598宗、民事118宗」: the non-zero parts, or '' when all are zero. */
  const parts = (items: readonly (readonly [name: string, id: string])[], unit: string) =>
    items
      .filter(([, id]) => (value(id) ?? 0) !== 0)
      .map(([name, id]) => `${name}${count(id)}${unit}`)
      .join('、');
  /** `text` when the figure is not zero, else '' (so a sentence leaves the clause out). */
  const ifAny = (id: string, text: string) => ((value(id) ?? 0) !== 0 ? text : '');
  const lastYear = isCalendarYear(report.from, report.to) ? '上年' : '上年同期';
  /**
   * 同比 of each figure: 「受理矛盾纠纷数同比上升9.38%（上年650宗）」, 「…与上年持平」; a figure
   * whose last-year value is 0 or missing is left out. '' when nothing is compared.
   */
  const comparison = (items: readonly (readonly [name: string, id: string, unit: string])[]) =>
    items
      .flatMap(([name, id, unit]) => {
        const change = report.change?.[id];
        const previous = report.previous?.[id];
        if (change === null || change === undefined || previous === null || previous === undefined) return [];
        const before = `（${lastYear}${unit === '万元' ? previous.toFixed(2) : String(previous)}${unit}）`;
        if (change === 0) return [`${name}与${lastYear}持平${before}`];
        return [`${name}同比${change > 0 ? '上升' : '下降'}${Math.abs(change).toFixed(2)}%${before}`];
      })
      .join('，');
  return { value, count, decimal, parts, ifAny, comparison };
}

type Figures = ReturnType<typeof readFigures>;

/** Clauses joined with 「，」 and closed with 「。」; the empty ones are left out, and '' when all are. */
function sentence(...clauses: readonly string[]): string {
  const said = clauses.filter((clause) => clause !== '');
  return said.length === 0 ? '' : `${said.join('，')}。`;
}

/** 「全区」 for 湘桥区司法局, 「全市」 for 廉江市司法局, 「全县」 for a 县; 「全县（区）」 when the name does not say. */
function wholeArea(bureau: string): string {
  const match = /(县|区|市|旗)司法局$/.exec(bureau);
  return match ? `全${match[1]}` : '全县（区）';
}

/** The section the drafter writes, after the figures: its headings, and a bracketed prompt to replace under each. */
const problemsAndPlans = (ordinal: string): Section => ({
  heading: `${ordinal}、存在的问题和下一步工作`,
  parts: [
    { heading: '（一）存在的问题', paragraphs: ['【请填写：工作中存在的主要问题和困难。】'] },
    { heading: '（二）下一步工作', paragraphs: ['【请填写：下一步工作打算和措施。】'] },
  ],
});

function draftReport(report: Report, bureau: string, disputeTypes: readonly DisputeType[], today: string): Draft {
  const figures = readFigures(report);
  const period = periodName(report.from, report.to);
  const who = report.office ?? bureau;
  const where = report.office ?? wholeArea(bureau);
  // 「截至」 a day not yet come would date the data into the future: the earlier of `to` and today.
  const asOf = report.to < today ? report.to : today;
  // The lines of registers.md §6 are written only where there is something to say of them.
  const lines = [
    { name: '人民调解', write: (n: string) => mediationSection(n, figures, period, where, asOf, disputeTypes) },
    { name: '法律援助', write: (n: string) => legalAidSection(n, figures, period, where) },
    { name: '社区矫正', write: (n: string) => correctionSection(n, figures, period, where, asOf) },
    ...(hasAny(figures, ['legal_adviser.advisers', 'legal_adviser.services'])
      ? [{ name: '村(居)法律顾问', write: (n: string) => legalAdviserSection(n, figures, period, where) }]
      : []),
    ...(hasAny(figures, ['publicity.sessions']) ? [{ name: '普法', write: (n: string) => publicitySection(n, figures, period, where) }] : []),
    ...(hasAny(figures, ['resettlement.received', 'resettlement.managed'])
      ? [{ name: '安置帮教', write: (n: string) => resettlementSection(n, figures, period, where, asOf) }]
      : []),
  ];
  const names = lines.map((line) => line.name).join('、');
  return {
    title: `${who}${period}${names}工作情况报告`,
    opening: `现将${report.office ?? '我局'}${period}${names}工作情况报告如下：`,
    sections: [...lines.map((line, index) => line.write(chineseOrdinals[index]!)), problemsAndPlans(chineseOrdinals[lines.length]!)],
    signature: { name: who, date: dateName(today) },
    note:
      `本报告数据由司法台账按${dateName(report.from)}至${dateName(report.to)}的台账记录统计，` +
      `生成于${localTime(report.generatedAt)}。`,
  };
}

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七'];

/** Whether any of the figures is not zero. */
const hasAny = (figures: Figures, ids: readonly string[]) => ids.some((id) => (figures.value(id) ?? 0) !== 0);

const orgKinds = [
  ['村(居)调委会', 'mediation.orgs.village'],
  ['乡镇(街道)调委会', 'mediation.orgs.township'],
  ['企事业单位调委会', 'mediation.orgs.enterprise'],
  ['行业性专业性调委会', 'mediation.orgs.professional'],
  ['派驻调解室', 'mediation.orgs.stationed'],
  ['个人调解工作室', 'mediation.orgs.personal'],
  ['其他调解组织', 'mediation.orgs.other'],
] as const;

function mediationSection(
  ordinal: string,
  figures: Figures,
  period: string,
  where: string,
  to: string,
  disputeTypes: readonly DisputeType[],
): Section {
  const { count, decimal, parts, ifAny } = figures;
  const kinds = parts(orgKinds, '个');
  const staff = parts(
    [
      ['专职人民调解员', 'mediation.mediators.fulltime'],
      ['退休法官调解员', 'mediation.mediators.retired_judge'],
    ],
    '名',
  );
  const organisation = sentence(
    `截至${dateName(to)}，${where}共有人民调解组织${count('mediation.orgs')}个${kinds ? `（其中${kinds}）` : ''}`,
    `人民调解员${count('mediation.mediators')}名${staff ? `（其中${staff}）` : ''}`,
  );

  const rate = decimal('mediation.cases.success_rate');
  const received = figures.value('mediation.cases.received') ?? 0;
  const handling = [
    sentence(
      `${period}，${where}${count('mediation.orgs')}个人民调解组织、${count('mediation.mediators')}名人民调解员` +
        `共受理矛盾纠纷${count('mediation.cases.received')}宗`,
      `调解成功${count('mediation.cases.succeeded')}宗`,
      rate === null ? '' : `调解成功率${rate}%`,
      `涉及金额${decimal('mediation.cases.amount_wan')}万元`,
    ),
  ];
  const compared = figures.comparison([
    ['受理矛盾纠纷数', 'mediation.cases.received', '宗'],
    ['调解成功数', 'mediation.cases.succeeded', '宗'],
    ['涉及金额', 'mediation.cases.amount_wan', '万元'],
  ]);
  if (compared) handling[0] += sentence(compared);
  if (received > 0) {
    const agreements = parts(
      [
        ['书面协议', 'mediation.cases.written'],
        ['口头协议', 'mediation.cases.oral'],
      ],
      '宗',
    );
    const outcomes = sentence(
      agreements ? `达成${agreements}` : '',
      ifAny('mediation.cases.judicial_confirmation', `经司法确认${count('mediation.cases.judicial_confirmation')}宗`),
      ifAny(
        'mediation.cases.failed',
        `调解不成功${count('mediation.cases.failed')}宗` +
          ifAny('mediation.cases.referred_litigation', `（其中引导诉讼${count('mediation.cases.referred_litigation')}宗）`),
      ),
      ifAny('mediation.cases.pending', `正在调解${count('mediation.cases.pending')}宗`),
    );
    const details =
      (outcomes && `其中，${outcomes}`) +
      sentence(
        ifAny(
          'mediation.cases.major_difficult',
          `受理重大疑难纠纷${count('mediation.cases.major_difficult')}宗，化解${count('mediation.cases.major_difficult_succeeded')}宗`,
        ),
        ifAny('mediation.cases.by_retired_judge', `退休法官调解员参与调解${count('mediation.cases.by_retired_judge')}宗`),
      );
    if (details) handling.push(details);
    const leading = disputeTypes
      .map((type) => ({ name: disputeName(type.label), id: `mediation.cases.type.${type.code}` }))
      .map((type) => ({ ...type, value: figures.value(type.id) ?? 0 }))
      .filter((type) => type.value > 0)
      .sort((a, b) => b.value - a.value)
      .slice(0, 3);
    if (leading.length > 0) {
      handling.push(
        sentence(`从纠纷类型看，数量居前的是${leading.map((type) => `${type.name}${count(type.id)}宗`).join('、')}`),
      );
    }
    const prevented = parts(
      [
        ['防止民转刑案件', 'mediation.prevented.criminal'],
        ['防止群体性上访', 'mediation.prevented.petition'],
        ['防止群体性械斗', 'mediation.prevented.fight'],
        ['防止自杀', 'mediation.prevented.suicide'],
      ],
      '宗',
    );
    if (prevented) handling.push(sentence(`通过调解${prevented}`));
  }
  const sweeps = sentence(
    ifAny(
      'mediation.sweeps',
      `${period}，${where}开展矛盾纠纷排查${count('mediation.sweeps')}次，排查发现纠纷${count('mediation.sweeps.found')}宗`,
    ),
  );
  if (sweeps) handling.push(sweeps);
  return {
    heading: `${ordinal}、人民调解工作`,
    parts: [
      { heading: '（一）人民调解组织和队伍', paragraphs: [organisation] },
      { heading: '（二）矛盾纠纷排查化解', paragraphs: handling },
    ],
  };
}

/** 邻里 → 邻里纠纷; a type already named a dispute (其他劳动争议) stays as it is. */
const disputeName = (label: string) => (/(纠纷|争议)$/.test(label) ? label : `${label}纠纷`);

function legalAidSection(ordinal: string, figures: Figures, period: string, where: string): Section {
  const { count, decimal, parts, ifAny } = figures;
  const categories = parts(
    [
      ['刑事', 'legal_aid.cases.criminal'],
      ['民事', 'legal_aid.cases.civil'],
      ['行政', 'legal_aid.cases.administrative'],
      ['国家赔偿', 'legal_aid.cases.state_compensation'],
      ['其他非诉', 'legal_aid.cases.non_litigation'],
    ],
    '宗',
  );
  const cases = [
    sentence(
      `${period}，${where}共受理法律援助案件${count('legal_aid.cases.received')}宗${categories ? `（其中${categories}）` : ''}`,
      `办结${count('legal_aid.cases.closed')}宗`,
      `提供法律咨询${count('legal_aid.consultations')}人次`,
      `挽回经济损失${decimal('legal_aid.recovered_wan')}万元`,
    ),
  ];
  const compared = figures.comparison([
    ['受理案件数', 'legal_aid.cases.received', '宗'],
    ['办结案件数', 'legal_aid.cases.closed', '宗'],
    ['法律咨询人次', 'legal_aid.consultations', '人次'],
  ]);
  if (compared) cases[0] += sentence(compared);
  const grantRate = decimal('legal_aid.applications.grant_rate');
  cases.push(
    sentence(
      `受理的案件中，申请类${count('legal_aid.cases.application')}宗、通知类${count('legal_aid.cases.notified')}宗`,
      ifAny('legal_aid.applications.rejected', `对法律援助申请不予援助${count('legal_aid.applications.rejected')}宗`),
      grantRate === null ? '' : `应援尽援率${grantRate}%`,
      ifAny('legal_aid.cases.promise', `适用经济困难告知承诺制${count('legal_aid.cases.promise')}宗`),
      `期末未结案件${count('legal_aid.cases.open_end')}宗`,
    ),
  );
  const recipients = parts(
    [
      ['未成年人', 'legal_aid.recipients.minor'],
      ['老年人', 'legal_aid.recipients.elderly'],
      ['妇女', 'legal_aid.recipients.women'],
      ['残疾人', 'legal_aid.recipients.disabled'],
      ['农民工', 'legal_aid.recipients.migrant_worker'],
      ['军人军属', 'legal_aid.recipients.military'],
      ['新就业形态劳动者', 'legal_aid.recipients.new_employment'],
      ['少数民族', 'legal_aid.recipients.minority'],
    ],
    '人',
  );
  if (recipients) cases.push(sentence(`受援人中，${recipients}`));
  const handlers = parts(
    [
      ['社会律师承办', 'legal_aid.cases.handler.lawyer'],
      ['法律援助机构工作人员承办', 'legal_aid.cases.handler.staff'],
      ['基层法律服务工作者承办', 'legal_aid.cases.handler.grassroots'],
      ['社会组织人员承办', 'legal_aid.cases.handler.social_org'],
      ['法律援助志愿者承办', 'legal_aid.cases.handler.volunteer'],
    ],
    '宗',
  );
  if (handlers) cases.push(sentence(`受理的案件由${handlers}`));

  const channels = parts(
    [
      ['来访', 'legal_aid.consultations.visit'],
      ['来电', 'legal_aid.consultations.phone'],
      ['来信', 'legal_aid.consultations.letter'],
      ['网络', 'legal_aid.consultations.online'],
    ],
    '人次',
  );
  const services = [
    sentence(
      `${period}，${where}提供法律咨询${count('legal_aid.consultations')}人次${channels ? `（其中${channels}）` : ''}`,
    ) +
      sentence(
        ifAny('legal_aid.duty.shifts', `值班律师值班${count('legal_aid.duty.shifts')}人次`),
        ifAny('legal_aid.duty.help', `提供法律帮助${count('legal_aid.duty.help')}人次`),
        ifAny('legal_aid.duty.plea_witness', `参与认罪认罚见证${count('legal_aid.duty.plea_witness')}人次`),
      ),
  ];
  return {
    heading: `${ordinal}、法律援助工作`,
    parts: [
      { heading: '（一）法律援助案件办理', paragraphs: cases },
      { heading: '（二）法律咨询和值班律师', paragraphs: services },
    ],
  };
}

function correctionSection(ordinal: string, figures: Figures, period: string, where: string, to: string): Section {
  const { count, decimal, parts, ifAny } = figures;
  const terminations = parts(
    [
      ['撤销缓刑', 'correction.terminated.revoke_probation'],
      ['撤销假释', 'correction.terminated.revoke_parole'],
      ['收监执行', 'correction.terminated.imprisoned'],
      ['死亡', 'correction.terminated.death'],
    ],
    '人',
  );
  const categories = parts(
    [
      ['管制', 'correction.active_end.control'],
      ['缓刑', 'correction.active_end.probation'],
      ['假释', 'correction.active_end.parole'],
      ['暂予监外执行', 'correction.active_end.medical_parole'],
    ],
    '人',
  );
  const roster = [
    sentence(
      `${period}，${where}社区矫正对象列管${count('correction.managed')}人`,
      `新接收${count('correction.received')}人`,
      `解除矫正${count('correction.released')}人`,
      `终止矫正${count('correction.terminated')}人${terminations ? `（其中${terminations}）` : ''}`,
      `迁出${count('correction.transferred_out')}人`,
      `截至${dateName(to)}在册在矫${count('correction.active_end')}人${categories ? `（其中${categories}）` : ''}`,
    ),
  ];
  const compared = figures.comparison([
    ['列管人数', 'correction.managed', '人'],
    ['新接收人数', 'correction.received', '人'],
  ]);
  if (compared) roster[0] += sentence(compared);
  const reoffenseRate = decimal('correction.reoffense_rate');
  const absconded = figures.value('correction.absconded') ?? 0;
  const missed = figures.value('correction.missed') ?? 0;
  roster.push(
    sentence(
      `社区矫正对象再犯罪${count('correction.reoffended')}人${reoffenseRate === null ? '' : `，再犯罪率${reoffenseRate}%`}`,
      absconded === 0 && missed === 0
        ? '无脱管、漏管情况'
        : `脱管${count('correction.absconded')}人、漏管${count('correction.missed')}人`,
      ifAny('correction.e_monitoring', `对${count('correction.e_monitoring')}人实施电子定位监管`),
    ),
  );
  const rewardsAndSanctions = parts(
    [
      ['表扬', 'correction.praise'],
      ['训诫', 'correction.admonition'],
      ['警告', 'correction.warning'],
    ],
    '人次',
  );
  const requests = parts(
    [
      ['治安管理处罚', 'correction.penalty_request'],
      ['撤销缓刑/假释/收监执行', 'correction.revocation_request'],
    ],
    '人次',
  );
  const discipline = sentence(rewardsAndSanctions && `依法给予${rewardsAndSanctions}`, requests && `提请${requests}`);
  if (discipline) roster.push(discipline);

  const sessions = (name: string, type: string) =>
    ifAny(
      `correction.${type}.sessions`,
      `${name}${count(`correction.${type}.sessions`)}场次共${count(`correction.${type}.attendance`)}人次`,
    );
  const activities = [
    sessions('集中教育', 'group_education'),
    sessions('社会公益活动', 'community_service'),
    sessions('职业技能培训', 'training'),
  ].filter((activity) => activity !== '');
  const support = [
    sentence(
      `${period}，${where}对社区矫正对象开展个别教育${count('correction.individual_education')}人次、心理辅导${count('correction.counselling')}人次`,
      activities.length > 0 ? `组织${activities.join('、')}` : '',
    ),
    sentence(
      `受委托开展调查评估${count('correction.investigations')}件`,
      ifAny(
        'correction.investigations',
        `其中评估意见为适宜${count('correction.investigations.suitable')}件、不适宜${count('correction.investigations.unsuitable')}件`,
      ),
      `协助开展远程视频会见${count('correction.remote_meetings')}次`,
    ),
  ];
  return {
    heading: `${ordinal}、社区矫正工作`,
    parts: [
      { heading: '（一）社区矫正对象监督管理', paragraphs: roster },
      { heading: '（二）教育帮扶和调查评估', paragraphs: support },
    ],
  };
}

/** Units of the 服务类型 (indicators.md: the unit goes with the type), in the order the reports name them. */
const adviserServices = [
  ['法律咨询', 'consultation', '人次'],
  ['法治讲座', 'lecture', '场次'],
  ['入村(居)服务', 'visit', '次'],
  ['参与调解', 'mediation', '宗'],
  ['代理诉讼', 'litigation', '宗'],
  ['法律援助', 'legal_aid', '宗'],
  ['出具法律意见书', 'opinion', '份'],
  ['审查合同', 'contract', '份'],
  ['审查村规民约', 'village_rules', '份'],
  ['代写文书', 'drafting', '份'],
  ['参与处理群体性事件', 'group_incident', '次'],
] as const;

function legalAdviserSection(ordinal: string, figures: Figures, period: string, where: string): Section {
  const { count, ifAny } = figures;
  const services = adviserServices
    .map(([name, key, unit]) => ifAny(`legal_adviser.services.${key}`, `${name}${count(`legal_adviser.services.${key}`)}${unit}`))
    .filter((part) => part !== '')
    .join('、');
  const paragraph = sentence(
    `${period}，${where}${count('legal_adviser.advisers')}名村(居)法律顾问为${count('legal_adviser.villages')}个村(社区)` +
      `提供法律服务${count('legal_adviser.services')}次${services ? `，其中${services}` : ''}`,
  );
  const compared = figures.comparison([['提供法律服务次数', 'legal_adviser.services', '次']]);
  return {
    heading: `${ordinal}、村(居)法律顾问工作`,
    parts: [{ heading: '（一）村(居)法律顾问服务', paragraphs: [paragraph + sentence(compared)] }],
  };
}

function publicitySection(ordinal: string, figures: Figures, period: string, where: string): Section {
  const { count, parts } = figures;
  const forms = parts(
    [
      ['法治讲座', 'publicity.sessions.lecture'],
      ['现场宣传咨询', 'publicity.sessions.on_site'],
      ['以案释法', 'publicity.sessions.case_explain'],
      ['线上直播', 'publicity.sessions.live'],
      ['法治文艺', 'publicity.sessions.arts'],
    ],
    '场次',
  );
  const paragraph = sentence(
    `${period}，${where}开展法治宣传活动${count('publicity.sessions')}场次，受众${count('publicity.audience')}人次`,
    forms ? `其中${forms}` : '',
    figures.ifAny('publicity.sessions.new_media', `通过新媒体推送普法信息${count('publicity.sessions.new_media')}条`),
  );
  const compared = figures.comparison([
    ['法治宣传活动场次', 'publicity.sessions', '场次'],
    ['受众人次', 'publicity.audience', '人次'],
  ]);
  return {
    heading: `${ordinal}、普法工作`,
    parts: [{ heading: '（一）法治宣传教育', paragraphs: [paragraph + sentence(compared)] }],
  };
}

function resettlementSection(ordinal: string, figures: Figures, period: string, where: string, to: string): Section {
  const { count, decimal, ifAny } = figures;
  const settleRate = decimal('resettlement.settle_rate');
  const helpRate = decimal('resettlement.help_rate');
  const reoffenseRate = decimal('resettlement.reoffense_rate');
  const received = sentence(
    `${period}，${where}衔接安置帮教对象${count('resettlement.received')}人，其中刑满释放人员${count('resettlement.received.prison')}人、` +
      `解除社区矫正人员${count('resettlement.received.correction')}人`,
    ifAny('resettlement.handover', `必接必送${count('resettlement.handover')}人`),
    settleRate === null ? '' : `安置率${settleRate}%`,
    helpRate === null ? '' : `帮教率${helpRate}%`,
  );
  const compared = figures.comparison([['衔接人数', 'resettlement.received', '人']]);
  const roll = sentence(
    `${period}，${where}帮教总人数${count('resettlement.managed')}人，截至${dateName(to)}在册${count('resettlement.active_end')}人`,
    `重新犯罪${count('resettlement.reoffended')}人${reoffenseRate === null ? '' : `，重新犯罪率${reoffenseRate}%`}`,
  );
  return {
    heading: `${ordinal}、安置帮教工作`,
    parts: [{ heading: '（一）刑满释放人员和解除社区矫正人员安置帮教', paragraphs: [received + sentence(compared), roll] }],
  };
}

// ---- the layout (GB/T 9704-2012) ---------------------------------------------------------------

/** Millimetres to twips (1/1440 inch), as Word rounds them: 37 mm → 2098. */
const twips = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** Font sizes in points: 2号 22, 3号 16, 4号 14. */
const size = { 二号: 22, 三号: 16, 四号: 14 } as const;

/** Fixed line pitch of 28.95 pt: 22 lines in the 225 mm text block. */
const linePitch = 579;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function run(text: string, fontName: string, points: number): TextRun {
  return new TextRun({ text, font: font(fontName), size: points * 2 });
}

const fixedLines: IParagraphOptions['spacing'] = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Two characters of 3号 (16 pt) = 640 twips; `firstLineChars` lets Word keep it at two characters. */
const twoCharacterIndent = { firstLine: 640, firstLineChars: 200 };

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: fixedLines,
    children: [run(text, '方正小标宋简体', size.二号)],
  });
}

function heading(text: string, fontName: '黑体' | '楷体_GB2312', level: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: fixedLines,
    indent: twoCharacterIndent,
    outlineLevel: level,
    keepNext: true,
    children: [run(text, fontName, size.三号)],
  });
}

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: fixedLines,
    indent: twoCharacterIndent,
    children: [run(text, '仿宋_GB2312', size.三号)],
  });
}

/** Width in characters of 3号 text: a digit is half a character. */
const textWidth = (text: string) => [...text].reduce((width, char) => width + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);

/**
 * GB/T 9704-2012 7.3.5.1: the name right-spaced two characters, the date on the next line with
 * its first character two characters right of the name's; when the date is the longer, the
 * name moves right and the date keeps two characters of right space.
 */
function signature({ name, date }: Draft['signature']): Paragraph[] {
  const character = 640;
  const nameWidth = textWidth(name);
  const dateWidth = textWidth(date);
  const nameRight = Math.max(2, 4 + dateWidth - nameWidth);
  const dateRight = nameRight + nameWidth - 2 - dateWidth;
  const line = (text: string, right: number) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: fixedLines, indent: { right: Math.round(right * character) }, children: [run(text, '仿宋_GB2312', size.三号)] });
  return [line(name, nameRight), line(date, dateRight)];
}

const blankLine = () => new Paragraph({ spacing: fixedLines, children: [run('', '仿宋_GB2312', size.三号)] });

/** 「— 1 —」 in 宋体 4号, one character in from the text block's edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneCharacter = size.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: size.四号 * 2 }),
        ],
      }),
    ],
  });
}

/** `remark`: the 附注, under the date (GB/T 9704: two characters in, in brackets). */
function gongwen(draft: Draft, remark: string | null): Document {
  const children: Paragraph[] = [title(draft.title), blankLine(), body(draft.opening)];
  for (const section of draft.sections) {
    children.push(heading(section.heading, '黑体', 0));
    for (const part of section.parts) {
      children.push(heading(part.heading, '楷体_GB2312', 1), ...part.paragraphs.map(body));
    }
  }
  children.push(blankLine(), ...signature(draft.signature));
  if (remark) children.push(body(remark));
  return new Document({
    creator: '司法台账',
    title: draft.title,
    description: draft.note,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font('仿宋_GB2312'), size: size.三号 * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(37),
              bottom: twips(35),
              left: twips(28),
              right: twips(26),
              header: twips(15),
              // Puts the page number's dashes about 7 mm below the text block.
              footer: twips(25),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}
