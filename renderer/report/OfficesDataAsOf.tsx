// 数据交换 beside a report at the bureau: each joined office's "数据截至" (exchange.dataAsOf), and a
// warning for an office whose last package is older than the end of the report's period — its
// newest records may not have reached the figures. Nothing at a standalone bureau or an office site.

import { List, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useApi } from '../common/use-api.ts';

export function OfficesDataAsOf({ to, office }: { to: string; office: string | null }) {
  const offices = useApi('exchange.dataAsOf', { to });
  if (offices.error) return <ErrorAlert title="未能读取各司法所的数据截至时间" error={offices.error} onRetry={offices.reload} />;
  const shown = (offices.data ?? []).filter((entry) => office === null || entry.office === office);
  if (shown.length === 0) return null;
  const stale = shown.filter((entry) => entry.stale).length;
  return (
    <Stack gap={4} data-testid="offices-data-as-of">
      <Text size="sm" fw={600} c={stale > 0 ? 'orange.8' : undefined}>
        {stale > 0 ? `各司法所的数据截至时间（${stale} 个所的数据早于统计期末，数字可能不全，请先导入其最新数据包）：` : '各司法所的数据截至时间：'}
      </Text>
      <List size="sm" spacing={2}>
        {shown.map((entry) => (
          <List.Item key={entry.office} c={entry.stale ? 'orange.8' : undefined}>
            {entry.text}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
