// The header words real ledgers write instead of the field headers of registers.md §1–3
// (registers.md §5 "Header words"), and how a header cell is compared: full- or half-width
// brackets, spaces and line breaks inside a header do not matter. Knows nothing of files.

import type { FieldSpec, RegisterDefinition } from '../registers/register.ts';
import { toHalfWidth } from '../registers/values.ts';

/** A header as compared: half-width, without spaces or line breaks. */
export function headerKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** Field header → the words ledgers write for it, whatever the register (registers.md §5). */
const synonyms: Readonly<Record<string, readonly string[]>> = {
  案件编号: ['编号', '案号', '卷宗号', '案卷号', '登记编号'],
  调解组织: ['调委会', '调解委员会', '调解组织名称', '受理调委会'],
  受理日期: ['受理时间', '登记日期', '登记时间', '收案日期', '收案时间'],
  案件来源: ['来源', '纠纷来源'],
  纠纷类型: ['纠纷类别', '纠纷种类'],
  当事人: ['当事人姓名', '双方当事人', '申请人', '被申请人'],
  涉及人数: ['当事人数', '涉及当事人数', '人数'],
  '涉及金额(元)': ['涉案金额', '标的额', '涉及金额'],
  调解员: ['调解人员', '调解人', '主持调解员'],
  调解结果: ['结果', '调处结果'],
  结案日期: ['结案时间', '办结日期', '调结日期', '终结日期'],
  协议形式: ['协议类型'],
  履行情况: ['协议履行情况'],
  承办人: ['承办律师', '承办人员'],
  '挽回经济损失(元)': ['挽回损失', '挽回经济损失'],
  身份证号码: ['身份证号', '公民身份号码', '证件号码'],
  执行地司法所: ['司法所', '所属司法所', '执行地', '矫正单位'],
  矫正类别: ['矫正类型', '类别'],
  矫正起始日期: ['矫正开始日期', '起始日期', '矫正期限起'],
  矫正期满日期: ['矫正结束日期', '期满日期', '矫正期限止'],
  入矫日期: ['报到日期', '接收日期', '入矫时间'],
  解矫日期: ['解除日期', '解除(终止)日期', '解矫时间'],
  解矫类型: ['解除(终止)类型', '解矫原因', '解除类型'],
  单位: ['司法所', '所属单位', '填报单位'],
  日期: ['时间', '活动日期', '排查日期', '会见日期'],
};

/** Words that mean a field only in one register (案件类别 is the dispute type only in the mediation ledger). */
const registerSynonyms: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  人民调解案件: { 纠纷类型: ['案件类型', '案件类别'] },
  法律援助案件: { 受援人: ['受援人姓名', '当事人', '申请人'] },
};

/** Headers that are never a field: a running number. */
export const RUNNING_NUMBER_HEADERS: ReadonlySet<string> = new Set(['序号', '编号', '顺序号', 'NO', 'NO.', 'No', 'No.']);

/** A header that says the column's amounts are in 万元: `涉案金额（万元）`. */
export function isTenThousandHeader(header: string): boolean {
  return headerKey(header).includes('万元');
}

/** A header without its unit in brackets: 涉案金额(万元) → 涉案金额, 涉及金额(元) → 涉及金额. */
function withoutUnit(key: string): string {
  return key.replace(/\((万元|元|人|件|次)\)$/, '');
}

/** The field a header cell names in a register, or undefined. Exact headers win over synonyms. */
export function fieldForHeader(register: RegisterDefinition, header: string): FieldSpec | undefined {
  return headerIndex(register).get(headerKey(header)) ?? headerIndex(register).get(withoutUnit(headerKey(header)));
}

const indexes = new WeakMap<RegisterDefinition, Map<string, FieldSpec>>();

function headerIndex(register: RegisterDefinition): Map<string, FieldSpec> {
  let index = indexes.get(register);
  if (index) return index;
  index = new Map();
  const own = registerSynonyms[register.title] ?? {};
  for (const field of register.fields) {
    for (const word of [...(synonyms[field.header] ?? []), ...(own[field.header] ?? [])]) {
      if (!index.has(headerKey(word))) index.set(headerKey(word), field);
    }
  }
  for (const field of register.fields) {
    index.set(headerKey(field.header), field);
    index.set(withoutUnit(headerKey(field.header)), field);
  }
  indexes.set(register, index);
  return index;
}
