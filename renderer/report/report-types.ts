// Shapes the report page passes around: what a report covers, and an indicator's label as
// `report.indicators` gives it.

import { businessLines } from '../../db/registers/register.ts';
import type { Register } from '../../db/report/indicators.ts';

/** What a report (and its drill-downs and exports) covers. */
export interface ReportScope {
  readonly from: string;
  readonly to: string;
  /** One office, or null for the whole bureau. */
  readonly officeId: number | null;
}

export interface IndicatorLabel {
  readonly id: string;
  readonly label: string;
  readonly register: Register;
}

/** The report's sections, in the order of indicators.md. */
export const registerOrder: readonly Register[] = businessLines;
