// A supervision event's person (stint_id): picked from the roster by typing part of the name
// or of the 身份证号码; once the event's date is typed, only people in correction that day are
// offered (再犯罪 may be found on the 解矫 day itself). Stores the stint's id.

import { DASH } from '../../common/format.ts';
import { useApi } from '../../common/use-api.ts';
import { useAllRecords } from '../common/all-records.ts';
import { typedDay } from '../common/field-values.ts';
import { Picker } from '../common/Picker.tsx';
import { defineEditor, type ApiRecord, type EditorProps } from '../common/types.ts';
import { inCorrectionOn, matchesStint, stintLabel } from './roster.ts';

const wholeRoster = { sort: 'name' };

function StintSelect({ field, value, onChange, error, form }: EditorProps<string | null>) {
  const { records, error: loadError } = useAllRecords('correctionStint', wholeRoster);
  const day = typedDay(form.values.event_on);
  const offered = (records ?? []).filter(
    (stint) => String(stint.id) === value || !day || inCorrectionOn(stint, day, form.values.event_type === 'reoffended'),
  );
  const byId = new Map(offered.map((stint) => [String(stint.id), stint]));
  return (
    <Picker
      name={field.name}
      label={field.header}
      withAsterisk={field.requiredColumn}
      placeholder="输入姓名或身份证号码查找"
      description={day ? `仅列出 ${day} 在矫的人员` : undefined}
      data={offered.map((stint) => ({ value: String(stint.id), label: stintLabel(stint) }))}
      filter={({ options, search, limit }) =>
        options.filter((option) => 'value' in option && matchesStint(byId.get(option.value)!, search)).slice(0, limit)
      }
      limit={30}
      value={value}
      onChange={onChange}
      error={error ?? loadError?.message}
    />
  );
}

/** 姓名 and the full 身份证号码, read from the stint (lists show the joined, masked columns). */
function StintName({ record }: { record: ApiRecord }) {
  const stint = useApi('correctionStint.get', { id: Number(record.stint_id) });
  return <>{stint.data ? `${stint.data.name} ${stint.data.id_number}` : DASH}</>;
}

export const stintEditor = defineEditor<string | null>({
  empty: null,
  fromRecord: (id) => (id === null || id === undefined ? null : String(id)),
  toRecord: (id) => ({ ok: true, value: id === null ? null : Number(id) }),
  Input: StintSelect,
  Display: StintName,
});
