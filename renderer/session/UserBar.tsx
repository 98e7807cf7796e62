// The header's right end: who is logged in (name, role, office) and 修改密码, 锁定 (Ctrl+L)
// and 退出.

import { Badge, Button, Group, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { officeLabel, roleLabels, useSession } from './session.ts';

export function UserBar() {
  const { user, lock, logout } = useSession();
  const [changing, { open, close }] = useDisclosure(false);
  useHotkeys([['mod+L', lock]], []);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="user-bar">
      <Text size="sm" fw={500}>
        {user.displayName}
      </Text>
      <Badge variant="light" tt="none" fw={500}>
        {roleLabels[user.role]}
      </Badge>
      <Text size="sm" c="dimmed">
        {officeLabel(user)}
      </Text>
      <Button variant="subtle" size="compact-sm" leftSection={<IconKey size={16} />} onClick={open}>
        修改密码
      </Button>
      <Button variant="subtle" size="compact-sm" leftSection={<IconLock size={16} />} onClick={lock} title="Ctrl+L">
        锁定
      </Button>
      <Button variant="subtle" size="compact-sm" color="gray" leftSection={<IconLogout size={16} />} onClick={logout}>
        退出
      </Button>
      <ChangePasswordModal opened={changing} onClose={close} />
    </Group>
  );
}
