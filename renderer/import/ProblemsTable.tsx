// Every problem an import found, one row each (registers.md §4: the user gets every problem
// at once): file, sheet, Excel row number, column, the value as typed, and the reason.

import { ScrollArea, Table, Text } from '@mantine/core';
import type { ImportProblem } from '../../db/api/contract.ts';
import { DASH } from '../common/format.ts';

export function ProblemsTable({ problems }: { problems: readonly ImportProblem[] }) {
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table striped stickyHeader withTableBorder fz="sm" data-testid="import-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>文件</Table.Th>
            <Table.Th>工作表</Table.Th>
            <Table.Th w={60}>行</Table.Th>
            <Table.Th>列</Table.Th>
            <Table.Th>值</Table.Th>
            <Table.Th>原因</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem, index) => (
            <Table.Tr key={index} data-testid="import-problem">
              <Table.Td c="dimmed">{index + 1}</Table.Td>
              <Table.Td>{problem.file}</Table.Td>
              <Table.Td data-column="sheet">{problem.sheet ?? DASH}</Table.Td>
              <Table.Td data-column="row">{problem.row ?? DASH}</Table.Td>
              <Table.Td data-column="column">{problem.column ?? DASH}</Table.Td>
              <Table.Td data-column="value">
                {problem.value === null ? DASH : <Text span ff="monospace" fz="sm">{problem.value}</Text>}
              </Table.Td>
              <Table.Td data-column="reason" c="red.8">
                {problem.reason}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
