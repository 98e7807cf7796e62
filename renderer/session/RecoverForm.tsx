// 使用恢复码: an administrator who forgot the password types the recovery code printed at the
// first start, the username and a new password (twice); session.recover sets it and logs in.

import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '../common/FormMessage.tsx';
import { useFormCall } from '../common/use-api.ts';
import { NewPasswordInputs, PASSWORDS_DIFFER, emptyNewPassword } from './NewPasswordInputs.tsx';
import type { UserView } from './session.ts';

export interface RecoverFormProps {
  readonly username: string;
  readonly onRecovered: (user: UserView) => void;
  readonly onBack: () => void;
}

export function RecoverForm({ username: initialUsername, onRecovered, onBack }: RecoverFormProps) {
  const [recoveryCode, setRecoveryCode] = useState('');
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState(emptyNewPassword);
  const recover = useFormCall('session.recover', ['recoveryCode', 'username', 'newPassword']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.password !== password.repeat) return recover.fail('newPassword', PASSWORDS_DIFFER);
    const outcome = await recover.submit({ recoveryCode: recoveryCode.trim(), username: username.trim(), newPassword: password.password });
    if (outcome) onRecovered(outcome.user);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          使用恢复码重设密码
        </Title>
        <Text size="sm" c="dimmed">
          恢复码是首次使用时显示并打印的那一串字符，只能重设管理员的密码。其他用户忘记密码，请管理员在「用户管理」中重设。
        </Text>
        <TextInput
          label="恢复码"
          value={recoveryCode}
          onChange={(event) => {
            setRecoveryCode(event.currentTarget.value);
            recover.clear('recoveryCode');
          }}
          error={recover.fieldErrors.recoveryCode}
          ff="monospace"
          autoComplete="off"
          autoFocus
          data-autofocus
          withAsterisk
        />
        <TextInput
          label="管理员用户名"
          autoComplete="username"
          value={username}
          onChange={(event) => {
            setUsername(event.currentTarget.value);
            recover.clear('username');
          }}
          error={recover.fieldErrors.username}
          withAsterisk
        />
        <NewPasswordInputs
          label="新密码"
          value={password}
          onChange={(value) => {
            setPassword(value);
            recover.clear('newPassword');
          }}
          error={recover.fieldErrors.newPassword}
        />
        <FormMessage message={recover.message} />
        <Button type="submit" loading={recover.busy}>
          重设密码并登录
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          返回登录
        </Anchor>
      </Stack>
    </form>
  );
}
