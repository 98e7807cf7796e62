// 提醒: what needs attention today — correction terms ending within 30 days or past without
// 解矫, 安置帮教 people unsettled a month after release and 帮教期 ending within 30 days,
// mediation cases 调解中 for longer than 设置's threshold (the report uses the same), legal-aid cases open over 90 days, and other
// data-quality warnings (report.quality as of today).

import { Alert, Skeleton, Stack, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { QualityList } from '../common/QualityList.tsx';
import { useApi } from '../common/use-api.ts';

export function Reminders({ today }: { today: string }) {
  const warnings = useApi('report.quality', { asOf: today });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        提醒
      </Title>
      {warnings.error && <ErrorAlert error={warnings.error} onRetry={warnings.reload} />}
      {!warnings.data && !warnings.error && <Skeleton h={120} />}
      {warnings.data?.length === 0 && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />}>
          今天没有需要处理的提醒。
        </Alert>
      )}
      {warnings.data && warnings.data.length > 0 && <QualityList warnings={warnings.data} />}
    </Stack>
  );
}
