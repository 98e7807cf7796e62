// One audit entry opened: the record's fields before and after side by side (Chinese labels
// where the register names them, changed fields marked), and anything else the entry keeps
// (an import's counts, an export's scope, the numbers viewed). Personal numbers arrive masked.

import { Code, Stack, Table, Text } from '@mantine/core';
import type { AuditLogEntry } from '../../db/audit/audit-log.ts';
import { DASH } from '../common/format.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return DASH;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditEntryDetails({ entry, labelOf }: { entry: AuditLogEntry; labelOf: (field: string) => string }) {
  const before = isRecord(entry.before) ? entry.before : null;
  const after = isRecord(entry.after) ? entry.after : null;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changed = new Set(entry.changedFields);
  return (
    <Stack gap="xs" p="sm" data-testid="audit-details">
      <Text size="xs" c="dimmed">
        接口 {entry.method}
        {entry.table ? ` · 数据表 ${entry.table}` : ''}
        {entry.recordId !== null ? ` · 记录编号 ${entry.recordId}` : ''} · 哈希 {entry.hash.slice(0, 16)}…
      </Text>
      {fields.length > 0 && (
        <Table withTableBorder fz="xs" verticalSpacing={2} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>字段</Table.Th>
              <Table.Th>修改前</Table.Th>
              <Table.Th>修改后</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field} bg={changed.has(field) ? 'var(--mantine-color-yellow-light)' : undefined} data-changed={changed.has(field) || undefined}>
                <Table.Td>{labelOf(field)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{before ? shown(before[field]) : DASH}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{after ? shown(after[field]) : DASH}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entry.details !== null && entry.details !== undefined && (
        <Code block fz="xs" mah={240} style={{ overflow: 'auto' }}>
          {JSON.stringify(entry.details, null, 2)}
        </Code>
      )}
    </Stack>
  );
}
