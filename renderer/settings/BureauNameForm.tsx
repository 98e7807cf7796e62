// The bureau's name (e.g. 潮州市湘桥区司法局): it titles reports and exports.

import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client.ts';
import { useAppInfo } from '../common/app-info.ts';
import { notifySuccess } from '../common/use-api.ts';

export function BureauNameForm() {
  const { info, reloadInfo } = useAppInfo();
  const [name, setName] = useState(info.bureauName ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await call('settings.update', { bureauName: name });
    setSaving(false);
    if (!result.ok) return setError(result.error.fieldErrors?.bureauName ?? result.error.message);
    notifySuccess('本局名称已保存');
    reloadInfo();
  };

  return (
    <form noValidate onSubmit={save}>
      <Group align="flex-end">
        <TextInput
          label="本局名称"
          description="显示在统计报表和导出文件的标题中"
          placeholder="例如：潮州市湘桥区司法局"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          w={360}
        />
        <Button type="submit" loading={saving} disabled={name.trim() === (info.bureauName ?? '')}>
          保存
        </Button>
      </Group>
    </form>
  );
}
