// 调解组织 and 调解员 as other records point at them: the organisation select (a mediator's
// org, a case's org), a case's mediators picked from that organisation's mediators only, and
// their names in lists and details.

import { MultiSelect, Select } from '@mantine/core';
import { DASH } from '../../common/format.ts';
import { useAllRecords } from '../common/all-records.ts';
import { picksOnEnterAttribute } from '../common/enter-navigation.ts';
import { comboBehaviour, selectBehaviour } from '../common/FieldInput.tsx';
import { defineEditor, type ApiRecord, type CustomEditor, type EditorProps } from '../common/types.ts';

const allOrgs = { sort: 'name' };

const orgLabel = (org: ApiRecord) => (org.dissolved_on ? `${org.name}（已撤销）` : String(org.name));
const mediatorLabel = (mediator: ApiRecord) => (mediator.dismissed_on ? `${mediator.name}（已解聘）` : String(mediator.name));

const idText = (value: unknown) => (value === null || value === undefined ? null : String(value));
const idNumber = (value: string | null) => ({ ok: true as const, value: value === null ? null : Number(value) });

/** The organisation's name: joined into case rows, looked up for mediator rows. */
function OrgName({ record }: { record: ApiRecord }) {
  const { records } = useAllRecords('mediationOrg', record.org_name ? null : allOrgs);
  if (record.org_name) return <>{String(record.org_name)}</>;
  const org = records?.find((candidate) => candidate.id === record.org_id);
  return <>{org ? orgLabel(org) : DASH}</>;
}

/**
 * The organisation select; choosing another organisation empties `dependents` (a case's
 * mediators belong to its organisation).
 */
export function orgEditor(dependents: readonly string[] = []): CustomEditor<unknown> {
  function OrgSelect({ field, value, onChange, error, form }: EditorProps<string | null>) {
    const { records, error: loadError } = useAllRecords('mediationOrg', allOrgs);
    return (
      <Select
        {...selectBehaviour}
        label={field.header}
        placeholder="输入名称选择"
        data={(records ?? []).map((org) => ({ value: String(org.id), label: orgLabel(org) }))}
        value={value}
        onChange={(orgId) => {
          if (orgId === value) return;
          onChange(orgId);
          for (const name of dependents) form.set(name, []);
        }}
        error={error ?? loadError?.message}
      />
    );
  }
  return defineEditor<string | null>({ empty: null, fromRecord: idText, toRecord: idNumber, Input: OrgSelect, Display: OrgName });
}

function useOrgMediators(orgId: unknown) {
  return useAllRecords('mediator', orgId ? { filters: { org_id: Number(orgId) }, sort: 'name' } : null);
}

function MediatorsSelect({ field, value, onChange, error, form }: EditorProps<string[]>) {
  const orgId = form.values.org_id;
  const { records, error: loadError } = useOrgMediators(orgId);
  return (
    <MultiSelect
      {...comboBehaviour}
      {...picksOnEnterAttribute}
      label={field.header}
      placeholder={orgId ? '输入姓名选择，可选多人' : '请先选择调解组织'}
      disabled={!orgId}
      data={(records ?? []).map((mediator) => ({ value: String(mediator.id), label: mediatorLabel(mediator) }))}
      value={value}
      onChange={onChange}
      error={error ?? loadError?.message}
    />
  );
}

function MediatorNames({ record }: { record: ApiRecord }) {
  const { records } = useOrgMediators(record.org_id);
  const ids = (record.mediator_ids as number[] | undefined) ?? [];
  if (!records || ids.length === 0) return <>{DASH}</>;
  return <>{ids.map((id) => records.find((mediator) => mediator.id === id)?.name ?? `（编号 ${id}）`).join('、')}</>;
}

/** A case's mediators: ids stored, names shown, chosen from the case's organisation. */
export const mediatorsEditor = defineEditor<string[]>({
  empty: [],
  fromRecord: (ids) => ((ids as number[] | null) ?? []).map(String),
  toRecord: (ids) => ({ ok: true, value: ids.map(Number) }),
  Input: MediatorsSelect,
  Display: MediatorNames,
});
