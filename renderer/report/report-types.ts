// Shapes the report page passes around: what a report covers, and an indicator's label as
// `report.indicators` gives it.

import { businessLines, type IndicatorLabel, type Register } from '../../db/api/contract.ts';

export type { IndicatorLabel };

/** What a report (and its drill-downs and exports) covers. */
export interface ReportScope {
  readonly from: string;
  readonly to: string;
  /** One office, or null for the whole bureau. */
  readonly officeId: number | null;
}

/** The report's sections, in the order of indicators.md. */
export const registerOrder: readonly Register[] = businessLines;
