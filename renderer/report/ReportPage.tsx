// 统计报表: pick a period and a scope, 「生成报表」 runs report.run and shows every figure by
// register, then asks again with 上年同期 and adds 同比 (the engine keeps this year's figures,
// so only last year's are counted then); each joined office's 数据截至, the roster check, the data-quality warnings, the
// charts, and the export and print buttons. Every figure opens the records behind it. The last
// report stays when the user goes to another page and comes back (kept-report.ts).

import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { memo, useEffect, useState } from 'react';
import type { ApiError } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { useAppInfo } from '../common/app-info.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTimestamp } from '../common/format.ts';
import { useApi } from '../common/use-api.ts';
import { useSession } from '../session/session.ts';
import { ConsistencyCheck } from './ConsistencyCheck.tsx';
import { DrillDownModal, type DrillTarget } from './DrillDownModal.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { IndicatorTables } from './IndicatorTables.tsx';
import { keepReport, keptReport, type Generated } from './kept-report.ts';
import { OfficeSelect } from './OfficeSelect.tsx';
import { OfficesDataAsOf } from './OfficesDataAsOf.tsx';
import { PeriodPicker, initialChoice, periodOf, type PeriodChoice } from './PeriodPicker.tsx';
import { QualityWarnings } from './QualityWarnings.tsx';
import { ReportCharts } from './ReportCharts.tsx';
import type { IndicatorLabel, ReportScope } from './report-types.ts';

export function ReportPage() {
  const { info } = useAppInfo();
  const { user, permissions } = useSession();
  const [kept] = useState(() => keptReport(user.username));
  const [choice, setChoice] = useState<PeriodChoice>(() => kept?.choice ?? initialChoice(info.today));
  const [officeId, setOfficeId] = useState<number | null>(kept?.officeId ?? permissions.officeId);
  const [running, setRunning] = useState(false);
  const [generated, setGenerated] = useState<Generated | null>(kept?.generated ?? null);
  useEffect(() => keepReport(user.username, { choice, officeId, generated }), [user.username, choice, officeId, generated]);
  const [error, setError] = useState<ApiError | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const labels = useApi('report.indicators', {});
  const period = periodOf(choice);

  const generate = async () => {
    if (!period) return;
    const scope: ReportScope = { ...period, officeId };
    setRunning(true);
    const result = await call('report.run', scope);
    setRunning(false);
    setError(result.ok ? null : result.error);
    setGenerated(result.ok ? { scope, report: result.value, comparing: true } : null);
    if (!result.ok) return;
    const compared = await call('report.run', { ...scope, compare: true });
    // Kept only while the page still shows this scope's report (not a newer one, nor an error).
    const complete: Generated = { scope, report: compared.ok ? compared.value : result.value, comparing: false };
    setGenerated((shown) => (shown?.report === result.value ? complete : shown));
    // The page may have been left while 同比 was counted: the kept report gets it all the same.
    const stillKept = keptReport(user.username);
    if (stillKept?.generated?.report === result.value) keepReport(user.username, { ...stillKept, generated: complete });
    if (!compared.ok) setError(compared.error);
  };

  return (
    <Stack gap="md">
      <Title order={2} className="no-print">
        统计报表
      </Title>
      <Paper withBorder p="sm" className="no-print">
        <PeriodPicker choice={choice} today={info.today} onChange={setChoice}>
          <OfficeSelect officeId={officeId} onChange={setOfficeId} />
          <Button leftSection={<IconReportAnalytics size={18} />} onClick={() => void generate()} loading={running} disabled={!period}>
            生成报表
          </Button>
        </PeriodPicker>
      </Paper>
      {error && <ErrorAlert title="未能生成报表" error={error} />}
      {labels.error && <ErrorAlert error={labels.error} onRetry={labels.reload} />}
      {generated && labels.data && (
        <GeneratedReport generated={generated} labels={labels.data} bureauName={info.bureauName} onDrill={setDrill} />
      )}
      {!generated && !error && (
        <Text c="dimmed" size="sm">
          选择期间和范围后点击「生成报表」。每个数字都可以点开查看对应的记录。
        </Text>
      )}
      {generated && <DrillDownModal target={drill} scope={generated.scope} onClose={() => setDrill(null)} />}
    </Stack>
  );
}

interface GeneratedReportProps {
  readonly generated: Generated;
  readonly labels: readonly IndicatorLabel[];
  readonly bureauName: string | null;
  readonly onDrill: (target: DrillTarget) => void;
}

/** The report as generated; memoised so opening a drill-down does not redraw every figure and chart. */
const GeneratedReport = memo(function GeneratedReport(props: GeneratedReportProps) {
  const { scope, report, comparing } = props.generated;
  const title = `${props.bureauName ?? ''}${report.office ? ` ${report.office}` : ''} ${report.from} 至 ${report.to} 统计报表`.trim();
  return (
    <Stack gap="md" data-testid="report">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3" data-testid="report-title">
            {title}
          </Title>
          <Text size="sm" c="dimmed" data-testid="generated-at">
            范围：{report.office ?? '全局'} · 上年同期：
            {comparing ? '计算中…' : report.previousPeriod ? `${report.previousPeriod.from} 至 ${report.previousPeriod.to}` : '—'} ·
            生成于 {formatTimestamp(report.generatedAt)}
          </Text>
        </div>
        <ExportButtons scope={scope} title={title} />
      </Group>
      <OfficesDataAsOf to={report.to} office={report.office} />
      <ConsistencyCheck identity={report.checks.correctionIdentity} />
      <QualityWarnings scope={scope} />
      <IndicatorTables labels={props.labels} report={report} onDrill={props.onDrill} />
      <ReportCharts report={report} labels={props.labels} scope={scope} />
    </Stack>
  );
});
