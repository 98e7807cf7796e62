// 备份与恢复 (管理员): the backups in the data folder (date, kind, size, checked), 立即备份, the
// second backup folder, and 恢复 — from a listed backup or any backup file by its path —
// through a preview and a confirm. After a restore the app opens afresh on the restored data.

import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { LongWorkProgress } from '../common/LongWorkProgress.tsx';
import { formatBytes, formatTimestamp } from '../common/format.ts';
import { notifySuccess, runAction, useApi } from '../common/use-api.ts';
import { useSession } from '../session/session.ts';
import type { BackupEntry, RestoreOutcome } from '../../db/api/contract.ts';
import { RestoreModal } from './RestoreModal.tsx';
import { SecondFolderForm } from './SecondFolderForm.tsx';

function showNotices(notices: readonly string[]): void {
  for (const notice of notices) notifications.show({ color: 'orange', title: '请注意', message: notice, autoClose: 12_000 });
}

function BackupTable({ backups, onRestore }: { backups: readonly BackupEntry[]; onRestore: (file: string) => void }) {
  if (backups.length === 0) return <Text size="sm" c="dimmed">还没有备份。</Text>;
  return (
    <Table withTableBorder striped fz="sm" data-testid="backups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>日期</Table.Th>
          <Table.Th>类型</Table.Th>
          <Table.Th>备份时间</Table.Th>
          <Table.Th ta="right">大小</Table.Th>
          <Table.Th>检查</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.name} data-backup={backup.name}>
            <Table.Td className="figure">{backup.date}</Table.Td>
            <Table.Td>{backup.kindLabel}</Table.Td>
            <Table.Td className="figure">{formatTimestamp(backup.takenAt)}</Table.Td>
            <Table.Td ta="right" className="figure">
              {formatBytes(backup.size)}
            </Table.Td>
            <Table.Td>
              {backup.verified ? (
                <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
                  完整
                </Badge>
              ) : (
                <Badge color="red" variant="light">文件不完整</Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconRestore size={14} />}
                onClick={() => onRestore(backup.name)}
                aria-label={`恢复「${backup.name}」`}
              >
                恢复…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A backup file elsewhere (the second folder, a USB disk), by its full path. */
function OtherFileForm({ onPreview }: { onPreview: (file: string) => void }) {
  const [file, setFile] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file.trim()) onPreview(file.trim());
  };
  return (
    <form noValidate onSubmit={submit}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="从其他位置的备份文件恢复"
          description="例如第二备份位置中的文件：E:\司法台账备份\sftz-2026-01-05-daily.sqlite"
          value={file}
          onChange={(event) => setFile(event.currentTarget.value)}
          w={520}
        />
        <Button type="submit" variant="default" disabled={file.trim() === ''}>
          查看备份内容
        </Button>
      </Group>
    </form>
  );
}

export function BackupPage() {
  const listing = useApi('backup.list', {});
  const { reopen } = useSession();
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);

  const backupNow = async () => {
    setBackingUp(true);
    const taken = await runAction('backup.create', {});
    setBackingUp(false);
    if (!taken) return;
    notifySuccess(`已备份为「${taken.backup.name}」${taken.secondCopy ? '，并复制到第二备份位置' : ''}`);
    showNotices(taken.notices);
    listing.reload();
  };

  const restored = (outcome: RestoreOutcome) => {
    setRestoring(null);
    notifications.show({
      color: 'teal',
      title: '已恢复',
      message: `数据已恢复为备份中的内容。恢复前的数据已备份为「${outcome.preRestoreBackup.name}」。`,
      autoClose: 12_000,
    });
    showNotices(outcome.notices);
    reopen();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>备份与恢复</Title>
        <Button leftSection={<IconDatabaseExport size={18} />} loading={backingUp} onClick={() => void backupNow()}>
          立即备份
        </Button>
      </Group>
      <LongWorkProgress active={backingUp} />
      {listing.error && <ErrorAlert error={listing.error} onRetry={listing.reload} />}
      {listing.data && (
        <>
          <Text size="sm" c="dimmed">
            每天第一次启动、每次导入、升级和恢复前自动备份，每份备份写入后都经过完整性检查；保留最近 30 天每天的备份和 12 个月每月的备份。
            备份位置：<Text span ff="monospace" size="sm">{listing.data.folder}</Text>
          </Text>
          <Paper withBorder p="md">
            <SecondFolderForm key={listing.data.secondFolder?.folder ?? ''} current={listing.data.secondFolder} onChanged={listing.reload} />
          </Paper>
          <BackupTable backups={listing.data.backups} onRestore={setRestoring} />
          <Paper withBorder p="md">
            <OtherFileForm onPreview={setRestoring} />
          </Paper>
        </>
      )}
      {restoring && <RestoreModal file={restoring} onClose={() => setRestoring(null)} onRestored={restored} />}
    </Stack>
  );
}
