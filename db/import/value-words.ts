// The values real ledgers write instead of a list's labels (registers.md §5 "Values"): words
// that end in the column's own word (婚姻家庭纠纷 → 婚姻家庭), the result and category words
// offices use, amounts in 万, dates as 20240305. Every reading that is not the label itself is
// a conversion the import preview counts, so nothing is guessed silently.

import type { FieldSpec } from '../registers/register.ts';
import { readDate, readMoneyFen, toHalfWidth, type Read } from '../registers/values.ts';
import type { ListName, Vocabulary } from '../registers/vocabulary.ts';

/** List → words ledgers write → the label they mean. */
const listWords: Partial<Record<ListName, Readonly<Record<string, string>>>> = {
  mediationResult: {
    成功: '调解成功',
    达成协议: '调解成功',
    不成功: '调解不成功',
    未达成协议: '调解不成功',
    终止调解: '调解不成功',
    正在调解: '调解中',
    在办: '调解中',
  },
  correctionCategory: { 暂监外: '暂予监外执行', 监外执行: '暂予监外执行' },
};

/** A list value as read: its code, and the label it was converted to when the ledger wrote something else. */
export type ListRead = { ok: true; code: string; convertedTo?: string } | { ok: false; reason: string };

/** Labels as typed with full-width brackets or stray spaces: 村（居）调委会 → 村(居)调委会. */
function normaliseLabel(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/**
 * A value of a list field: the label, a word offices use for it, the label followed by the
 * column's own word (the field header's or the header as written: 纠纷类型 → 纠纷, 书面协议 → 书面),
 * or what the user's mapping says it is.
 */
export function readListValue(
  field: FieldSpec,
  text: string,
  vocabulary: Vocabulary,
  mapped: Readonly<Record<string, string>> | undefined,
  writtenHeader: string,
): ListRead {
  const list = field.list!;
  const exact = vocabulary.codeOf(list, text);
  if (exact) return { ok: true, code: exact };
  const tryLabel = (label: string): ListRead | undefined => {
    const code = vocabulary.codeOf(list, label);
    return code ? { ok: true, code, convertedTo: label } : undefined;
  };
  const mappedLabel = mapped?.[text];
  if (mappedLabel !== undefined) {
    return tryLabel(mappedLabel) ?? { ok: false, reason: `映射文件中的「${mappedLabel}」不是 ${vocabulary.labelsText(list)} 之一` };
  }
  const plain = normaliseLabel(text);
  const found =
    tryLabel(plain) ??
    (listWords[list]?.[plain] ? tryLabel(listWords[list][plain]) : undefined) ??
    ownWordStripped(plain, [field.header, writtenHeader]).reduce<ListRead | undefined>((read, label) => read ?? tryLabel(label), undefined);
  return found ?? { ok: false, reason: `应为 ${vocabulary.labelsText(list)} 之一` };
}

/** The value without a trailing word that is part of the column's header: 婚姻家庭纠纷 (纠纷类型) → 婚姻家庭. */
function ownWordStripped(value: string, headers: readonly string[]): string[] {
  const labels: string[] = [];
  for (let length = Math.min(4, value.length - 1); length >= 2; length--) {
    const tail = value.slice(-length);
    if (headers.some((header) => header.includes(tail))) labels.push(value.slice(0, -length));
  }
  return labels;
}

/**
 * Money in yuan, integer fen: `12,345.50元` as §0 says, `1.5万` / `1.5万元` (×10,000), and a
 * column whose header says 万元 (every cell ×10,000). Exact: decimal digits are shifted, never
 * multiplied as binary floats.
 */
export function readAmountFen(raw: string, inTenThousands: boolean): Read<number> {
  const text = toHalfWidth(raw).trim().replace(/,/g, '');
  const wan = /^(\d+)(?:\.(\d+))?\s*万元?$/.exec(text);
  if (wan || inTenThousands) {
    const match = wan ?? /^(\d+)(?:\.(\d+))?\s*(?:万元?)?$/.exec(text);
    if (!match) return readMoneyFen(raw);
    const decimals = match[2] ?? '';
    if (decimals.length > 6) return { ok: false, reason: '金额最多精确到分' };
    const fen = Number(match[1]) * 1_000_000 + Number(decimals.padEnd(6, '0'));
    return Number.isSafeInteger(fen) ? { ok: true, value: fen } : { ok: false, reason: '金额过大' };
  }
  return readMoneyFen(raw);
}

/** A date as §0 allows, and also 20240305 (eight digits). */
export function readLedgerDate(text: string): Read<string> {
  const compact = /^\s*(\d{4})(\d{2})(\d{2})\s*$/.exec(toHalfWidth(text));
  return compact ? readDate(`${compact[1]}-${compact[2]}-${compact[3]}`) : readDate(text);
}

/** Ticks in a column whose header is a value (调解结果 over 成功 · 不成功 · 调解中). */
const tickSpellings = new Set(['√', '✓', '✔', '是', '1', 'y', 'Y', '☑', '■', 'true']);

export function isTicked(text: string): boolean {
  return tickSpellings.has(toHalfWidth(text).trim());
}
