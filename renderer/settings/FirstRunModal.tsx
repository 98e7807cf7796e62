// First start: when no bureau name is set, ask for it once (it titles every report) and offer
// the sample data to newcomers. "稍后设置" closes it for this session only.

import { Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAppInfo } from '../common/app-info.ts';
import { call } from '../api/client.ts';
import { loadSampleData } from '../home/load-sample.ts';

export function FirstRunModal() {
  const { info, reloadInfo, refresh } = useAppInfo();
  const [dismissed, setDismissed] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'sample' | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('save');
    const result = await call('settings.update', { bureauName: name });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.fieldErrors?.bureauName ?? result.error.message);
      return;
    }
    reloadInfo();
  };

  const loadSample = async () => {
    setBusy('sample');
    if (await loadSampleData()) refresh();
    setBusy(null);
  };

  return (
    <Modal
      opened={info.bureauName === null && !dismissed}
      onClose={() => setDismissed(true)}
      closeOnClickOutside={false}
      title="欢迎使用司法台账"
      centered
    >
      <form onSubmit={save}>
        <Stack>
          <Text size="sm">请先填写本局名称，它将出现在统计报表和导出文件的标题中。</Text>
          <TextInput
            label="本局名称"
            placeholder="例如：潮州市湘桥区司法局"
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDismissed(true)}>
              稍后设置
            </Button>
            <Button type="submit" loading={busy === 'save'}>
              保存
            </Button>
          </Group>
          {info.recordCount === 0 && (
            <>
              <Divider label="第一次使用？" />
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  载入一个虚构县区的示例台账，先看看各页面和年度报表。
                </Text>
                <Button variant="light" onClick={loadSample} loading={busy === 'sample'}>
                  载入示例数据
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
