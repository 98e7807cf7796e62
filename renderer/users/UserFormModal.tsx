// One form for a new user and for changing one: username (fixed once made), name, role and
// office, the first password (new users), and 停用 (existing users). The backend checks
// everything (a username taken, the last administrator …) and its messages go on the fields.

import { Button, Group, Modal, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { type Office, USERNAME_RULE, type UserRow } from '../../db/api/contract.ts';
import { FormMessage } from '../common/FormMessage.tsx';
import { useFormCall } from '../common/use-api.ts';
import { NewPasswordInputs, PASSWORDS_DIFFER, emptyNewPassword } from '../session/NewPasswordInputs.tsx';
import { BUREAU_SCOPE, roleLabels, type Role } from '../session/session.ts';

const roleHints: Readonly<Record<Role, string>> = {
  admin: '管理员：全部台账，以及设置、用户、备份与恢复、审计日志',
  clerk: '录入员：录入、修改、导入所属单位的台账，查看报表',
  viewer: '查看：只能查看台账和统计报表，不能修改',
};

const roleOptions = (Object.keys(roleLabels) as Role[]).map((role) => ({ value: role, label: roleLabels[role] }));

/** Office select value for 局机关. */
const BUREAU = '';

export interface UserFormModalProps {
  /** The user being changed, or null for a new one. */
  readonly stored: UserRow | null;
  readonly offices: readonly Office[];
  readonly onSaved: (name: string) => void;
  readonly onClose: () => void;
}

export function UserFormModal({ stored, offices, onSaved, onClose }: UserFormModalProps) {
  const [username, setUsername] = useState(stored?.username ?? '');
  const [displayName, setDisplayName] = useState(stored?.displayName ?? '');
  const [role, setRole] = useState<Role>(stored?.role ?? 'clerk');
  const [office, setOffice] = useState(stored?.officeId ? String(stored.officeId) : BUREAU);
  const [disabled, setDisabled] = useState(stored?.disabled ?? false);
  const [password, setPassword] = useState(emptyNewPassword);
  const save = useFormCall(stored ? 'users.update' : 'users.create', [
    'username',
    'displayName',
    'role',
    'officeId',
    'disabled',
    'password',
  ]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const officeId = office === BUREAU ? null : Number(office);
    if (!stored && password.password !== password.repeat) return save.fail('password', PASSWORDS_DIFFER);
    const saved = await save.submit(
      stored
        ? { id: stored.id, displayName, role, officeId, disabled }
        : { username: username.trim(), displayName, role, officeId, password: password.password },
    );
    if (saved) onSaved(displayName.trim());
  };

  return (
    <Modal opened onClose={onClose} title={stored ? `修改用户：${stored.username}` : '新增用户'} centered>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <TextInput
            label="用户名"
            description={stored ? '用户名建立后不能修改' : USERNAME_RULE}
            autoComplete="off"
            value={username}
            onChange={(event) => {
              setUsername(event.currentTarget.value);
              save.clear('username');
            }}
            error={save.fieldErrors.username}
            disabled={stored !== null}
            data-autofocus={stored ? undefined : true}
            withAsterisk
          />
          <TextInput
            label="姓名"
            value={displayName}
            onChange={(event) => {
              setDisplayName(event.currentTarget.value);
              save.clear('displayName');
            }}
            error={save.fieldErrors.displayName}
            data-autofocus={stored ? true : undefined}
            withAsterisk
          />
          <NativeSelect
            label="角色"
            description={roleHints[role]}
            data={roleOptions}
            value={role}
            onChange={(event) => {
              setRole(event.currentTarget.value as Role);
              save.clear('role');
            }}
            error={save.fieldErrors.role}
          />
          <NativeSelect
            label="所属单位"
            description="司法所等单位的用户只能看到和统计本单位的记录"
            data={[{ value: BUREAU, label: BUREAU_SCOPE }, ...offices.map((item) => ({ value: String(item.id), label: item.name }))]}
            value={office}
            onChange={(event) => {
              setOffice(event.currentTarget.value);
              save.clear('officeId');
            }}
            error={save.fieldErrors.officeId}
          />
          {stored ? (
            <Switch
              label="停用此账号"
              description="停用后不能登录，操作记录保留"
              checked={disabled}
              onChange={(event) => {
                setDisabled(event.currentTarget.checked);
                save.clear('disabled');
              }}
              error={save.fieldErrors.disabled}
            />
          ) : (
            <NewPasswordInputs
              label="初始密码"
              value={password}
              onChange={(value) => {
                setPassword(value);
                save.clear('password');
              }}
              error={save.fieldErrors.password}
            />
          )}
          <FormMessage message={save.message} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Enter 保存 · Esc 取消
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                取消
              </Button>
              <Button type="submit" loading={save.busy}>
                保存
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
