// The code lists migration 1 seeds, frozen as they were released: list name, configurable,
// then [code, label] in display order (sort = position). Never edit: a later change to the
// vocabulary (db/registers/vocabulary.ts) is a new migration, so what migration 1 does never changes.

type SeededList = readonly [list: string, configurable: boolean, items: readonly (readonly [code: string, label: string])[]];

export const migration1Lists: readonly SeededList[] = deepFreeze<readonly SeededList[]>([
  ['sex', false, [['male', '男'], ['female', '女']]],
  [
    'orgKind',
    false,
    [
      ['village', '村(居)调委会'], ['township', '乡镇(街道)调委会'], ['enterprise', '企事业单位调委会'], ['professional', '行业性专业性调委会'],
      ['stationed', '派驻调解室'], ['personal', '个人调解工作室'], ['other', '其他'],
    ],
  ],
  [
    'orgSpecialty',
    true,
    [
      ['medical', '医疗'], ['traffic', '道路交通'], ['labour', '劳动争议'], ['property_mgmt', '物业'], ['consumer', '消费'],
      ['marriage_family', '婚姻家庭'], ['police_station', '派出所'], ['court', '法院'], ['procuratorate', '检察院'],
      ['petition', '信访'], ['other', '其他'],
    ],
  ],
  ['employment', false, [['fulltime', '专职'], ['parttime', '兼职']]],
  [
    'mediatorBackground',
    true,
    [
      ['retired_judge', '退休法官'], ['retired_prosecutor', '退休检察官'], ['retired_officer', '退休政法干警'], ['lawyer', '律师'],
      ['grassroots', '基层法律服务工作者'], ['village_cadre', '村(居)干部'], ['other', '其他'],
    ],
  ],
  [
    'mediationSource',
    false,
    [
      ['apply', '当事人申请'], ['initiative', '主动调解'], ['court', '法院委派委托'], ['police', '公安移送'], ['petition', '信访移送'],
      ['other_dept', '其他部门移送'],
    ],
  ],
  [
    'disputeType',
    true,
    [
      ['marriage_family', '婚姻家庭'], ['neighbour', '邻里'], ['housing_land', '房屋宅基地'], ['contract', '合同'],
      ['business', '生产经营'], ['damages', '损害赔偿'], ['forest_land', '山林土地'], ['expropriation', '征地拆迁'],
      ['pollution', '环境污染'], ['migrant_wages', '拖欠农民工工资'], ['labour_other', '其他劳动争议'], ['tourism', '旅游'],
      ['ecommerce', '电子商务'], ['consumer_other', '其他消费'], ['medical', '医疗'], ['traffic', '道路交通事故'],
      ['property_mgmt', '物业'], ['other', '其他'],
    ],
  ],
  ['difficulty', false, [['simple', '简单'], ['ordinary', '一般'], ['major', '重大'], ['difficult', '疑难']]],
  ['mediationResult', false, [['pending', '调解中'], ['succeeded', '调解成功'], ['failed', '调解不成功']]],
  ['agreementForm', false, [['written', '书面'], ['oral', '口头']]],
  ['performance', false, [['performed', '已履行'], ['partly', '部分履行'], ['unperformed', '未履行'], ['judicial_confirmation', '司法确认']]],
  ['failureRoute', false, [['litigation', '引导诉讼'], ['arbitration', '引导仲裁'], ['administrative', '引导行政处理'], ['other', '其他']]],
  ['legalAidSource', false, [['application', '申请'], ['notified_defence', '通知辩护'], ['notified_agency', '通知代理']]],
  ['notifyingAuthority', false, [['police', '公安机关'], ['procuratorate', '人民检察院'], ['court', '人民法院']]],
  [
    'legalAidCategory',
    false,
    [
      ['criminal', '刑事'], ['civil', '民事'], ['administrative', '行政'], ['state_compensation', '国家赔偿'],
      ['non_litigation', '其他非诉'],
    ],
  ],
  ['criminalStage', false, [['investigation', '侦查'], ['prosecution', '审查起诉'], ['trial', '审判'], ['appeal', '申诉']]],
  ['reviewResult', false, [['granted', '给予援助'], ['rejected', '不予援助']]],
  [
    'specialGroup',
    true,
    [
      ['disabled', '残疾人'], ['migrant_worker', '农民工'], ['military', '军人军属'], ['new_employment', '新就业形态劳动者'],
      ['minority', '少数民族'], ['low_income', '低保特困'], ['foreigner', '外国籍'], ['martyr_kin', '英烈近亲属'],
      ['good_samaritan', '见义勇为'],
    ],
  ],
  [
    'handlerType',
    false,
    [
      ['lawyer', '社会律师'], ['staff', '法律援助机构工作人员'], ['grassroots', '基层法律服务工作者'], ['social_org', '社会组织人员'],
      ['volunteer', '法律援助志愿者'],
    ],
  ],
  [
    'closingMethod',
    false,
    [
      ['judgment', '判决'], ['ruling', '裁定'], ['mediation', '调解'], ['settlement', '和解'], ['withdrawal', '撤诉'],
      ['arbitration', '仲裁裁决'], ['non_litigation', '非诉办结'], ['terminated', '终止援助'],
    ],
  ],
  ['consultationChannel', false, [['visit', '来访'], ['phone', '来电'], ['letter', '来信'], ['online', '网络']]],
  [
    'consultationMatter',
    false,
    [
      ['civil', '民事'], ['criminal', '刑事'], ['administrative', '行政'], ['state_compensation', '国家赔偿'], ['other', '其他'],
    ],
  ],
  [
    'consultationOutcome',
    false,
    [
      ['answered', '当场解答'], ['document', '代写文书'], ['to_legal_aid', '转为法律援助申请'], ['redirected', '引导其他途径'],
    ],
  ],
  [
    'dutyPlace',
    false,
    [
      ['detention_centre', '看守所'], ['court', '人民法院'], ['procuratorate', '人民检察院'], ['service_centre', '公共法律服务中心'],
    ],
  ],
  ['correctionCategory', false, [['control', '管制'], ['probation', '缓刑'], ['parole', '假释'], ['medical_parole', '暂予监外执行']]],
  ['decidingAuthority', false, [['court', '人民法院'], ['police', '公安机关'], ['prison_admin', '监狱管理机关']]],
  ['supervisionLevel', true, [['strict', '严管'], ['ordinary', '普管'], ['lenient', '宽管']]],
  [
    'exitType',
    false,
    [
      ['expired', '期满解除'], ['pardoned', '赦免'], ['revoke_probation', '撤销缓刑'], ['revoke_parole', '撤销假释'],
      ['imprisoned', '收监执行'], ['death', '死亡'], ['transferred_out', '执行地变更迁出'],
    ],
  ],
  [
    'correctionEventType',
    false,
    [
      ['praise', '表扬'], ['admonition', '训诫'], ['warning', '警告'], ['penalty_request', '提请治安管理处罚'],
      ['revoke_probation_request', '提请撤销缓刑'], ['revoke_parole_request', '提请撤销假释'],
      ['imprisonment_request', '提请收监执行'], ['absconded', '脱管'], ['missed', '漏管'], ['reoffended', '再犯罪'],
      ['individual_education', '个别教育'], ['counselling', '心理辅导'], ['e_monitoring', '电子定位'], ['leave', '外出请假'],
    ],
  ],
  [
    'activityType',
    false,
    [
      ['group_education', '集中教育'], ['community_service', '公益活动'], ['training', '职业技能培训'],
      ['group_counselling', '心理团体辅导'],
    ],
  ],
  [
    'commissioningAuthority',
    false,
    [
      ['court', '人民法院'], ['procuratorate', '人民检察院'], ['police', '公安机关'], ['prison_admin', '监狱管理机关'],
    ],
  ],
  ['assessmentOpinion', false, [['suitable', '适宜'], ['unsuitable', '不适宜']]],
]);

function deepFreeze<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(deepFreeze);
  return Object.freeze(value);
}
