// A 法律顾问服务's adviser and village: the adviser is picked from the roster of advisers who
// hold the post on the service's date (of the chosen office, when one is chosen; picking an
// adviser fills in the office), the village from the villages that adviser serves. Both are the
// form's pickers: required marks, and typed text that matches no option kept as the field's error.

import { DASH } from '../../common/format.ts';
import { useAllRecords } from '../common/all-records.ts';
import { typedDay } from '../common/field-values.ts';
import { Picker } from '../common/Picker.tsx';
import { defineEditor, type ApiRecord, type EditorProps } from '../common/types.ts';

const wholeRoster = { sort: 'name' };

/** 聘任日期 ≤ day < 解聘日期, as the backend checks it (db/registers/legal-adviser.ts). */
const servesOn = (adviser: ApiRecord, day: string) =>
  String(adviser.appointed_on) <= day && (adviser.dismissed_on === null || adviser.dismissed_on === undefined || day < String(adviser.dismissed_on));

const adviserLabel = (adviser: ApiRecord) => `${adviser.name}（${adviser.office_name ?? ''}）`;

const villagesOf = (adviser: ApiRecord | undefined) => (adviser ? String(adviser.villages).split('、') : []);

function useAdvisers() {
  return useAllRecords('legalAdviser', wholeRoster);
}

function AdviserSelect({ field, value, onChange, error, form }: EditorProps<string | null>) {
  const { records, error: loadError } = useAdvisers();
  const day = typedDay(form.values.served_on);
  const officeId = form.values.office_id ? Number(form.values.office_id) : null;
  const offered = (records ?? []).filter(
    (adviser) =>
      String(adviser.id) === value || ((!day || servesOn(adviser, day)) && (officeId === null || adviser.office_id === officeId)),
  );
  return (
    <Picker
      name={field.name}
      label={field.header}
      withAsterisk={field.requiredColumn}
      placeholder="输入姓名选择"
      description={day ? `仅列出 ${day} 在聘的法律顾问` : '先填日期，只列出当日在聘的法律顾问'}
      data={offered.map((adviser) => ({ value: String(adviser.id), label: adviserLabel(adviser) }))}
      value={value}
      onChange={(adviserId) => {
        if (adviserId === value) return;
        onChange(adviserId);
        const adviser = offered.find((candidate) => String(candidate.id) === adviserId);
        if (adviser) {
          form.set('office_id', String(adviser.office_id));
          const villages = villagesOf(adviser);
          form.set('village', villages.length === 1 ? villages[0] : null);
        }
      }}
      error={error ?? loadError?.message}
    />
  );
}

function AdviserName({ record }: { record: ApiRecord }) {
  const { records } = useAdvisers();
  if (record.adviser_name) return <>{String(record.adviser_name)}</>;
  const adviser = records?.find((candidate) => candidate.id === record.adviser_id);
  return <>{adviser ? String(adviser.name) : DASH}</>;
}

export const adviserEditor = defineEditor<string | null>({
  empty: null,
  fromRecord: (id) => (id === null || id === undefined ? null : String(id)),
  toRecord: (id) => ({ ok: true, value: id === null ? null : Number(id) }),
  Input: AdviserSelect,
  Display: AdviserName,
});

function VillageSelect({ field, value, onChange, error, form }: EditorProps<string | null>) {
  const { records } = useAdvisers();
  const adviser = records?.find((candidate) => String(candidate.id) === form.values.adviser_id);
  const villages = villagesOf(adviser);
  const offered = value && !villages.includes(value) ? [value, ...villages] : villages;
  return (
    <Picker
      name={field.name}
      label={field.header}
      withAsterisk={field.requiredColumn}
      placeholder={adviser ? '输入村(居)名称选择' : '请先选择法律顾问'}
      disabled={!adviser}
      data={offered.map((village) => ({ value: village, label: village }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

export const villageEditor = defineEditor<string | null>({
  empty: null,
  fromRecord: (village) => (village === null || village === undefined ? null : String(village)),
  toRecord: (village) => ({ ok: true, value: village }),
  Input: VillageSelect,
  Display: ({ record }) => <>{record.village ? String(record.village) : DASH}</>,
});
