// The frame of the pages shown before the app opens (首次使用, 登录, 恢复码): the app's name,
// the bureau's when known, and one narrow card in the middle of the window.

import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function AuthLayout({ bureauName, width = 420, children }: { bureauName?: string | null; width?: number; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Stack gap="md" w={width}>
        <Stack gap={2} align="center" className="no-print">
          <Title order={1} size="h2">
            司法台账
          </Title>
          {bureauName && <Text c="dimmed">{bureauName}</Text>}
        </Stack>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
