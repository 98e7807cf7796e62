// What a business line (业务条线) brings to the report, declared in its own module beside the
// others in this folder: the tables its figures read, its indicators, its printable sheet of the
// report workbook and its section of the Word draft. The report, the workbook and the draft go
// through the lines in ./index.ts; none of them names a line.

import type { RegisterDatabase } from '../../database.ts';
import type { DraftContext, Section } from '../../export/draft-text.ts';
import type { IndicatorDefinition, Source } from '../measures.ts';

export interface LineReport {
  /** The tables its figures read, by source name (unique across the lines). */
  readonly sources: Readonly<Record<string, Source>>;
  /** Its indicators, in indicators.md's order, with the configurable lists as `db` holds them. */
  readonly indicators: (db: RegisterDatabase) => IndicatorDefinition[];
  /** Its printable sheet of the report workbook (「人民调解工作统计表」 …). */
  readonly table: LineTable;
  readonly draft: LineDraft;
}

/** One figure column of a line's table. */
export interface FigureColumn {
  readonly header: string;
  readonly id: string;
}

/** A column, or a group of columns under one merged header. */
export type Heading = FigureColumn | { readonly header: string; readonly columns: readonly FigureColumn[] };

export interface LineTable {
  /** The units its figures are counted in, for the line under the title. */
  readonly units: string;
  readonly headings: readonly Heading[];
}

/** Its section of the Word draft. */
export interface LineDraft {
  /** The section is written only when one of these figures is not zero; absent: always written. */
  readonly whenAny?: readonly string[];
  readonly write: (ordinal: string, context: DraftContext) => Section;
}
