// 修改密码 from the user bar: the change-password form in a dialog.

import { Modal } from '@mantine/core';
import { notifySuccess } from '../common/use-api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="修改密码" centered>
      <ChangePasswordForm
        onChanged={() => {
          notifySuccess('密码已修改，下次登录请使用新密码');
          onClose();
        }}
        secondary={{ label: '取消', onClick: onClose }}
      />
    </Modal>
  );
}
