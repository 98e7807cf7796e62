// 用户管理 (管理员): every account with its role, office and state (正常, 已停用, 已锁定至…) and
// last login; adding one, changing one, resetting a password, lifting a lock; and the idle
// time after which the app locks itself.

import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconKey, IconLockOpen, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserRow } from '../../db/api/contract.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTimestamp } from '../common/format.ts';
import { notifySuccess, runAction, useApi } from '../common/use-api.ts';
import { officeLabel, roleLabels, useSession } from '../session/session.ts';
import { IdleMinutesForm } from './IdleMinutesForm.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';

/** Locked now: failed logins put a lock on it that has not ended. */
function isLocked(user: UserRow): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
}

function UserState({ user }: { user: UserRow }) {
  if (user.disabled) return <Badge color="gray" variant="light">已停用</Badge>;
  if (isLocked(user)) return <Badge color="orange" variant="light">已锁定至 {formatTimestamp(user.lockedUntil)}</Badge>;
  return <Badge color="teal" variant="light">正常</Badge>;
}

type Dialog = { readonly kind: 'edit'; readonly user: UserRow | null } | { readonly kind: 'password'; readonly user: UserRow };

export function UsersPage() {
  const users = useApi('users.list', {});
  const offices = useApi('office.list', {});
  const { user: me, reopen } = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  useHotkeys([['alt+N', () => dialog === null && setDialog({ kind: 'edit', user: null })]], []);

  const unlock = async (user: UserRow) => {
    if (await runAction('users.unlock', { id: user.id }, `已解除「${user.displayName}」的锁定`)) users.reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>用户管理</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'edit', user: null })} title="Alt+N">
          新增用户
        </Button>
      </Group>
      {users.error && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <Table withTableBorder striped fz="sm" data-testid="users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>用户名</Table.Th>
            <Table.Th>姓名</Table.Th>
            <Table.Th>角色</Table.Th>
            <Table.Th>所属单位</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>最后登录</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users.data ?? []).map((user) => (
            <Table.Tr key={user.id} data-username={user.username}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>
                {user.displayName}
                {user.id === me.id && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    （本人）
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{roleLabels[user.role]}</Table.Td>
              <Table.Td>{officeLabel(user)}</Table.Td>
              <Table.Td>
                <UserState user={user} />
              </Table.Td>
              <Table.Td className="figure">{formatTimestamp(user.lastLoginAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {isLocked(user) && (
                    <Button size="compact-sm" variant="light" color="orange" leftSection={<IconLockOpen size={14} />} onClick={() => void unlock(user)}>
                      解锁
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconKey size={14} />}
                    onClick={() => setDialog({ kind: 'password', user })}
                    aria-label={`重设「${user.username}」的密码`}
                  >
                    重设密码
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setDialog({ kind: 'edit', user })}
                    aria-label={`修改用户「${user.username}」`}
                  >
                    修改
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            自动锁定
          </Title>
          <IdleMinutesForm />
        </Stack>
      </Paper>
      {dialog?.kind === 'edit' && (
        <UserFormModal
          stored={dialog.user}
          offices={offices.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            const changedMe = dialog.user?.id === me.id;
            setDialog(null);
            notifySuccess(`已保存用户「${name}」`);
            // One's own role or office changed: the session (and what the UI offers) follows.
            if (changedMe) reopen();
            else users.reload();
          }}
        />
      )}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
