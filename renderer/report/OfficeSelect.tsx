// The report's scope: the whole bureau (全局) or one office (司法所 …).

import { NativeSelect, Text } from '@mantine/core';
import { useApi } from '../common/use-api.ts';
import { usePermissions } from '../session/session.ts';

const WHOLE_BUREAU = 'all';

export function OfficeSelect({ officeId, onChange }: { officeId: number | null; onChange: (officeId: number | null) => void }) {
  const offices = useApi('office.list', {});
  const { officeId: userOffice } = usePermissions();
  const data = [
    { value: WHOLE_BUREAU, label: '全局（全部单位）' },
    ...(offices.data ?? []).map((office) => ({ value: String(office.id), label: office.name })),
  ];
  return (
    <NativeSelect
      aria-label="范围"
      data={data}
      value={officeId === null ? WHOLE_BUREAU : String(officeId)}
      onChange={(event) => onChange(event.currentTarget.value === WHOLE_BUREAU ? null : Number(event.currentTarget.value))}
      error={offices.error?.message}
      leftSection={<Text size="sm">范围</Text>}
      leftSectionWidth={48}
      disabled={userOffice !== null}
      w={220}
    />
  );
}
