// How each sheet was read, shown in the preview so nothing is guessed silently: the register and
// why, the header rows, the columns (from → field), the rows skipped and why, and the values
// converted with how many rows (婚姻家庭纠纷 → 婚姻家庭: 312 行).

import { Accordion, List, Stack, Table, Text } from '@mantine/core';
import type { SheetReading } from '../../db/api/contract.ts';
import { formatCount } from '../common/format.ts';

export function LedgerReadings({ readings }: { readings: readonly SheetReading[] }) {
  return (
    <Accordion variant="contained" multiple data-testid="ledger-readings">
      {readings.map((reading) => (
        <Accordion.Item key={`${reading.file}|${reading.sheet}`} value={`${reading.file}|${reading.sheet}`}>
          <Accordion.Control>
            <Text size="sm">
              工作表「{reading.sheet}」按「{reading.register}」读取（{reading.why}），表头在第 {reading.headerRows.join('、')} 行
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              {reading.skipped.length > 0 && (
                <List size="sm">
                  {reading.skipped.map((skip) => (
                    <List.Item key={skip.reason}>
                      跳过{skip.reason} {formatCount(skip.count)} 行（第 {skip.rows.join('、')} 行{skip.count > skip.rows.length ? '等' : ''}）
                    </List.Item>
                  ))}
                </List>
              )}
              {reading.conversions.length > 0 && (
                <List size="sm">
                  {reading.conversions.map((conversion) => (
                    <List.Item key={`${conversion.field}|${conversion.from}`}>
                      {conversion.field}：{conversion.from} → {conversion.to}：{formatCount(conversion.count)} 行
                    </List.Item>
                  ))}
                </List>
              )}
              <Table withTableBorder striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>台账中的列</Table.Th>
                    <Table.Th>读作</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reading.columns.map((column, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{column.from}</Table.Td>
                      <Table.Td>
                        {column.to ?? '（忽略）'}
                        {column.note ? `：${column.note}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
