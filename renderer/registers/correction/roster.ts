// The 社区矫正对象 roster as events and activities use it: who was in correction on a day
// (入矫日期 ≤ d < 解矫日期), how a person is named in a picker (姓名 and masked number), and
// matching a typed name or 身份证号码.

import { maskIdNumber } from '../common/field-values.ts';
import type { ApiRecord } from '../common/types.ts';

/** In correction on `day` (registers.md §3); `throughExit` also counts the 解矫 day itself (再犯罪). */
export function inCorrectionOn(stint: ApiRecord, day: string, throughExit = false): boolean {
  const exited = stint.exited_on as string | null;
  return String(stint.entered_on) <= day && (exited === null || day < exited || (throughExit && day === exited));
}

/** 徐鹏英 4451**********6134 · 入矫 2025-01-05 */
export function stintLabel(stint: ApiRecord): string {
  const exited = stint.exited_on ? ` · 已解矫 ${stint.exited_on}` : '';
  return `${stint.name} ${maskIdNumber(String(stint.id_number))} · 入矫 ${stint.entered_on}${exited}`;
}

/**
 * Typed text finds a person by part of the name or of the 身份证号码. Lists hand out numbers
 * masked (4451**********1234), so a number is found by its first or last digits, and a whole
 * typed number by its first four and last four.
 */
export function matchesStint(stint: ApiRecord, typed: string): boolean {
  const text = typed.trim().toUpperCase();
  const idNumber = String(stint.id_number);
  if (text === '' || String(stint.name).includes(text) || idNumber.includes(text)) return true;
  return text.length === idNumber.length && idNumber.startsWith(text.slice(0, 4)) && idNumber.endsWith(text.slice(-4));
}
