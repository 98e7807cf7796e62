// The recovery code, shown once after 首次使用: large, in monospace, printable. It is the only
// way back in if the administrator's password is forgotten, so the app goes on only after
// the administrator ticks that it was copied or printed.

import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { AuthLayout } from './AuthLayout.tsx';

export function RecoveryCodePage({ code, bureauName, onContinue }: { code: string; bureauName: string | null; onContinue: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <AuthLayout width={620}>
      <Stack gap="md">
        <Title order={2} size="h3">
          请保管好恢复码
        </Title>
        <Text size="sm">
          {bureauName ? `${bureauName} · ` : ''}司法台账恢复码。忘记管理员密码时，凭恢复码和管理员用户名可以重设密码；没有它，加密的数据无法打开。
        </Text>
        <Paper withBorder p="lg" bg="var(--mantine-color-gray-0)">
          <Text ff="monospace" fz={26} fw={700} ta="center" style={{ letterSpacing: '0.08em', wordBreak: 'break-all' }} data-testid="recovery-code">
            {code}
          </Text>
        </Paper>
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} className="no-print">
          恢复码只显示这一次。请抄写或打印后放在保险柜等安全的地方，不要保存在这台电脑上。
        </Alert>
        <Group className="no-print">
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => window.print()} autoFocus>
            打印恢复码
          </Button>
        </Group>
        <Checkbox
          className="no-print"
          label="我已抄写或打印恢复码，并妥善保管"
          checked={kept}
          onChange={(event) => setKept(event.currentTarget.checked)}
        />
        <Button className="no-print" disabled={!kept} onClick={onContinue}>
          继续
        </Button>
      </Stack>
    </AuthLayout>
  );
}
