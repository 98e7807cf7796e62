// Cell text and alignment for drill-down rows (their column titles: db/report/drill-titles.ts).

import { formatCount, formatDay, formatFen } from '../common/format.ts';

export function cellText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (key.endsWith('On') && typeof value === 'string') return formatDay(value);
  if (typeof value === 'number') return formatCount(value);
  return String(value);
}

/** Right-aligned columns: amounts and counts. */
export function isNumeric(key: string): boolean {
  return key.endsWith('Fen') || ['sweeps', 'disputesFound', 'visitors', 'helpCount', 'pleaWitnessCount', 'attendance', 'visits', 'events', 'quantity', 'sessions', 'audience'].includes(key);
}
