// The import log: when, who, which files, what each import added and changed; the latest
// import still in force can be undone as a whole (after a confirm) by a bureau account.

import { Badge, Button, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ImportLogEntry } from '../../db/api/contract.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatCount, formatTimestamp } from '../common/format.ts';
import { runAction, type ApiState } from '../common/use-api.ts';
import { usePermissions } from '../session/session.ts';

const sumOf = (entry: ImportLogEntry, key: 'added' | 'updated') => entry.sheets.reduce((sum, sheet) => sum + sheet[key], 0);

function confirmUndo(entry: ImportLogEntry, onUndone: () => void) {
  modals.openConfirmModal({
    title: '撤销这次导入？',
    children: (
      <Text size="sm">
        将删除这次导入新增的 {formatCount(sumOf(entry, 'added'))} 条记录，并把它更新的 {formatCount(sumOf(entry, 'updated'))}{' '}
        条记录恢复为导入前的内容（{entry.files.join('、')}）。
      </Text>
    ),
    labels: { confirm: '撤销导入', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      const undone = await runAction('import.undo', { importId: entry.id });
      if (undone) onUndone();
    },
  });
}

export function ImportHistory({ history, onUndone }: { history: ApiState<ImportLogEntry[]>; onUndone: () => void }) {
  const { officeId } = usePermissions();
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  const entries = history.data ?? [];
  if (entries.length === 0) return <Text c="dimmed" size="sm">{history.loading ? '读取中…' : '还没有导入记录。'}</Text>;
  return (
    <Table withTableBorder striped fz="sm" data-testid="import-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>导入时间</Table.Th>
          <Table.Th>操作人</Table.Th>
          <Table.Th>文件</Table.Th>
          <Table.Th ta="right">新增</Table.Th>
          <Table.Th ta="right">更新</Table.Th>
          <Table.Th>状态</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td className="figure">{formatTimestamp(entry.importedAt)}</Table.Td>
            <Table.Td>{entry.importedBy}</Table.Td>
            <Table.Td maw={420}>
              <Text size="sm" truncate="end" title={entry.files.join('、')}>
                {entry.files.join('、')}
              </Text>
            </Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(sumOf(entry, 'added'))}</Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(sumOf(entry, 'updated'))}</Table.Td>
            <Table.Td>
              {entry.undoneAt ? (
                <Badge color="gray" variant="light">已于 {formatTimestamp(entry.undoneAt)} 撤销</Badge>
              ) : entry.undoable && officeId === null ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  leftSection={<IconArrowBackUp size={16} />}
                  onClick={() => confirmUndo(entry, onUndone)}
                >
                  撤销
                </Button>
              ) : (
                <Badge color="teal" variant="light">有效</Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
