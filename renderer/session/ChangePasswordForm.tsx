// The fields of 修改密码: the current password and the new one twice (session.changePassword),
// Enter saves. Used in the 修改密码 dialog and on the page a new user sees at the first login.

import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '../common/FormMessage.tsx';
import { useFormCall } from '../common/use-api.ts';
import { NewPasswordInputs, PASSWORDS_DIFFER, emptyNewPassword } from './NewPasswordInputs.tsx';

export interface ChangePasswordFormProps {
  /** What the current password is called (当前密码, 管理员设置的初始密码). */
  readonly currentLabel?: string;
  readonly onChanged: () => void;
  /** The button beside 保存 (取消, 退出登录). */
  readonly secondary: { readonly label: string; readonly onClick: () => void };
}

export function ChangePasswordForm({ currentLabel = '当前密码', onChanged, secondary }: ChangePasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState(emptyNewPassword);
  const change = useFormCall('session.changePassword', ['currentPassword', 'newPassword']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.password !== password.repeat) return change.fail('newPassword', PASSWORDS_DIFFER);
    if (await change.submit({ currentPassword: current, newPassword: password.password })) onChanged();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <PasswordInput
          label={currentLabel}
          autoComplete="current-password"
          value={current}
          onChange={(event) => {
            setCurrent(event.currentTarget.value);
            change.clear('currentPassword');
          }}
          error={change.fieldErrors.currentPassword}
          data-autofocus
          autoFocus
          withAsterisk
        />
        <NewPasswordInputs
          label="新密码"
          value={password}
          onChange={(value) => {
            setPassword(value);
            change.clear('newPassword');
          }}
          error={change.fieldErrors.newPassword}
        />
        <FormMessage message={change.message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={secondary.onClick}>
            {secondary.label}
          </Button>
          <Button type="submit" loading={change.busy}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
