// 调解组织 and 调解员 as other records point at them: the organisation select (a mediator's
// org, a case's org), a case's mediators picked from that organisation's mediators only, and
// their names in lists and details. Once a case's 受理日期 is typed, only organisations not yet
// revoked and mediators not yet dismissed that day are offered (the backend refuses the others).

import { DASH } from '../../common/format.ts';
import { useAllRecords } from '../common/all-records.ts';
import { picksOnEnterAttribute } from '../common/enter-navigation.ts';
import { typedDay } from '../common/field-values.ts';
import { MultiPicker, Picker } from '../common/Picker.tsx';
import { defineEditor, type ApiRecord, type CustomEditor, type EditorProps, type FormValues } from '../common/types.ts';

const allOrgs = { sort: 'name' };

const orgLabel = (org: ApiRecord) => (org.dissolved_on ? `${org.name}（已撤销）` : String(org.name));
const mediatorLabel = (mediator: ApiRecord) => (mediator.dismissed_on ? `${mediator.name}（已解聘）` : String(mediator.name));

const idText = (value: unknown) => (value === null || value === undefined ? null : String(value));
const idNumber = (value: string | null) => ({ ok: true as const, value: value === null ? null : Number(value) });

/** A case's 受理日期 once it can be read (a mediator's form has none: every organisation is offered). */
const receivedDay = (values: FormValues) => typedDay(values.received_on);

/** Still there on `day`: not revoked (dismissed) before it; `ended` is the record's end date. */
const validOn = (ended: unknown, day: string | null) => !day || ended === null || ended === undefined || String(ended) >= day;

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
    const day = receivedDay(form.values);
    const offered = (records ?? []).filter((org) => String(org.id) === value || validOn(org.dissolved_on, day));
    return (
      <Picker
        name={field.name}
        label={field.header}
        withAsterisk={field.requiredColumn}
        placeholder="输入名称选择"
        description={day ? `仅列出 ${day} 未撤销的组织` : undefined}
        data={offered.map((org) => ({ value: String(org.id), label: orgLabel(org) }))}
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
  const day = receivedDay(form.values);
  const offered = (records ?? []).filter((mediator) => value.includes(String(mediator.id)) || validOn(mediator.dismissed_on, day));
  return (
    <MultiPicker
      {...picksOnEnterAttribute}
      name={field.name}
      label={field.header}
      withAsterisk={field.requiredColumn}
      placeholder={orgId ? '输入姓名选择，可选多人' : '请先选择调解组织'}
      description={day && orgId ? `仅列出 ${day} 在聘的调解员` : undefined}
      disabled={!orgId}
      data={offered.map((mediator) => ({ value: String(mediator.id), label: mediatorLabel(mediator) }))}
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
