// The report's charts: cases received per month for each register (report.monthly, the
// report's own definitions grouped by month), mediation cases by 纠纷类型, and the roster by
// 矫正类别 at the period's end.

import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError, Report } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatCount } from '../common/format.ts';
import { monthsOf } from '../common/periods.ts';
import type { IndicatorLabel, ReportScope } from './report-types.ts';

/** More months than this and the trend is not drawn (too many points to read). */
const MAX_TREND_MONTHS = 36;

const trendSeries = [
  { name: '人民调解', id: 'mediation.cases.received', color: 'indigo.6' },
  { name: '法律援助', id: 'legal_aid.cases.received', color: 'teal.6' },
  { name: '社区矫正', id: 'correction.received', color: 'orange.6' },
] as const;

type TrendRow = Record<string, string | number>;

function useMonthlyTrend(scope: ReportScope) {
  const [state, setState] = useState<{ rows: TrendRow[] | null; error: ApiError | null }>({ rows: null, error: null });
  const months = monthsOf(scope);
  const tooLong = months.length > MAX_TREND_MONTHS;
  useEffect(() => {
    if (tooLong) return;
    let current = true;
    const ids = trendSeries.map((series) => series.id);
    void call('report.monthly', { ...scope, ids }).then((result) => {
      if (!current) return;
      if (!result.ok) return setState({ rows: null, error: result.error });
      const rows = result.value.map(
        (month, index) =>
          Object.fromEntries([
            ['month', monthsOf(scope)[index]!.label],
            ...trendSeries.map((series) => [series.name, month.figures[series.id] ?? 0]),
          ]) as TrendRow,
      );
      setState({ rows, error: null });
    });
    return () => {
      current = false;
    };
  }, [scope, tooLong]);
  return { ...state, tooLong };
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function MonthlyTrend({ scope }: { scope: ReportScope }) {
  const trend = useMonthlyTrend(scope);
  if (trend.tooLong) return <Text size="sm" c="dimmed">期间超过 {MAX_TREND_MONTHS} 个月，不显示月度趋势。</Text>;
  if (trend.error) return <ErrorAlert error={trend.error} title="未能计算月度趋势" />;
  if (!trend.rows) return <Text size="sm" c="dimmed">正在计算月度趋势…</Text>;
  return (
    <LineChart
      h={240}
      data={trend.rows}
      dataKey="month"
      series={trendSeries.map(({ name, color }) => ({ name, color }))}
      withLegend
      valueFormatter={formatCount}
      curveType="linear"
    />
  );
}

export function ReportCharts({ report, labels, scope }: { report: Report; labels: readonly IndicatorLabel[]; scope: ReportScope }) {
  const disputeTypes = labels
    .filter((label) => label.id.startsWith('mediation.cases.type.'))
    .map((label) => ({ type: label.label.replace(/^纠纷类型：/, ''), 案件数: report.indicators[label.id] ?? 0 }));
  const roster = [
    { id: 'control', name: '管制', color: 'grape.6' },
    { id: 'probation', name: '缓刑', color: 'indigo.6' },
    { id: 'parole', name: '假释', color: 'teal.6' },
    { id: 'medical_parole', name: '暂予监外执行', color: 'orange.6' },
  ].map(({ id, name, color }) => ({ name, color, value: report.indicators[`correction.active_end.${id}`] ?? 0 }));

  return (
    <Stack gap="md" data-testid="report-charts">
      <ChartCard title="各月受理/接收数（人民调解、法律援助为案件数，社区矫正为接收人数）">
        <MonthlyTrend scope={scope} />
      </ChartCard>
      <SimpleGrid cols={2} spacing="md">
        <ChartCard title="人民调解案件：按纠纷类型">
          <BarChart
            h={Math.max(240, disputeTypes.length * 24)}
            data={disputeTypes}
            dataKey="type"
            orientation="vertical"
            yAxisProps={{ width: 100, interval: 0 }}
            series={[{ name: '案件数', color: 'indigo.6' }]}
            valueFormatter={formatCount}
          />
        </ChartCard>
        <ChartCard title={`在册在矫人员：按矫正类别（${report.to}）`}>
          <DonutChart data={roster} withLabels withLabelsLine withTooltip size={200} thickness={32} mx="auto" valueFormatter={formatCount} chartLabel={`${formatCount(report.indicators['correction.active_end'])} 人`} />
          <Text size="xs" c="dimmed" ta="center">
            {roster.map((part) => `${part.name} ${formatCount(part.value)}`).join(' · ')}
          </Text>
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
