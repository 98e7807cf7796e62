// The words of the report's Word draft that every business line's section is written with: the
// report's figures read for sentences (counts, decimals, the non-zero parts, 同比), the
// sentence that leaves out empty clauses, and what a section is. Text only: no layout, no docx.

import type { Report } from '../report/engine.ts';
import type { DisputeType } from '../report/measures.ts';
import { isCalendarYear } from './report-scope.ts';

/** One numbered section of the draft: 「一、人民调解工作」 and its parts. */
export interface Section {
  /** 一、人民调解工作 */
  readonly heading: string;
  readonly parts: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

/** What a business line's section is written from. */
export interface DraftContext {
  readonly figures: Figures;
  /** 2024年, 2024年1—10月 … */
  readonly period: string;
  /** Who the figures are of: the office, or the bureau's area (全区). */
  readonly where: string;
  /** The day stocks are counted at (截至): the earlier of the period's end and today. */
  readonly asOf: string;
  /** The configured 纠纷类型, in their order. */
  readonly disputeTypes: readonly DisputeType[];
}

/** Reads the report's figures for the sentences; a figure is printed exactly as the report gives it. */
export function readFigures(report: Report) {
  const value = (id: string): number | null => {
    const figure = report.indicators[id];
    if (figure === undefined) throw new Error(`报告中没有指标「${id}」`);
    return figure;
  };
  /** A count or sum, as a whole number. */
  const count = (id: string) => String(value(id) ?? 0);
  /** A rate or 万元, with two decimals; null when the report has none (a rate over 0). */
  const decimal = (id: string) => {
    const figure = value(id);
    return figure === null ? null : figure.toFixed(2);
  };
  /** 「刑事598宗、民事118宗」: the non-zero parts, or '' when all are zero. */
  const parts = (items: readonly (readonly [name: string, id: string])[], unit: string) =>
    items
      .filter(([, id]) => (value(id) ?? 0) !== 0)
      .map(([name, id]) => `${name}${count(id)}${unit}`)
      .join('、');
  /** `text` when the figure is not zero, else '' (so a sentence leaves the clause out). */
  const ifAny = (id: string, text: string) => ((value(id) ?? 0) !== 0 ? text : '');
  const lastYear = isCalendarYear(report.from, report.to) ? '上年' : '上年同期';
  /**
   * 同比 of each figure: 「受理矛盾纠纷数同比上升9.38%（上年650宗）」, 「…与上年持平」; a figure
   * whose last-year value is 0 or missing is left out. '' when nothing is compared.
   */
  const comparison = (items: readonly (readonly [name: string, id: string, unit: string])[]) =>
    items
      .flatMap(([name, id, unit]) => {
        const change = report.change?.[id];
        const previous = report.previous?.[id];
        if (change === null || change === undefined || previous === null || previous === undefined) return [];
        const before = `（${lastYear}${unit === '万元' ? previous.toFixed(2) : String(previous)}${unit}）`;
        if (change === 0) return [`${name}与${lastYear}持平${before}`];
        return [`${name}同比${change > 0 ? '上升' : '下降'}${Math.abs(change).toFixed(2)}%${before}`];
      })
      .join('，');
  return { value, count, decimal, parts, ifAny, comparison };
}

export type Figures = ReturnType<typeof readFigures>;

/** Clauses joined with 「，」 and closed with 「。」; the empty ones are left out, and '' when all are. */
export function sentence(...clauses: readonly string[]): string {
  const said = clauses.filter((clause) => clause !== '');
  return said.length === 0 ? '' : `${said.join('，')}。`;
}
