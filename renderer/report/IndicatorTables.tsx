// Every figure of the report, grouped by register in the order of `report.indicators`, with
// 上年同期 and 同比. Breakdowns ("纠纷类型：婚姻家庭") sit under a heading row. Each figure is a
// link to the records behind it; rows carry `data-indicator-id` and `data-value`.

import { Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { Register, Report } from '../../db/api/contract.ts';
import { DASH, formatChange, formatFigure } from '../common/format.ts';
import type { DrillTarget } from './DrillDownModal.tsx';
import { registerOrder, type IndicatorLabel } from './report-types.ts';

type Row =
  | { readonly kind: 'heading'; readonly label: string }
  | { readonly kind: 'figure'; readonly id: string; readonly label: string; readonly fullLabel: string; readonly nested: boolean };

/**
 * Rows of one register: breakdowns ("办结：刑事") nest under the figure they break down
 * ("办结案件（宗）") or, when there is none, under a heading row of their own ("纠纷类型").
 */
function rowsOf(labels: readonly IndicatorLabel[]): Row[] {
  const rows: Row[] = [];
  let heading: string | null = null;
  let parent = '';
  for (const { id, label } of labels) {
    const separator = label.indexOf('：');
    const prefix = separator > 0 ? label.slice(0, separator) : null;
    if (!prefix) parent = label;
    else if (prefix !== heading && !parent.startsWith(prefix)) rows.push({ kind: 'heading', label: prefix });
    heading = prefix;
    rows.push({ kind: 'figure', id, label: prefix ? label.slice(separator + 1) : label, fullLabel: label, nested: prefix !== null });
  }
  return rows;
}

/** Two columns of about equal length, split where a top-level row starts. */
function inTwo(rows: readonly Row[]): [Row[], Row[]] {
  let split = Math.ceil(rows.length / 2);
  while (split < rows.length && rows[split]!.kind === 'figure' && (rows[split] as { nested: boolean }).nested) split++;
  return [rows.slice(0, split), rows.slice(split)];
}

function Change({ value }: { value: number | null | undefined }) {
  const color = value === null || value === undefined || value === 0 ? 'dimmed' : value > 0 ? 'red.7' : 'teal.7';
  return (
    <Text span size="sm" c={color} className="figure">
      {formatChange(value)}
    </Text>
  );
}

interface TableProps {
  readonly rows: readonly Row[];
  readonly report: Report;
  readonly onDrill: (target: DrillTarget) => void;
}

function FigureTable({ rows, report, onDrill }: TableProps) {
  return (
    <Table fz="sm" verticalSpacing={3} striped={false} highlightOnHover withRowBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>指标</Table.Th>
          <Table.Th ta="right">本期</Table.Th>
          <Table.Th ta="right">上年同期</Table.Th>
          <Table.Th ta="right">同比</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) =>
          row.kind === 'heading' ? (
            <Table.Tr key={`h${index}`} bg="gray.0">
              <Table.Td colSpan={4} fw={600}>
                {row.label}
              </Table.Td>
            </Table.Tr>
          ) : (
            <Table.Tr key={row.id} data-indicator-id={row.id} data-value={JSON.stringify(report.indicators[row.id] ?? null)}>
              <Table.Td pl={row.nested ? 'lg' : undefined}>{row.label}</Table.Td>
              <Table.Td ta="right">
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  className="figure"
                  data-testid="figure"
                  title="查看明细记录"
                  onClick={() => onDrill({ id: row.id, label: row.fullLabel })}
                >
                  {formatFigure(row.id, report.indicators[row.id])}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" c="dimmed" className="figure">
                {report.previous ? formatFigure(row.id, report.previous[row.id]) : DASH}
              </Table.Td>
              <Table.Td ta="right">
                <Change value={report.change?.[row.id]} />
              </Table.Td>
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}

function RegisterSection({ register, labels, report, onDrill }: { register: Register; labels: readonly IndicatorLabel[]; report: Report; onDrill: (target: DrillTarget) => void }) {
  const [left, right] = inTwo(rowsOf(labels.filter((label) => label.register === register)));
  return (
    <Paper withBorder p="sm" data-register={register}>
      <Title order={3} size="h4" mb="xs">
        {register}
      </Title>
      <SimpleGrid cols={2} spacing="lg">
        <div>
          <FigureTable rows={left} report={report} onDrill={onDrill} />
        </div>
        <div>
          <FigureTable rows={right} report={report} onDrill={onDrill} />
        </div>
      </SimpleGrid>
    </Paper>
  );
}

export function IndicatorTables({ labels, report, onDrill }: { labels: readonly IndicatorLabel[]; report: Report; onDrill: (target: DrillTarget) => void }) {
  return (
    <>
      {registerOrder.map((register) => (
        <RegisterSection key={register} register={register} labels={labels} report={report} onDrill={onDrill} />
      ))}
    </>
  );
}
