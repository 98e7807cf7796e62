// Cell text of drill-down rows (their titles and alignment come with the drill-down: db/report/lines/).

import { formatCount, formatDay, formatFen } from '../common/format.ts';

export function cellText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (key.endsWith('On') && typeof value === 'string') return formatDay(value);
  if (typeof value === 'number') return formatCount(value);
  return String(value);
}
