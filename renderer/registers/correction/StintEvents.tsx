// Under a stint's detail: its supervision events (社区矫正事件), oldest first.

import { DASH } from '../../common/format.ts';
import { labelOf } from '../common/field-values.ts';
import { RelatedRecords } from '../common/RelatedRecords.tsx';
import type { ApiRecord, Catalogue } from '../common/types.ts';

export function StintEvents({ record, catalogue }: { record: ApiRecord; catalogue: Catalogue }) {
  return (
    <RelatedRecords
      title="矫正期间事件"
      register="correctionEvent"
      query={{ filters: { stint_id: record.id }, sort: 'event_on' }}
      columns={[
        { header: '日期', value: (event) => String(event.event_on) },
        { header: '事件类型', value: (event) => labelOf(catalogue, 'correctionEventType', event.event_type) },
        { header: '说明', value: (event) => (event.note as string | null) ?? DASH },
      ]}
    />
  );
}
