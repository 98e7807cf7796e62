// How figures and dates read on screen: counts with thousands separators, 万元 and rates with
// two decimals, 同比 with a sign, file sizes, and "—" for what has no value. Pure functions,
// no React.

import dayjs from 'dayjs';

export const DASH = '—';

const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 12345 → "12,345". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : countFormat.format(value);
}

/** Already in 万元 with 2 decimals: 4323.08 → "4,323.08". */
function formatWan(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : twoDecimals.format(value);
}

/** A percentage already rounded to 2 decimals: 94.53 → "94.53%". */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : `${twoDecimals.format(value)}%`;
}

/** Integer fen → yuan with separators: 1234550 → "12,345.50". */
export function formatFen(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : twoDecimals.format(value / 100);
}

/** 同比 in %: 12.5 → "↑12.50%", -3 → "↓3.00%", 0 → "0.00%". */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  const arrow = value > 0 ? '↑' : value < 0 ? '↓' : '';
  return `${arrow}${twoDecimals.format(Math.abs(value))}%`;
}

/** The kind of figure an indicator id names (indicators.md: rates end in `rate`, 万元 in `_wan`). */
export type FigureKind = 'count' | 'wan' | 'rate';

export function figureKind(indicatorId: string): FigureKind {
  if (indicatorId.endsWith('_wan')) return 'wan';
  if (indicatorId.endsWith('rate')) return 'rate';
  return 'count';
}

export function formatFigure(indicatorId: string, value: number | null | undefined): string {
  const kind = figureKind(indicatorId);
  if (kind === 'wan') return formatWan(value);
  if (kind === 'rate') return formatRate(value);
  return formatCount(value);
}

/** A file size: 2048 → "2 KB", 3500000 → "3.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${countFormat.format(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** ISO day as stored, or "—". */
export function formatDay(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : DASH;
}

/** A timestamp (ISO, UTC) in local time: "2026-01-05 14:03". */
export function formatTimestamp(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : DASH;
}
