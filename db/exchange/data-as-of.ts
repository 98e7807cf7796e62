// The bureau's "数据截至" of each joined office beside a report (exchange.md): the entry per office
// and the sentence above them, warning when some office's last package is older than the end of
// the period. One wording for the report page and its Excel and Word exports. Environment-neutral.

export interface OfficeDataAsOf {
  readonly office: string;
  /** When the office made its newest package the bureau has applied; null: none yet. */
  readonly dataAsOf: string | null;
  /** The figures may miss the office's records: its data ends before the period does. */
  readonly stale: boolean;
  /** "城西司法所 · 数据截至 2025-01-05 16:20", with a warning when stale. */
  readonly text: string;
}

/** The sentence above the entries: 各司法所的数据截至时间, with how many are older than the period's end. */
export function dataAsOfHeading(entries: readonly OfficeDataAsOf[]): string {
  const stale = entries.filter((entry) => entry.stale).length;
  return stale > 0 ? `各司法所的数据截至时间（${stale} 个所的数据早于统计期末，数字可能不全，请先导入其最新数据包）` : '各司法所的数据截至时间';
}
