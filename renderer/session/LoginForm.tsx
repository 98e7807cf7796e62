// 登录 and 解锁: username and password, Enter logs in, the backend's message (wrong password
// with the attempts left, locked until 14:30) above the button, and the way to the recovery
// code. Unlocking names who was logged in; typing another username warns that their open
// pages close.

import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '../common/FormMessage.tsx';
import { useFormCall } from '../common/use-api.ts';
import { officeLabel, roleLabels, type UserView } from './session.ts';

export interface LoginFormProps {
  /** Who was logged in when the app locked; null on the plain login page. */
  readonly lockedUser: UserView | null;
  /** Why the app locked (idle, the backend refused a call …). */
  readonly reason?: string | null;
  readonly onLoggedIn: (user: UserView) => void;
  readonly onForgotPassword: (username: string) => void;
}

export function LoginForm({ lockedUser, reason, onLoggedIn, onForgotPassword }: LoginFormProps) {
  const [username, setUsername] = useState(lockedUser?.username ?? '');
  const [password, setPassword] = useState('');
  const login = useFormCall('session.login', ['username', 'password']);
  const otherUser = lockedUser !== null && username.trim() !== '' && username.trim() !== lockedUser.username;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await login.submit({ username: username.trim(), password });
    if (outcome) onLoggedIn(outcome.user);
    else setPassword('');
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Group gap="xs">
          {lockedUser && <IconLock size={22} />}
          <Title order={2} size="h3">
            {lockedUser ? '已锁定' : '登录'}
          </Title>
        </Group>
        {lockedUser && (
          <Text size="sm" data-testid="locked-user">
            {lockedUser.displayName}（{roleLabels[lockedUser.role]} · {officeLabel(lockedUser)}）已锁定。请输入密码解锁。
          </Text>
        )}
        {reason && (
          <Text size="sm" c="dimmed">
            {reason}
          </Text>
        )}
        <TextInput
          label="用户名"
          autoComplete="username"
          value={username}
          onChange={(event) => {
            setUsername(event.currentTarget.value);
            login.clear();
          }}
          error={login.fieldErrors.username}
          autoFocus={!lockedUser}
          data-autofocus={lockedUser ? undefined : true}
          withAsterisk
        />
        <PasswordInput
          label="密码"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            login.clear();
          }}
          error={login.fieldErrors.password}
          autoFocus={Boolean(lockedUser)}
          data-autofocus={lockedUser ? true : undefined}
          withAsterisk
        />
        {otherUser && (
          <Alert color="orange" py="xs">
            以其他用户登录将关闭 {lockedUser.displayName} 打开的页面，未保存的内容不会保留。
          </Alert>
        )}
        <FormMessage message={login.message} />
        <Button type="submit" loading={login.busy}>
          {lockedUser && !otherUser ? '解锁' : '登录'}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => onForgotPassword(username.trim())}>
          忘记密码？使用恢复码
        </Anchor>
      </Stack>
    </form>
  );
}
