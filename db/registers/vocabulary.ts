// Every enumeration of the registers: a stable code and the canonical Chinese label.
// Codes are what the database stores and what indicator ids end in (mediation.cases.type.<code>);
// labels are what people type, pick and see. Configurable lists are seeded from here into
// `list_item` and can be extended by an administrator (new codes `custom_<n>`).
// Environment-neutral: no node: or DOM imports.

export interface ListItem {
  readonly code: string;
  readonly label: string;
}

export interface ListDefinition {
  readonly name: ListName;
  /** Chinese name of the list, for settings pages and messages. */
  readonly title: string;
  readonly configurable: boolean;
  readonly items: readonly ListItem[];
}

const items = (pairs: readonly (readonly [string, string])[]): ListItem[] =>
  pairs.map(([code, label]) => ({ code, label }));

export const listDefinitions = {
  sex: { title: '性别', configurable: false, items: items([['male', '男'], ['female', '女']]) },
  orgKind: {
    title: '调解组织类型',
    configurable: false,
    items: items([
      ['village', '村(居)调委会'],
      ['township', '乡镇(街道)调委会'],
      ['enterprise', '企事业单位调委会'],
      ['professional', '行业性专业性调委会'],
      ['stationed', '派驻调解室'],
      ['personal', '个人调解工作室'],
      ['other', '其他'],
    ]),
  },
  orgSpecialty: {
    title: '专业领域',
    configurable: true,
    items: items([
      ['medical', '医疗'],
      ['traffic', '道路交通'],
      ['labour', '劳动争议'],
      ['property_mgmt', '物业'],
      ['consumer', '消费'],
      ['marriage_family', '婚姻家庭'],
      ['police_station', '派出所'],
      ['court', '法院'],
      ['procuratorate', '检察院'],
      ['petition', '信访'],
      ['other', '其他'],
    ]),
  },
  employment: { title: '专兼职', configurable: false, items: items([['fulltime', '专职'], ['parttime', '兼职']]) },
  mediatorBackground: {
    title: '调解员身份背景',
    configurable: true,
    items: items([
      ['retired_judge', '退休法官'],
      ['retired_prosecutor', '退休检察官'],
      ['retired_officer', '退休政法干警'],
      ['lawyer', '律师'],
      ['grassroots', '基层法律服务工作者'],
      ['village_cadre', '村(居)干部'],
      ['other', '其他'],
    ]),
  },
  mediationSource: {
    title: '案件来源',
    configurable: false,
    items: items([
      ['apply', '当事人申请'],
      ['initiative', '主动调解'],
      ['court', '法院委派委托'],
      ['police', '公安移送'],
      ['petition', '信访移送'],
      ['other_dept', '其他部门移送'],
    ]),
  },
  disputeType: {
    title: '纠纷类型',
    configurable: true,
    items: items([
      ['marriage_family', '婚姻家庭'],
      ['neighbour', '邻里'],
      ['housing_land', '房屋宅基地'],
      ['contract', '合同'],
      ['business', '生产经营'],
      ['damages', '损害赔偿'],
      ['forest_land', '山林土地'],
      ['expropriation', '征地拆迁'],
      ['pollution', '环境污染'],
      ['migrant_wages', '拖欠农民工工资'],
      ['labour_other', '其他劳动争议'],
      ['tourism', '旅游'],
      ['ecommerce', '电子商务'],
      ['consumer_other', '其他消费'],
      ['medical', '医疗'],
      ['traffic', '道路交通事故'],
      ['property_mgmt', '物业'],
      ['other', '其他'],
    ]),
  },
  difficulty: {
    title: '案件难度',
    configurable: false,
    items: items([['simple', '简单'], ['ordinary', '一般'], ['major', '重大'], ['difficult', '疑难']]),
  },
  mediationResult: {
    title: '调解结果',
    configurable: false,
    items: items([['pending', '调解中'], ['succeeded', '调解成功'], ['failed', '调解不成功']]),
  },
  agreementForm: { title: '协议形式', configurable: false, items: items([['written', '书面'], ['oral', '口头']]) },
  performance: {
    title: '履行情况',
    configurable: false,
    items: items([
      ['performed', '已履行'],
      ['partly', '部分履行'],
      ['unperformed', '未履行'],
      ['judicial_confirmation', '司法确认'],
    ]),
  },
  failureRoute: {
    title: '不成功去向',
    configurable: false,
    items: items([
      ['litigation', '引导诉讼'],
      ['arbitration', '引导仲裁'],
      ['administrative', '引导行政处理'],
      ['other', '其他'],
    ]),
  },
  legalAidSource: {
    title: '法律援助案件来源',
    configurable: false,
    items: items([['application', '申请'], ['notified_defence', '通知辩护'], ['notified_agency', '通知代理']]),
  },
  notifyingAuthority: {
    title: '通知机关',
    configurable: false,
    items: items([['police', '公安机关'], ['procuratorate', '人民检察院'], ['court', '人民法院']]),
  },
  legalAidCategory: {
    title: '案件类别',
    configurable: false,
    items: items([
      ['criminal', '刑事'],
      ['civil', '民事'],
      ['administrative', '行政'],
      ['state_compensation', '国家赔偿'],
      ['non_litigation', '其他非诉'],
    ]),
  },
  criminalStage: {
    title: '刑事诉讼阶段',
    configurable: false,
    items: items([['investigation', '侦查'], ['prosecution', '审查起诉'], ['trial', '审判'], ['appeal', '申诉']]),
  },
  reviewResult: { title: '审查结果', configurable: false, items: items([['granted', '给予援助'], ['rejected', '不予援助']]) },
  specialGroup: {
    title: '特殊群体',
    configurable: true,
    items: items([
      ['disabled', '残疾人'],
      ['migrant_worker', '农民工'],
      ['military', '军人军属'],
      ['new_employment', '新就业形态劳动者'],
      ['minority', '少数民族'],
      ['low_income', '低保特困'],
      ['foreigner', '外国籍'],
      ['martyr_kin', '英烈近亲属'],
      ['good_samaritan', '见义勇为'],
    ]),
  },
  handlerType: {
    title: '承办人类型',
    configurable: false,
    items: items([
      ['lawyer', '社会律师'],
      ['staff', '法律援助机构工作人员'],
      ['grassroots', '基层法律服务工作者'],
      ['social_org', '社会组织人员'],
      ['volunteer', '法律援助志愿者'],
    ]),
  },
  closingMethod: {
    title: '结案方式',
    configurable: false,
    items: items([
      ['judgment', '判决'],
      ['ruling', '裁定'],
      ['mediation', '调解'],
      ['settlement', '和解'],
      ['withdrawal', '撤诉'],
      ['arbitration', '仲裁裁决'],
      ['non_litigation', '非诉办结'],
      ['terminated', '终止援助'],
    ]),
  },
  consultationChannel: {
    title: '咨询方式',
    configurable: false,
    items: items([['visit', '来访'], ['phone', '来电'], ['letter', '来信'], ['online', '网络']]),
  },
  consultationMatter: {
    title: '事项类别',
    configurable: false,
    items: items([
      ['civil', '民事'],
      ['criminal', '刑事'],
      ['administrative', '行政'],
      ['state_compensation', '国家赔偿'],
      ['other', '其他'],
    ]),
  },
  consultationOutcome: {
    title: '处理结果',
    configurable: false,
    items: items([
      ['answered', '当场解答'],
      ['document', '代写文书'],
      ['to_legal_aid', '转为法律援助申请'],
      ['redirected', '引导其他途径'],
    ]),
  },
  dutyPlace: {
    title: '值班地点',
    configurable: false,
    items: items([
      ['detention_centre', '看守所'],
      ['court', '人民法院'],
      ['procuratorate', '人民检察院'],
      ['service_centre', '公共法律服务中心'],
    ]),
  },
  correctionCategory: {
    title: '矫正类别',
    configurable: false,
    items: items([['control', '管制'], ['probation', '缓刑'], ['parole', '假释'], ['medical_parole', '暂予监外执行']]),
  },
  decidingAuthority: {
    title: '决定机关',
    configurable: false,
    items: items([['court', '人民法院'], ['police', '公安机关'], ['prison_admin', '监狱管理机关']]),
  },
  supervisionLevel: {
    title: '监管等级',
    configurable: true,
    items: items([['strict', '严管'], ['ordinary', '普管'], ['lenient', '宽管']]),
  },
  exitType: {
    title: '解矫类型',
    configurable: false,
    items: items([
      ['expired', '期满解除'],
      ['pardoned', '赦免'],
      ['revoke_probation', '撤销缓刑'],
      ['revoke_parole', '撤销假释'],
      ['imprisoned', '收监执行'],
      ['death', '死亡'],
      ['transferred_out', '执行地变更迁出'],
    ]),
  },
  correctionEventType: {
    title: '事件类型',
    configurable: false,
    items: items([
      ['praise', '表扬'],
      ['admonition', '训诫'],
      ['warning', '警告'],
      ['penalty_request', '提请治安管理处罚'],
      ['revoke_probation_request', '提请撤销缓刑'],
      ['revoke_parole_request', '提请撤销假释'],
      ['imprisonment_request', '提请收监执行'],
      ['absconded', '脱管'],
      ['missed', '漏管'],
      ['reoffended', '再犯罪'],
      ['individual_education', '个别教育'],
      ['counselling', '心理辅导'],
      ['e_monitoring', '电子定位'],
      ['leave', '外出请假'],
    ]),
  },
  activityType: {
    title: '活动类型',
    configurable: false,
    items: items([
      ['group_education', '集中教育'],
      ['community_service', '公益活动'],
      ['training', '职业技能培训'],
      ['group_counselling', '心理团体辅导'],
    ]),
  },
  commissioningAuthority: {
    title: '委托机关',
    configurable: false,
    items: items([
      ['court', '人民法院'],
      ['procuratorate', '人民检察院'],
      ['police', '公安机关'],
      ['prison_admin', '监狱管理机关'],
    ]),
  },
  assessmentOpinion: { title: '评估意见', configurable: false, items: items([['suitable', '适宜'], ['unsuitable', '不适宜']]) },
  // 村(居)法律顾问, 普法, 安置帮教 (registers.md §6)
  adviserIdentity: {
    title: '法律顾问身份',
    configurable: true,
    items: items([['lawyer', '律师'], ['grassroots', '基层法律服务工作者'], ['other', '其他']]),
  },
  adviserServiceType: {
    title: '法律顾问服务类型',
    configurable: true,
    items: items([
      ['visit', '入村(居)服务'],
      ['consultation', '法律咨询'],
      ['lecture', '法治讲座'],
      ['mediation', '参与调解'],
      ['litigation', '代理诉讼'],
      ['legal_aid', '法律援助'],
      ['opinion', '法律意见书'],
      ['contract', '审查合同'],
      ['village_rules', '审查村规民约'],
      ['drafting', '代写文书'],
      ['group_incident', '参与处理群体性事件'],
      ['other', '其他'],
    ]),
  },
  publicityForm: {
    title: '普法活动形式',
    configurable: true,
    items: items([
      ['lecture', '法治讲座'],
      ['on_site', '现场宣传咨询'],
      ['case_explain', '以案释法'],
      ['live', '线上直播'],
      ['new_media', '新媒体推送'],
      ['arts', '法治文艺'],
      ['other', '其他'],
    ]),
  },
  publicityAudience: {
    title: '面向对象',
    configurable: false,
    items: items([
      ['youth', '青少年'],
      ['elderly', '老年人'],
      ['rural', '农村群众'],
      ['workers', '企业职工'],
      ['officials', '公职人员'],
      ['other', '其他'],
    ]),
  },
  resettlementPersonType: {
    title: '人员类型',
    configurable: false,
    items: items([['prison', '刑满释放人员'], ['correction', '解除社区矫正人员']]),
  },
  handoverMethod: {
    title: '衔接方式',
    configurable: false,
    items: items([['handover', '必接必送'], ['self_report', '自行报到'], ['other', '其他']]),
  },
  resettlementMethod: {
    title: '安置方式',
    configurable: false,
    items: items([
      ['employment', '就业'],
      ['self_employed', '自主创业'],
      ['farming', '务农'],
      ['welfare', '低保救助'],
      ['other', '其他'],
    ]),
  },
} as const satisfies Record<string, Omit<ListDefinition, 'name'>>;

