// One audit entry opened: each changed field by its label with its value before and after as
// the UI shows it (db/audit/readable-entry.ts), and anything else the entry keeps (an import's
// counts, an export's scope, the numbers viewed). Personal numbers arrive masked.

import { Code, Stack, Table, Text } from '@mantine/core';
import type { ReadableLogEntry } from '../../db/api/contract.ts';

export function AuditEntryDetails({ entry }: { entry: ReadableLogEntry }) {
  const { readable } = entry;
  return (
    <Stack gap="xs" p="sm" data-testid="audit-details">
      <Text size="xs" c="dimmed">
        {readable.actionText}
        {readable.object ? ` · ${readable.object}` : ''} · 哈希 {entry.hash.slice(0, 16)}…
      </Text>
      {readable.changes.length > 0 && (
        <Table withTableBorder fz="xs" verticalSpacing={2} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>字段</Table.Th>
              <Table.Th>修改前</Table.Th>
              <Table.Th>修改后</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {readable.changes.map((change) => (
              <Table.Tr key={change.label} data-changed>
                <Table.Td>{change.label}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{change.before}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{change.after}</Table.Td>
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
