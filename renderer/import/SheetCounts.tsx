// Per-sheet counts of an import (preview or done): rows read, and how many are new, changed
// or already as stored.

import { Table } from '@mantine/core';
import type { SheetSummary } from '../../db/api/contract.ts';
import { formatCount } from '../common/format.ts';

export function SheetCounts({ sheets }: { sheets: readonly SheetSummary[] }) {
  const total = (key: 'rows' | 'added' | 'updated' | 'unchanged') => sheets.reduce((sum, sheet) => sum + sheet[key], 0);
  return (
    <Table withTableBorder striped fz="sm" data-testid="import-sheets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>文件</Table.Th>
          <Table.Th>工作表</Table.Th>
          <Table.Th ta="right">行数</Table.Th>
          <Table.Th ta="right">新增</Table.Th>
          <Table.Th ta="right">更新</Table.Th>
          <Table.Th ta="right">未变</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sheets.map((sheet) => (
          <Table.Tr key={`${sheet.file}:${sheet.sheet}`} data-sheet={sheet.sheet}>
            <Table.Td>{sheet.file}</Table.Td>
            <Table.Td>{sheet.sheet}</Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(sheet.rows)}</Table.Td>
            <Table.Td ta="right" className="figure" data-column="added">{formatCount(sheet.added)}</Table.Td>
            <Table.Td ta="right" className="figure" data-column="updated">{formatCount(sheet.updated)}</Table.Td>
            <Table.Td ta="right" className="figure" data-column="unchanged">{formatCount(sheet.unchanged)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {sheets.length > 1 && (
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Td colSpan={2}>合计</Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(total('rows'))}</Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(total('added'))}</Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(total('updated'))}</Table.Td>
            <Table.Td ta="right" className="figure">{formatCount(total('unchanged'))}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
}