export type ListName = keyof typeof listDefinitions;

export const listNames = Object.keys(listDefinitions) as ListName[];

/** 解除 (release) and 终止 (termination) by 社区矫正法 §44–45; 迁出 is neither. */
export const releaseExitTypes = ['expired', 'pardoned'] as const;
export const terminationExitTypes = ['revoke_probation', 'revoke_parole', 'imprisoned', 'death'] as const;

/**
 * The lists as a database holds them (defaults plus what an administrator added),
 * looked up by label or by code.
 */
export class Vocabulary {
  private readonly byLabel = new Map<ListName, Map<string, string>>();
  private readonly byCode = new Map<ListName, Map<string, string>>();

  constructor(rows: Iterable<{ list: string; code: string; label: string }>) {
    for (const row of rows) {
      const list = row.list as ListName;
      if (!this.byLabel.has(list)) {
        this.byLabel.set(list, new Map());
        this.byCode.set(list, new Map());
      }
      this.byLabel.get(list)!.set(row.label, row.code);
      this.byCode.get(list)!.set(row.code, row.label);
    }
  }

  static defaults(): Vocabulary {
    return new Vocabulary(
      listNames.flatMap((list) => listDefinitions[list].items.map((item) => ({ list, ...item }))),
    );
  }

  codeOf(list: ListName, label: string): string | undefined {
    return this.byLabel.get(list)?.get(label);
  }

  labelOf(list: ListName, code: string): string | undefined {
    return this.byCode.get(list)?.get(code);
  }

  has(list: ListName, code: string): boolean {
    return this.byCode.get(list)?.has(code) ?? false;
  }

  items(list: ListName): ListItem[] {
    return [...(this.byCode.get(list) ?? new Map<string, string>())].map(([code, label]) => ({ code, label }));
  }

  /** Labels joined for a message: 「男」「女」. */
  labelsText(list: ListName): string {
    return this.items(list)
      .map((item) => `「${item.label}」`)
      .join('');
  }
}
