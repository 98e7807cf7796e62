// 第二备份位置: a folder on a USB disk or a share that receives a copy of every backup
// (backup.setSecondFolder), whether it can be reached now, and stopping the copies.

import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { notifySuccess, useFormCall } from '../common/use-api.ts';
import type { BackupListing } from '../../db/api/contract.ts';

export function SecondFolderForm({ current, onChanged }: { current: BackupListing['secondFolder']; onChanged: () => void }) {
  const [folder, setFolder] = useState(current?.folder ?? '');
  const save = useFormCall('backup.setSecondFolder', ['folder']);

  const set = async (value: string | null) => {
    const saved = await save.submit({ folder: value });
    if (!saved) return;
    notifySuccess(saved.folder ? `以后每次备份都会复制到「${saved.folder}」` : '已停止复制到第二备份位置');
    if (!saved.folder) setFolder('');
    onChanged();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void set(folder.trim());
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xs">
        <Group gap="sm">
          <Text size="sm" fw={500}>
            第二备份位置
          </Text>
          {current &&
            (current.reachable ? (
              <Badge color="teal" variant="light">可以写入</Badge>
            ) : (
              <Badge color="orange" variant="light">现在无法访问（U 盘未插入或共享不可用）</Badge>
            ))}
        </Group>
        <Group align="flex-start" gap="sm">
          <TextInput
            aria-label="第二备份位置"
            placeholder="例如：E:\ 或 \\服务器\共享\台账备份"
            value={folder}
            onChange={(event) => {
              setFolder(event.currentTarget.value);
              save.clear();
            }}
            error={save.fieldErrors.folder ?? save.message}
            w={420}
          />
          <Button type="submit" loading={save.busy} disabled={folder.trim() === '' || folder.trim() === current?.folder}>
            保存
          </Button>
          {current && (
            <Button variant="default" onClick={() => void set(null)}>
              不再复制
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          每次备份后复制一份到这里（其中的「司法台账备份」文件夹），同样保留 30 天和 12 个月。电脑硬盘损坏时，可以从这里恢复。
        </Text>
      </Stack>
    </form>
  );
}
