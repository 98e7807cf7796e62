// 重设密码 for a user who forgot theirs: a new password typed twice (users.resetPassword).
// The user should change it at their next login.

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { UserRow } from '../../db/api/contract.ts';
import { FormMessage } from '../common/FormMessage.tsx';
import { notifySuccess, useFormCall } from '../common/use-api.ts';
import { NewPasswordInputs, PASSWORDS_DIFFER, emptyNewPassword } from '../session/NewPasswordInputs.tsx';

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const [password, setPassword] = useState(emptyNewPassword);
  const reset = useFormCall('users.resetPassword', ['password']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.password !== password.repeat) return reset.fail('password', PASSWORDS_DIFFER);
    if (await reset.submit({ id: user.id, password: password.password })) {
      notifySuccess(`已重设「${user.displayName}」的密码`);
      onClose();
    }
  };

  return (
    <Modal opened onClose={onClose} title={`重设密码：${user.displayName}（${user.username}）`} centered>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            把新密码当面告诉本人，并请其登录后在「修改密码」中改为只有自己知道的密码。
          </Text>
          <NewPasswordInputs
            label="新密码"
            value={password}
            onChange={(value) => {
              setPassword(value);
              reset.clear('password');
            }}
            error={reset.fieldErrors.password}
            autoFocus
          />
          <FormMessage message={reset.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={reset.busy}>
              重设密码
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
