// 修改密码: the current password and the new one twice (session.changePassword). Enter saves.

import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '../common/FormMessage.tsx';
import { notifySuccess, useFormCall } from '../common/use-api.ts';
import { NewPasswordInputs, PASSWORDS_DIFFER, emptyNewPassword } from './NewPasswordInputs.tsx';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState(emptyNewPassword);
  const change = useFormCall<object>('session.changePassword', ['currentPassword', 'newPassword']);

  const close = () => {
    setCurrent('');
    setPassword(emptyNewPassword);
    change.clear();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.password !== password.repeat) return change.fail('newPassword', PASSWORDS_DIFFER);
    if (await change.submit({ currentPassword: current, newPassword: password.password })) {
      notifySuccess('密码已修改，下次登录请使用新密码');
      close();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="修改密码" centered>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <PasswordInput
            label="当前密码"
            autoComplete="current-password"
            value={current}
            onChange={(event) => {
              setCurrent(event.currentTarget.value);
              change.clear('currentPassword');
            }}
            error={change.fieldErrors.currentPassword}
            data-autofocus
            required
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
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button type="submit" loading={change.busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
