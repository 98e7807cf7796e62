// Under an organisation's detail: its mediators (调解员), current and dismissed.

import { DASH } from '../../common/format.ts';
import { labelOf } from '../common/field-values.ts';
import { RelatedRecords } from '../common/RelatedRecords.tsx';
import type { ApiRecord, Catalogue } from '../common/types.ts';

export function OrgMediators({ record, catalogue }: { record: ApiRecord; catalogue: Catalogue }) {
  return (
    <RelatedRecords
      title="本组织调解员"
      register="mediator"
      query={{ filters: { org_id: record.id }, sort: 'name' }}
      columns={[
        { header: '姓名', value: (mediator) => String(mediator.name) },
        { header: '专兼职', value: (mediator) => labelOf(catalogue, 'employment', mediator.employment) },
        { header: '聘任日期', value: (mediator) => String(mediator.appointed_on) },
        { header: '解聘日期', value: (mediator) => (mediator.dismissed_on as string | null) ?? DASH },
      ]}
    />
  );
}
