// A new password typed twice (首次使用, 恢复, 修改密码, 新增用户, 重设密码), with the rule shown
// under it. The backend checks the rule; the two entries are compared here.

import { PasswordInput } from '@mantine/core';
import { PASSWORD_RULE } from '../../db/api/contract.ts';

export const PASSWORDS_DIFFER = '两次输入的密码不一致';

export interface NewPassword {
  readonly password: string;
  readonly repeat: string;
}

export const emptyNewPassword: NewPassword = { password: '', repeat: '' };

export interface NewPasswordInputsProps {
  readonly value: NewPassword;
  readonly onChange: (value: NewPassword) => void;
  /** The backend's message for the password, or PASSWORDS_DIFFER. */
  readonly error?: string | undefined;
  readonly label?: string;
  /** The first input takes the focus when a modal opens (Mantine's data-autofocus). */
  readonly autoFocus?: boolean;
}

export function NewPasswordInputs({ value, onChange, error, label = '密码', autoFocus }: NewPasswordInputsProps) {
  const differ = error === PASSWORDS_DIFFER;
  return (
    <>
      <PasswordInput
        label={label}
        description={PASSWORD_RULE}
        autoComplete="new-password"
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        error={!differ && error}
        data-autofocus={autoFocus || undefined}
        withAsterisk
      />
      <PasswordInput
        label={`再次输入${label}`}
        autoComplete="new-password"
        value={value.repeat}
        onChange={(event) => onChange({ ...value, repeat: event.currentTarget.value })}
        error={differ && error}
        withAsterisk
      />
    </>
  );
}
