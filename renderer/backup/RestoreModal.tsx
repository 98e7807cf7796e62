// 恢复 from one backup: what it holds (backup.preview — records per register beside what the
// database holds now, the newest record's date, when it was taken), then a confirm that says
// what will be replaced and that the current data is backed up first, then backup.restore.

import { Alert, Button, Group, Modal, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { LongWorkProgress } from '../common/LongWorkProgress.tsx';
import { DASH, formatBytes, formatCount, formatDay, formatTimestamp } from '../common/format.ts';
import { notifyError, useApi } from '../common/use-api.ts';
import { confirm } from '../registers/common/confirm.tsx';
import type { BackupPreview, RestoreOutcome } from '../../db/api/contract.ts';

const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);

function PreviewCounts({ preview }: { preview: BackupPreview }) {
  return (
    <Table withTableBorder fz="sm" verticalSpacing={2} data-testid="restore-preview">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>台账</Table.Th>
          <Table.Th ta="right">备份中</Table.Th>
          <Table.Th ta="right">现在</Table.Th>
          <Table.Th>备份中最新日期</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.registers.map((register, index) => {
          const now = preview.current[index] ?? 0;
          return (
            <Table.Tr key={register.name} data-register={register.name}>
              <Table.Td>{register.title}</Table.Td>
              <Table.Td ta="right" className="figure" data-column="backup">
                {formatCount(register.count)}
              </Table.Td>
              <Table.Td ta="right" className="figure" data-column="current" c={now === register.count ? undefined : 'orange.8'}>
                {formatCount(now)}
              </Table.Td>
              <Table.Td className="figure">{formatDay(register.newest)}</Table.Td>
            </Table.Tr>
          );
        })}
        <Table.Tr fw={600}>
          <Table.Td>合计</Table.Td>
          <Table.Td ta="right" className="figure" data-column="backup-total">
            {formatCount(preview.total)}
          </Table.Td>
          <Table.Td ta="right" className="figure">
            {formatCount(sum(preview.current))}
          </Table.Td>
          <Table.Td className="figure">{formatDay(preview.newestRecordDate)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function PreviewFacts({ preview }: { preview: BackupPreview }) {
  const facts: [string, string][] = [
    ['备份日期', preview.date ?? formatDay(preview.takenAt)],
    ['类型', preview.kindLabel ?? '其他备份文件'],
    ['备份时间', formatTimestamp(preview.takenAt)],
    ['局名称', preview.bureauName ?? DASH],
    ['最后保存记录', formatTimestamp(preview.lastSavedAt)],
    ['大小', formatBytes(preview.size)],
  ];
  return (
    <SimpleGrid cols={3} spacing="xs" verticalSpacing={4}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" truncate="end" title={value}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

export interface RestoreModalProps {
  /** The backup's file name in the backup folder, or a full path. */
  readonly file: string;
  readonly onClose: () => void;
  readonly onRestored: (outcome: RestoreOutcome) => void;
}

export function RestoreModal({ file, onClose, onRestored }: RestoreModalProps) {
  const preview = useApi('backup.preview', { file });
  const [restoring, setRestoring] = useState(false);

  const restore = async (backup: BackupPreview) => {
    const sure = await confirm({
      title: '确定恢复这份备份？',
      message:
        `现在数据库中的全部内容（${formatCount(sum(backup.current))} 条台账记录，以及设置、单位、分类列表和用户账号）将被替换为 ` +
        `${formatTimestamp(backup.takenAt)} 的备份（${formatCount(backup.total)} 条记录），之后录入和修改的内容不再保留。` +
        '恢复前会先把现在的数据自动备份为「恢复前备份」，需要时可以再恢复回来。',
      confirmLabel: '恢复',
    });
    if (!sure) return;
    setRestoring(true);
    const result = await call('backup.restore', { file });
    setRestoring(false);
    if (result.ok) onRestored(result.value);
    else notifyError(result.error, '未能恢复');
  };

  return (
    <Modal opened onClose={onClose} title="从备份恢复" size="lg" centered closeOnClickOutside={!restoring} closeOnEscape={!restoring}>
      {preview.error && <ErrorAlert title="无法读取这份备份" error={preview.error} />}
      {preview.loading && <Skeleton h={360} />}
      {preview.data && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {preview.data.file}
          </Text>
          <PreviewFacts preview={preview.data} />
          <PreviewCounts preview={preview.data} />
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} py="xs">
            恢复会用这份备份替换现在的全部数据；恢复前自动备份现在的数据。
          </Alert>
          <LongWorkProgress active={restoring} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={restoring} data-autofocus>
              取消
            </Button>
            <Button color="red" leftSection={<IconRestore size={18} />} loading={restoring} onClick={() => void restore(preview.data!)}>
              恢复这份备份…
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
