// The data-quality warnings that bear on a report: report.quality for its office, as of the
// report's last day (or today, for a period that has not ended yet).

import { Stack, Text } from '@mantine/core';
import { useAppInfo } from '../common/app-info.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { QualityList } from '../common/QualityList.tsx';
import { useApi } from '../common/use-api.ts';
import type { ReportScope } from './report-types.ts';

export function QualityWarnings({ scope }: { scope: ReportScope }) {
  const { info } = useAppInfo();
  const asOf = scope.to < info.today ? scope.to : info.today;
  const warnings = useApi('report.quality', { asOf, officeId: scope.officeId });
  if (warnings.error) return <ErrorAlert title="未能检查数据质量" error={warnings.error} onRetry={warnings.reload} />;
  if (!warnings.data) return null;
  if (warnings.data.length === 0) {
    return (
      <Text size="sm" c="teal.8" data-testid="quality-ok">
        数据质量检查（截至 {asOf}）：未发现问题。
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        数据质量提示（截至 {asOf}），请核实后再报送：
      </Text>
      <QualityList warnings={warnings.data} />
    </Stack>
  );
}
