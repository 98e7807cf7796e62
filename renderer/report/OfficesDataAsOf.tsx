// 数据交换 beside a report at the bureau: each joined office's "数据截至" (exchange.dataAsOf), and a
// warning for an office whose last package is older than the end of the report's period — its
// newest records may not have reached the figures (worded as in the exports: data-as-of.ts).
// Nothing at a standalone bureau or an office site.

import { List, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { dataAsOfHeading } from '../../db/api/contract.ts';
import { useApi } from '../common/use-api.ts';

export function OfficesDataAsOf({ to, office }: { to: string; office: string | null }) {
  const offices = useApi('exchange.dataAsOf', { to });
  if (offices.error) return <ErrorAlert title="未能读取各司法所的数据截至时间" error={offices.error} onRetry={offices.reload} />;
  const shown = (offices.data ?? []).filter((entry) => office === null || entry.office === office);
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} data-testid="offices-data-as-of">
      <Text size="sm" fw={600} c={shown.some((entry) => entry.stale) ? 'orange.8' : undefined}>
        {dataAsOfHeading(shown)}：
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
