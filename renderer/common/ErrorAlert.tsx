// An API error shown where the content would have been, with a retry when one makes sense.

import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../../db/api/contract.ts';

export function ErrorAlert({ error, title = '未能读取数据', onRetry }: { error: ApiError; title?: string; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            重试
          </Button>
        )}
      </Group>
    </Alert>
  );
}
