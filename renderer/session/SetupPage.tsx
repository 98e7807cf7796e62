// 首次使用: the bureau's name and the first administrator (username, name, password twice).
// session.setup creates the encrypted database and logs the administrator in; the recovery
// code it returns is shown next, once.

import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '../common/FormMessage.tsx';
import { useFormCall } from '../common/use-api.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordInputs, PASSWORDS_DIFFER, emptyNewPassword } from './NewPasswordInputs.tsx';
import type { MethodOutput } from '../../db/api/contract.ts';

export interface SetupPageProps {
  /** The name an existing plain database holds (it is encrypted by setup). */
  readonly knownBureauName: string | null;
  readonly onDone: (outcome: MethodOutput<'session.setup'> & { bureauName: string }) => void;
}

export function SetupPage({ knownBureauName, onDone }: SetupPageProps) {
  const [bureauName, setBureauName] = useState(knownBureauName ?? '');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState(emptyNewPassword);
  const setup = useFormCall('session.setup', ['bureauName', 'username', 'displayName', 'password']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.password !== password.repeat) return setup.fail('password', PASSWORDS_DIFFER);
    const outcome = await setup.submit({ bureauName, username, displayName, password: password.password });
    if (outcome) onDone({ ...outcome, bureauName: bureauName.trim() });
  };
  const typed = (field: string, set: (value: string) => void) => (event: { currentTarget: { value: string } }) => {
    set(event.currentTarget.value);
    setup.clear(field);
  };

  return (
    <AuthLayout width={460}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            首次使用
          </Title>
          <Text size="sm" c="dimmed">
            填写本局名称并设置管理员账号。数据库将加密保存，管理员可在「用户管理」中为其他人建立账号。
          </Text>
          <TextInput
            label="本局名称"
            description="显示在统计报表和导出文件的标题中"
            placeholder="例如：潮州市湘桥区司法局"
            value={bureauName}
            onChange={typed('bureauName', setBureauName)}
            error={setup.fieldErrors.bureauName}
            autoFocus
            withAsterisk
          />
          <TextInput
            label="管理员用户名"
            description="登录时输入，例如 admin"
            autoComplete="username"
            value={username}
            onChange={typed('username', setUsername)}
            error={setup.fieldErrors.username}
            withAsterisk
          />
          <TextInput
            label="管理员姓名"
            value={displayName}
            onChange={typed('displayName', setDisplayName)}
            error={setup.fieldErrors.displayName}
            withAsterisk
          />
          <NewPasswordInputs
            value={password}
            onChange={(value) => {
              setPassword(value);
              setup.clear('password');
            }}
            error={setup.fieldErrors.password}
          />
          <FormMessage message={setup.message} />
          <Button type="submit" loading={setup.busy} mt="xs">
            建立数据库并登录
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
