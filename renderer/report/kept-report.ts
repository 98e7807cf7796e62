// The report page's last state — period, office, the report generated — kept for the session
// while the user visits other pages, so coming back shows the same report (with its 生成于
// time) instead of an empty page. Kept in memory only, and for one user: another login starts
// afresh.

import type { Report } from '../../db/api/contract.ts';
import type { PeriodChoice } from './PeriodPicker.tsx';
import type { ReportScope } from './report-types.ts';

export interface Generated {
  readonly scope: ReportScope;
  readonly report: Report;
  /** 上年同期 and 同比 are being counted (they follow this year's figures). */
  readonly comparing: boolean;
}

export interface KeptReport {
  readonly choice: PeriodChoice;
  readonly officeId: number | null;
  readonly generated: Generated | null;
}

let kept: { readonly username: string; readonly state: KeptReport } | null = null;

export function keptReport(username: string): KeptReport | null {
  return kept?.username === username ? kept.state : null;
}

export function keepReport(username: string, state: KeptReport): void {
  kept = { username, state };
}
