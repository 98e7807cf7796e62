// The indicators of indicators.md: every business line's, in the report's order. A line's
// module (./lines/) declares its sources, indicators, workbook sheet and draft section; this
// module only gathers them. A new business line is one more entry in `lineReports`.

import type { RegisterDatabase } from '../database.ts';
import { businessLines, type BusinessLine } from '../registers/register.ts';
import { correctionReport } from './lines/correction.ts';
import { legalAdviserReport } from './lines/legal-adviser.ts';
import { legalAidReport } from './lines/legal-aid.ts';
import type { LineReport } from './lines/line.ts';
import { mediationReport } from './lines/mediation.ts';
import { publicityReport } from './lines/publicity.ts';
import { resettlementReport } from './lines/resettlement.ts';
import type { IndicatorDefinition, Source } from './measures.ts';

/** A section of the report: a business line. */
export type Register = BusinessLine;

const reportOf: Readonly<Record<BusinessLine, LineReport>> = {
  人民调解: mediationReport,
  法律援助: legalAidReport,
  社区矫正: correctionReport,
  '村(居)法律顾问': legalAdviserReport,
  普法: publicityReport,
  安置帮教: resettlementReport,
};

/** Every business line's part of the report, in the order of `businessLines`. */
export const lineReports: readonly (LineReport & { readonly line: BusinessLine })[] = businessLines.map((line) => ({ line, ...reportOf[line] }));

/** Every table the indicators read, by source name. */
export const sources: ReadonlyMap<string, Source> = new Map(lineReports.flatMap((line) => Object.entries(line.sources)));

/** The source a measure names (every measure names one of its line's). */
export function sourceNamed(name: string): Source {
  const source = sources.get(name);
  if (!source) throw new Error(`no source named ${name}`);
  return source;
}

/** Every indicator of indicators.md, in the spec's order, with the configurable lists as configured in `db`. */
export function indicatorDefinitions(db: RegisterDatabase): IndicatorDefinition[] {
  return lineReports.flatMap((line) => line.indicators(db));
}
