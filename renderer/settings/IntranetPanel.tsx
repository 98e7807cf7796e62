// 设置 → 数据交换 → 内网同步 (administrator): at the bureau, whether and on which of this
// machine's addresses the listener serves the offices, and the certificate fingerprint they pin;
// at an office, the bureau's address, port and fingerprint, the sync interval, 立即同步, when the
// last sync succeeded and, when the link is down, why — with the way back to the files.

import { Alert, Button, Checkbox, Code, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { BureauLink, IntranetStatus, ListenerSettings, MethodInput } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { FormMessage } from '../common/FormMessage.tsx';
import { formatTimestamp } from '../common/format.ts';
import { notifySuccess, useApi } from '../common/use-api.ts';

/** How often the page reads the sync state again (the timer syncs in the background). */
const REFRESH_MS = 30_000;

const asNumber = (value: string | number) => (typeof value === 'number' ? value : Number(value));

/** Saves a settings form; its field errors, or its message, or null. */
function useSave<M extends 'exchange.setListener' | 'exchange.setBureauLink'>(method: M, saved: string, done: () => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const save = async (input: MethodInput<M>) => {
    setBusy(true);
    const result = await call(method, input);
    setBusy(false);
    if (!result.ok) return setErrors(result.error.fieldErrors ?? { _: result.error.message });
    setErrors({});
    notifySuccess(saved);
    done();
  };
  return { errors, busy, save };
}

function ListenerForm(props: { status: IntranetStatus; done: () => void }) {
  const [listener, setListener] = useState<ListenerSettings>(props.status.listener);
  const { errors, busy, save } = useSave('exchange.setListener', '内网同步设置已保存', props.done);
  const state = props.status.listenerState;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(listener);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          局端在本机的一个地址上等候司法所的电脑同步（只提供数据交换，经加密连接，每个请求须有该所的签名）。开启后生成的加入文件会带上地址和证书指纹。
        </Text>
        {state.listening && (
          <Text size="sm">
            正在 {state.listening.address}:{state.listening.port} 上提供内网同步
          </Text>
        )}
        {state.error && <FormMessage message={`内网同步服务未能开启：${state.error}`} />}
        <Group gap="sm" align="flex-end">
          <Checkbox label="开启内网同步服务" checked={listener.enabled} onChange={(event) => setListener({ ...listener, enabled: event.currentTarget.checked })} />
          <Select
            size="xs"
            label="本机地址"
            placeholder="请选择本机的一个地址"
            data={props.status.addresses}
            value={listener.address || null}
            onChange={(address) => setListener({ ...listener, address: address ?? '' })}
            error={errors.address}
            w={220}
          />
          <NumberInput
            size="xs"
            label="端口"
            min={1}
            max={65535}
            allowDecimal={false}
            value={listener.port}
            onChange={(port) => setListener({ ...listener, port: asNumber(port) })}
            error={errors.port}
            w={110}
          />
          <Button size="xs" type="submit" loading={busy}>
            保存内网同步设置
          </Button>
        </Group>
        {props.status.fingerprint && (
          <Text size="sm">
            证书指纹（司法所填写局端地址时核对）：<Code>{props.status.fingerprint}</Code>
          </Text>
        )}
        <FormMessage message={errors._ ?? null} />
      </Stack>
    </form>
  );
}

function BureauLinkForm(props: { status: IntranetStatus; done: () => void }) {
  const [link, setLink] = useState<BureauLink>(props.status.link);
  const { errors, busy, save } = useSave('exchange.setBureauLink', '局端地址已保存', props.done);
  const [syncing, setSyncing] = useState(false);
  const { sync } = props.status;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(link);
  };
  const syncNow = async () => {
    setSyncing(true);
    const result = await call('exchange.syncNow', {});
    setSyncing(false);
    if (result.ok) notifySuccess(result.value.message);
    props.done();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text size="sm">
          上次同步成功：{formatTimestamp(sync.lastSuccessAt)}
          {sync.lastAttemptAt && sync.lastAttemptAt !== sync.lastSuccessAt ? `；上次尝试：${formatTimestamp(sync.lastAttemptAt)}` : ''}
        </Text>
        {sync.lastError && (
          <Alert color="orange" title="与局端的内网同步未成功" py="xs" role="alert">
            {sync.lastError}
          </Alert>
        )}
        <Group gap="sm" align="flex-end">
          <TextInput
            size="xs"
            label="局端地址"
            placeholder="如 192.168.1.10"
            value={link.address}
            onChange={(event) => setLink({ ...link, address: event.currentTarget.value })}
            error={errors.address}
            w={180}
          />
          <NumberInput
            size="xs"
            label="端口"
            min={1}
            max={65535}
            allowDecimal={false}
            value={link.port}
            onChange={(port) => setLink({ ...link, port: asNumber(port) })}
            error={errors.port}
            w={100}
          />
          <NumberInput
            size="xs"
            label="每隔几分钟同步"
            min={1}
            max={120}
            allowDecimal={false}
            value={link.intervalMinutes}
            onChange={(minutes) => setLink({ ...link, intervalMinutes: asNumber(minutes) })}
            error={errors.intervalMinutes}
            suffix=" 分钟"
            w={130}
          />
        </Group>
        <TextInput
          size="xs"
          label="局端证书指纹"
          description="加入文件已带来；也可按局端设置页显示的照抄（64 位十六进制数字）"
          value={link.fingerprint}
          onChange={(event) => setLink({ ...link, fingerprint: event.currentTarget.value })}
          error={errors.fingerprint}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group gap="sm">
          <Checkbox label="定时同步" checked={link.enabled} onChange={(event) => setLink({ ...link, enabled: event.currentTarget.checked })} />
          <Button size="xs" type="submit" loading={busy}>
            保存局端地址
          </Button>
          <Button size="xs" variant="light" loading={syncing} onClick={() => void syncNow()}>
            立即同步
          </Button>
        </Group>
        <FormMessage message={errors._ ?? null} />
      </Stack>
    </form>
  );
}

export function IntranetPanel() {
  const status = useApi('exchange.intranetStatus', {});
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (status.error) return <ErrorAlert error={status.error} onRetry={reload} />;
  const data = status.data;
  if (!data) return null;
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        内网同步
      </Title>
      {data.role === 'office' ? <BureauLinkForm status={data} done={reload} /> : <ListenerForm status={data} done={reload} />}
    </Stack>
  );
}
