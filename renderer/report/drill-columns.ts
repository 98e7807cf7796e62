// Column titles and cell text for drill-down rows: the engine names each field of a row
// (db/report/indicators.ts `rows.columns`); here they get their ledger headers in Chinese.

import { formatCount, formatDay, formatFen } from '../common/format.ts';

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
  // 村(居)法律顾问, 普法, 安置帮教
  identity: '身份',
  villages: '服务村(居)',
  village: '服务村(居)',
  advisers: '法律顾问',
  adviser: '法律顾问',
  servedOn: '日期',
  serviceType: '服务类型',
  quantity: '数量',
  form: '活动形式',
  sessions: '场次',
  audience: '受众人次',
  personType: '人员类型',
  releasedOn: '释放日期',
  takenOverOn: '衔接日期',
  resettlementMethod: '安置方式',
  helpEndsOn: '帮教期满日期',
  reoffendedOn: '重新犯罪日期',
};

/** `name` is an organisation's 名称 or a person's 姓名, depending on the table. */
export function columnTitle(key: string, table: string): string {
  if (key === 'name') return table === 'mediation_org' ? '名称' : '姓名';
  return titles[key] ?? key;
}

export function cellText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (key.endsWith('On') && typeof value === 'string') return formatDay(value);
  if (typeof value === 'number') return formatCount(value);
  return String(value);
}

/** Right-aligned columns: amounts and counts. */
export function isNumeric(key: string): boolean {
  return key.endsWith('Fen') || ['sweeps', 'disputesFound', 'visitors', 'helpCount', 'pleaWitnessCount', 'attendance', 'visits', 'events', 'quantity', 'sessions', 'audience'].includes(key);
}
