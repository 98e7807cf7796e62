// Offices (单位: 局本级, 法律援助中心, 司法所 …): the list, adding one, renaming one in place, and
// each one's 单位类别 (a new office's is guessed from its name; rules needing a 司法所 read it).

import { ActionIcon, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { officeKinds, type Office, type OfficeKind } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifyError, notifySuccess, useApi } from '../common/use-api.ts';

/** A one-field name form: for adding (empty start) and renaming (current name). */
function NameForm(props: { initial: string; submitLabel: string; onSubmit: (name: string) => Promise<string | null>; onCancel?: () => void }) {
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const problem = await props.onSubmit(name);
    setSaving(false);
    if (problem) setError(problem);
    else if (!props.onCancel) setName('');
  };
  return (
    <form noValidate onSubmit={submit}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label="单位名称"
          placeholder="单位名称，如：城西司法所"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => event.key === 'Escape' && props.onCancel?.()}
          error={error}
          autoFocus={Boolean(props.onCancel)}
          w={260}
        />
        {props.onCancel ? (
          <>
            <ActionIcon type="submit" variant="light" loading={saving} aria-label="保存名称">
              <IconCheck size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" onClick={props.onCancel} aria-label="取消">
              <IconX size={16} />
            </ActionIcon>
          </>
        ) : (
          <Button size="xs" type="submit" loading={saving}>
            {props.submitLabel}
          </Button>
        )}
      </Group>
    </form>
  );
}

const problemOf = (result: Awaited<ReturnType<typeof call>>) =>
  result.ok ? null : (result.error.fieldErrors?.name ?? result.error.message);

export function OfficesPanel() {
  const offices = useApi('office.list', {});
  const [editing, setEditing] = useState<number | null>(null);

  const create = async (name: string) => {
    const problem = problemOf(await call('office.create', { name }));
    if (!problem) {
      notifySuccess(`已添加单位「${name.trim()}」`);
      offices.reload();
    }
    return problem;
  };
  const rename = async (id: number, name: string) => {
    const problem = problemOf(await call('office.rename', { id, name }));
    if (!problem) {
      setEditing(null);
      offices.reload();
    }
    return problem;
  };

  const setKind = async (office: Office, kind: OfficeKind) => {
    const result = await call('office.rename', { id: office.id, name: office.name, kind });
    if (!result.ok) notifyError(result.error, '单位类别未保存');
    else notifySuccess(`「${office.name}」的单位类别已改为${officeKinds[kind]}`);
    offices.reload();
  };

  if (offices.error) return <ErrorAlert error={offices.error} onRetry={offices.reload} />;
  return (
    <>
      <Table withTableBorder fz="sm" data-testid="offices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>编号</Table.Th>
            <Table.Th>单位名称</Table.Th>
            <Table.Th w={150}>单位类别</Table.Th>
            <Table.Th w={80} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(offices.data ?? []).map((office) => (
            <Table.Tr key={office.id}>
              <Table.Td c="dimmed">{office.id}</Table.Td>
              <Table.Td>
                {editing === office.id ? (
                  <NameForm initial={office.name} submitLabel="保存" onSubmit={(name) => rename(office.id, name)} onCancel={() => setEditing(null)} />
                ) : (
                  office.name
                )}
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={`${office.name}的单位类别`}
                  data={Object.entries(officeKinds).map(([value, label]) => ({ value, label }))}
                  value={office.kind}
                  onChange={(event) => void setKind(office, event.currentTarget.value as OfficeKind)}
                />
              </Table.Td>
              <Table.Td>
                {editing !== office.id && (
                  <ActionIcon variant="subtle" aria-label={`重命名 ${office.name}`} onClick={() => setEditing(office.id)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {offices.data?.length === 0 && <Text size="sm" c="dimmed">还没有单位。导入台账时会自动创建，也可在下面添加。</Text>}
      <NameForm initial="" submitLabel="添加单位" onSubmit={create} />
    </>
  );
}
