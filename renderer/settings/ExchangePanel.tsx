// 设置 → 数据交换 (administrator): at the bureau, invite an office (a join file to carry on a USB
// disk), each office's last package, import an office's package, make the package for an
// office; at an office, join the county, make the package for the bureau, import the bureau's.

import { Button, FileButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { readAsBase64, saveExport } from '../common/files.ts';
import { notifyError, notifySuccess, useApi } from '../common/use-api.ts';

/** 2025-01-05 16:20, local time. */
function shown(iso: string | null): string {
  if (!iso) return '—';
  const at = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

async function makeAndSave(input: { office?: string }, done: () => void): Promise<void> {
  const made = await call('exchange.export', input);
  if (!made.ok) return notifyError(made.error);
  const saved = await saveExport(made.value);
  if (!saved.ok) return notifyError(saved.error);
  if (saved.value) notifySuccess(`已生成数据包（${made.value.office}，序号 ${made.value.seq}，${made.value.records} 条记录）：${saved.value}`);
  done();
}

/** A file chosen and sent as base64 to `method` (import a package, join the county). */
function SendFileButton(props: { label: string; method: 'exchange.join' | 'exchange.import'; accept: string; done: () => void }) {
  const [busy, setBusy] = useState(false);
  const send = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    const { content } = await readAsBase64(file);
    const result = await call(props.method, { content });
    setBusy(false);
    if (!result.ok) return notifyError(result.error, `${props.label}未完成`);
    const answer = result.value;
    notifySuccess('message' in answer ? answer.message : `本机已成为${answer.office}的电脑（从局端带来本所记录 ${answer.records} 条）`);
    props.done();
  };
  return (
    <FileButton onChange={(file) => void send(file)} accept={props.accept}>
      {(buttonProps) => (
        <Button size="xs" variant="light" loading={busy} {...buttonProps}>
          {props.label}
        </Button>
      )}
    </FileButton>
  );
}

function InviteForm(props: { done: () => void }) {
  const [office, setOffice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const made = await call('exchange.invite', { office });
    setBusy(false);
    if (!made.ok) return setError(made.error.message);
    const saved = await saveExport(made.value);
    if (!saved.ok) return notifyError(saved.error);
    if (saved.value) notifySuccess(`已生成${office}的加入文件（带上局端已有的该所记录 ${made.value.records} 条）：${saved.value}`);
    setOffice('');
    props.done();
  };
  return (
    <form onSubmit={submit}>
      <Group gap="xs" align="flex-start">
        <TextInput
          size="xs"
          aria-label="要邀请的司法所"
          placeholder="司法所名称，如：城西司法所"
          value={office}
          onChange={(event) => {
            setOffice(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          w={260}
        />
        <Button size="xs" type="submit" loading={busy}>
          邀请司法所
        </Button>
      </Group>
    </form>
  );
}

export function ExchangePanel() {
  const status = useApi('exchange.status', {});
  if (status.error) return <ErrorAlert error={status.error} />;
  const data = status.data;
  if (!data) return null;
  if (data.role === 'office') {
    return (
      <Stack gap="xs">
        <Text size="sm">
          本机是{data.office}的电脑（已加入{data.bureauName}）：本机序号 {data.seq}，局端已确认 {data.acked}，待发送 {data.pending} 条；
          上次收到局端数据包 {shown(data.lastSyncAt)}
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={() => void makeAndSave({}, status.reload)}>
            生成数据包
          </Button>
          <SendFileButton label="导入局端数据包" method="exchange.import" accept=".sftz" done={status.reload} />
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        为司法所生成加入文件，用U盘带到该所电脑上加入。加入后该所的记录只在该所电脑上修改，局端只读；双方用数据包交换。
      </Text>
      <InviteForm done={status.reload} />
      {data.offices.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>司法所</Table.Th>
              <Table.Th>数据截至</Table.Th>
              <Table.Th>序号</Table.Th>
              <Table.Th>记录</Table.Th>
              <Table.Th>收到于</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.offices.map((office) => (
              <Table.Tr key={office.office}>
                <Table.Td>{office.office}</Table.Td>
                <Table.Td>{office.joined ? shown(office.dataAsOf) : '已邀请，尚未收到数据包'}{office.wentBackAt ? '（序号倒退，请生成数据包给该所恢复）' : ''}</Table.Td>
                <Table.Td>{office.lastSeq}</Table.Td>
                <Table.Td>{office.lastRecords}</Table.Td>
                <Table.Td>{shown(office.lastReceivedAt)}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => void makeAndSave({ office: office.office }, status.reload)}>
                    生成给该所的数据包
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs">
        <SendFileButton label="导入数据包" method="exchange.import" accept=".sftz" done={status.reload} />
        {data.role === 'standalone' && <SendFileButton label="加入本县（本机是司法所）" method="exchange.join" accept=".join" done={status.reload} />}
      </Group>
    </Stack>
  );
}
