// Column titles of drill-down rows: the engine names each field of a row (indicators.ts
// `rows.columns`); here they get their ledger headers in Chinese, for the report page's
// drill-down and its Excel export alike. Environment-neutral.

const titles: Readonly<Record<string, string>> = {
  caseNo: '案件编号',
  org: '调解组织',
  office: '单位',
  kind: '类型',
  foundedOn: '成立日期',
  dissolvedOn: '撤销日期',
  employment: '专兼职',
  background: '身份背景',
  appointedOn: '聘任日期',
  dismissedOn: '解聘日期',
  receivedOn: '受理日期',
  disputeType: '纠纷类型',
  result: '调解结果',
  closedOn: '结案日期',
  amountFen: '涉及金额(元)',
  sweptOn: '日期',
  sweeps: '排查次数',
  disputesFound: '发现纠纷数',
  source: '案件来源',
  category: '类别',
  reviewResult: '审查结果',
  recipientName: '受援人',
  recoveredFen: '挽回经济损失(元)',
  consultedOn: '日期',
  channel: '方式',
  matter: '事项类别',
  visitors: '人次',
  dutyOn: '日期',
  place: '值班地点',
  lawyer: '律师',
  helpCount: '法律帮助人次',
  pleaWitnessCount: '认罪认罚见证',
  idNumber: '身份证号码',
  enteredOn: '入矫日期',
  exitedOn: '解矫日期',
  exitType: '解矫类型',
  eventOn: '日期',
  eventType: '事件类型',
  heldOn: '日期',
  activityType: '活动类型',
  topic: '主题',
  attendance: '参加人数',
  commissionNo: '委托编号',
  commissionedOn: '委托日期',
  subjectName: '被调查人',
  opinion: '评估意见',
  completedOn: '完成日期',
  visitedOn: '日期',
  visits: '次数',
  firstEventOn: '首次事件日期',
  events: '事件数',
};

/** `name` is an organisation's 名称 or a person's 姓名, depending on the table. */
export function columnTitle(key: string, table: string): string {
  if (key === 'name') return table === 'mediation_org' ? '名称' : '姓名';
  return titles[key] ?? key;
}
