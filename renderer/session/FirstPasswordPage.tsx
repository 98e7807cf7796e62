// The page a user sees after logging in with a password an administrator gave them (a new
// account, or a reset): they choose their own before anything else opens (the backend refuses
// every other call until then).

import { Stack, Text, Title } from '@mantine/core';
import { AuthLayout } from './AuthLayout.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import type { UserView } from './session.ts';

export interface FirstPasswordPageProps {
  readonly user: UserView;
  readonly bureauName: string | null;
  readonly onChanged: () => void;
  readonly onLogout: () => void;
}

export function FirstPasswordPage({ user, bureauName, onChanged, onLogout }: FirstPasswordPageProps) {
  return (
    <AuthLayout bureauName={bureauName}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          请设置您自己的密码
        </Title>
        <Text size="sm">
          {user.displayName}，您现在的密码是管理员为您设置的。请先换成只有您自己知道的新密码，然后才能使用本程序。
        </Text>
        <ChangePasswordForm currentLabel="管理员设置的密码" onChanged={onChanged} secondary={{ label: '退出登录', onClick: onLogout }} />
      </Stack>
    </AuthLayout>
  );
}
