// What the report exports share: the bureau's name for titles, the offices a report covers,
// and the period written the way Chinese reports write it (2024年, 2024年1—10月).
// Reads only the `setting` and `office` tables; computes no figure (that is the engine's job).

import type { RegisterDatabase } from '../database.ts';
import type { Scope } from '../report/engine.ts';

export interface Office {
  readonly id: number;
  readonly name: string;
}

/** The bureau's name (setting `bureauName`, e.g. 潮州市湘桥区司法局), or 「司法局」 when unset. */
export function bureauName(db: RegisterDatabase): string {
  const row = db.prepare("SELECT value FROM setting WHERE key = 'bureauName'").get() as { value: string } | undefined;
  return row?.value.trim() || '司法局';
}

/**
 * The offices whose own figures an export shows: every office in use (not deleted), in the
 * managed list's order, for the whole bureau; just that office for a one-office scope.
 */
export function officesInScope(db: RegisterDatabase, scope: Scope): Office[] {
  const officeId = scope.officeId ?? null;
  if (officeId !== null) {
    const office = db.prepare('SELECT id, name FROM office WHERE id = ?').get(officeId) as Office | undefined;
    if (!office) throw new Error(`单位不存在（编号 ${officeId}）`);
    return [office];
  }
  return db.prepare('SELECT id, name FROM office WHERE deleted_at IS NULL ORDER BY sort, id').all() as Office[];
}

/**
 * A period as report titles and sentences name it: a calendar year 「2024年」, whole months
 * 「2024年1—10月」 or 「2024年3月」 (across a new year 「2023年11月至2024年2月」), any other
 * range day by day 「2024年1月5日至3月20日」.
 */
export function periodName(from: string, to: string): string {
  const [fromYear, fromMonth, fromDay] = dateParts(from);
  const [toYear, toMonth, toDay] = dateParts(to);
  const wholeMonths = fromDay === 1 && toDay === daysInMonth(toYear, toMonth);
  if (wholeMonths && fromYear === toYear) {
    if (fromMonth === 1 && toMonth === 12) return `${fromYear}年`;
    return fromMonth === toMonth ? `${fromYear}年${fromMonth}月` : `${fromYear}年${fromMonth}—${toMonth}月`;
  }
  if (wholeMonths) return `${fromYear}年${fromMonth}月至${toYear}年${toMonth}月`;
  const end = fromYear === toYear ? `${toMonth}月${toDay}日` : `${toYear}年${toMonth}月${toDay}日`;
  return `${fromYear}年${fromMonth}月${fromDay}日至${end}`;
}

/** Whether a period is one whole calendar year (the text then says 「上年」 rather than 「上年同期」). */
export function isCalendarYear(from: string, to: string): boolean {
  return from.slice(0, 4) === to.slice(0, 4) && from.slice(5) === '01-01' && to.slice(5) === '12-31';
}

/** 2024-12-31 → 2024年12月31日 */
export function dateName(date: string): string {
  const [year, month, day] = dateParts(date);
  return `${year}年${month}月${day}日`;
}

/** An ISO instant (report.generatedAt) as local 「YYYY-MM-DD HH:mm」. */
export function localTime(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

function dateParts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
