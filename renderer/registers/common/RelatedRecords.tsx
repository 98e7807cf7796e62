// Records of another register that belong to the one in the detail view (an organisation's
// mediators, a stint's events), as a small table under the fields.

import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useAllRecords } from './all-records.ts';
import type { ApiRecord, RegisterName } from './types.ts';

export interface RelatedColumn {
  readonly header: string;
  readonly value: (record: ApiRecord) => string;
}

export interface RelatedRecordsProps {
  readonly title: string;
  readonly register: RegisterName;
  readonly query: object;
  readonly columns: readonly RelatedColumn[];
}

export function RelatedRecords({ title, register, query, columns }: RelatedRecordsProps) {
  const { records, error } = useAllRecords(register, query);
  return (
    <Stack gap="xs">
      <Title order={4}>
        {title}
        {records && `（${records.length}）`}
      </Title>
      {error && <Text c="red">{error.message}</Text>}
      {!records && !error && <Loader size="sm" />}
      {records?.length === 0 && <Text c="dimmed">没有</Text>}
      {records && records.length > 0 && (
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((record) => (
              <Table.Tr key={record.id}>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.value(record)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
