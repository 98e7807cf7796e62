// Report periods in one click: a whole year, a half, a quarter, "1–N月", or any two dates
// (indicators.md: both ends inclusive). Pure date arithmetic on `YYYY-MM-DD` text.

export interface Period {
  readonly from: string;
  readonly to: string;
}

export type PresetKind = 'year' | 'firstHalf' | 'secondHalf' | 'q1' | 'q2' | 'q3' | 'q4' | 'monthsToDate';

export const presetLabels: Readonly<Record<PresetKind, string>> = {
  year: '全年',
  firstHalf: '上半年',
  secondHalf: '下半年',
  q1: '第一季度',
  q2: '第二季度',
  q3: '第三季度',
  q4: '第四季度',
  monthsToDate: '1–N月',
};

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Months `first`…`last` (1-based) of `year`. */
function monthSpan(year: number, first: number, last: number): Period {
  return { from: `${year}-${pad(first)}-01`, to: lastDayOfMonth(year, last) };
}

/** The period of a preset; `months` is N of "1–N月". */
export function presetPeriod(kind: PresetKind, year: number, months = 12): Period {
  switch (kind) {
    case 'year':
      return monthSpan(year, 1, 12);
    case 'firstHalf':
      return monthSpan(year, 1, 6);
    case 'secondHalf':
      return monthSpan(year, 7, 12);
    case 'q1':
      return monthSpan(year, 1, 3);
    case 'q2':
      return monthSpan(year, 4, 6);
    case 'q3':
      return monthSpan(year, 7, 9);
    case 'q4':
      return monthSpan(year, 10, 12);
    case 'monthsToDate':
      return monthSpan(year, 1, months);
  }
}

/** The calendar months a period touches, each clipped to the period: for monthly trends. */
export function monthsOf(period: Period): (Period & { label: string })[] {
  const months: (Period & { label: string })[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  for (;;) {
    const whole = monthSpan(year, month, month);
    if (whole.from > period.to) break;
    months.push({
      from: whole.from < period.from ? period.from : whole.from,
      to: whole.to > period.to ? period.to : whole.to,
      label: `${year}年${month}月`,
    });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** "2024-01-01 至 2024-12-31" */
export function describePeriod(period: Period): string {
  return `${period.from} 至 ${period.to}`;
}
