// The 内网同步 settings methods through the dispatcher (设置 → 数据交换 → 内网同步): administrator
// only; at the bureau the listener (off by default, on one of this machine's addresses, never all
// of them, its certificate made once); at an office the bureau's address, the pinned fingerprint
// and the interval; every refusal in Chinese with nothing changed; 立即同步 with the link down says
// so and points to the files.

import net from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { everything } from './county.ts';

let bureauDb: RegisterDatabase;
let officeDb: RegisterDatabase;
let bureau: ApiCall;
let office: ApiCall;

const dispatcher = (db: RegisterDatabase, role: 'admin' | 'clerk' | 'viewer' = 'admin') =>
  createDispatcher({ access: role === 'admin' ? BUREAU_ADMINISTRATOR : { role, officeId: null, officeName: null }, db, user: '管理员甲', today: () => '2025-01-05' });

async function value<T>(call: ApiCall, method: string, input: unknown = {}): Promise<T> {
  const result = (await call(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** A refusal: its kind and Chinese message (no English, no internal codes), with nothing written. */
async function refusal(call: ApiCall, db: RegisterDatabase, method: string, input: unknown): Promise<{ kind: string; message: string; fieldErrors?: Record<string, string> }> {
  const before = everything(db) + JSON.stringify(db.prepare('SELECT * FROM setting ORDER BY key').all());
  const result = await call(method, input);
  expect(result.ok, method).toBe(false);
  expect(everything(db) + JSON.stringify(db.prepare('SELECT * FROM setting ORDER BY key').all())).toBe(before);
  if (result.ok) return { kind: '', message: '' };
  expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(result.error.message).not.toMatch(/[A-Za-z]/);
  return result.error;
}

const listenerOn = { enabled: true, address: '127.0.0.1', port: 8443 };
const fingerprintShape = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

beforeEach(async () => {
  bureauDb = openDatabase(':memory:', { create: true });
  officeDb = openDatabase(':memory:', { create: true });
  bureau = dispatcher(bureauDb);
  office = dispatcher(officeDb);
});

async function joinOffice(): Promise<void> {
  const invitation = await value<{ content: string }>(bureau, 'exchange.invite', { office: '城西司法所' });
  await value(office, 'exchange.join', { content: invitation.content });
}

describe('who may', () => {
  it('lets only an administrator see or change 内网同步, or sync', async () => {
    for (const role of ['clerk', 'viewer'] as const) {
      const call = dispatcher(bureauDb, role);
      for (const [method, input] of [
        ['exchange.intranetStatus', {}],
        ['exchange.setListener', listenerOn],
        ['exchange.setBureauLink', { enabled: false, address: '', port: 8443, fingerprint: '', intervalMinutes: 5 }],
        ['exchange.syncNow', {}],
      ] as const) {
        const refused = await refusal(call, bureauDb, method, input);
        expect(refused.kind, `${role} ${method}`).toBe('forbidden');
        expect(refused.message).toContain('只有管理员可以管理设置');
      }
    }
  });
});

describe('at the bureau', () => {
  it('starts with the listener off, on no address, offering this machine’s addresses', async () => {
    const status = await value<{ role: string; listener: unknown; fingerprint: string | null; addresses: string[]; listenerState: unknown }>(bureau, 'exchange.intranetStatus');
    expect(status.listener).toEqual({ enabled: false, address: '', port: 8443 });
    expect(status.fingerprint).toBeNull();
    expect(status.addresses).toContain('127.0.0.1');
    expect(status.addresses).not.toContain('0.0.0.0');
    expect(status.listenerState).toEqual({ listening: null, error: null });
  });

  it('turns the listener on with a certificate made once, kept when turned off and on again', async () => {
    const on = await value<{ listener: unknown; fingerprint: string }>(bureau, 'exchange.setListener', listenerOn);
    expect(on.listener).toEqual(listenerOn);
    expect(on.fingerprint).toMatch(fingerprintShape);
    await value(bureau, 'exchange.setListener', { ...listenerOn, enabled: false });
    const again = await value<{ fingerprint: string }>(bureau, 'exchange.setListener', { ...listenerOn, port: 9443 });
    expect(again.fingerprint).toBe(on.fingerprint);
    // The join file made now carries the pin and the address.
    await joinOffice();
    expect((await value<{ link: unknown }>(office, 'exchange.intranetStatus')).link).toEqual({
      enabled: true,
      address: '127.0.0.1',
      port: 9443,
      fingerprint: on.fingerprint,
      intervalMinutes: 5,
    });
  });

  it('refuses all interfaces, an address not of this machine, no address, a bad port — in Chinese, nothing changed', async () => {
    expect(await refusal(bureau, bureauDb, 'exchange.setListener', { ...listenerOn, address: '0.0.0.0' })).toMatchObject({
      kind: 'validation',
      fieldErrors: { address: '不能在所有网卡上监听，请选择本机的一个地址' },
    });
    expect((await refusal(bureau, bureauDb, 'exchange.setListener', { ...listenerOn, address: '192.0.2.7' })).fieldErrors).toEqual({
      address: '「192.0.2.7」不是本机的地址，请从列表中选择',
    });
    expect((await refusal(bureau, bureauDb, 'exchange.setListener', { ...listenerOn, address: '' })).fieldErrors).toEqual({ address: '请选择本机的一个地址' });
    const badPort = await refusal(bureau, bureauDb, 'exchange.setListener', { ...listenerOn, port: 70000 });
    expect(badPort).toMatchObject({ kind: 'bad_request', fieldErrors: { port: '端口应为 1 至 65535' } });
  });

  it('has no bureau address to fill in', async () => {
    await joinOffice();
    const refused = await refusal(bureau, bureauDb, 'exchange.setBureauLink', { enabled: true, address: '10.0.0.2', port: 8443, fingerprint: 'AB'.repeat(32), intervalMinutes: 5 });
    expect(refused).toMatchObject({ kind: 'conflict', message: '只有已加入本县的司法所电脑才需要填写局端地址；局端请开启内网同步服务' });
  });
});

describe('at an office', () => {
  beforeEach(joinOffice);

  it('keeps the address, the fingerprint as typed (any case, with or without colons) and the interval', async () => {
    const typed = `${'ab'.repeat(16)} ${'0f'.repeat(16)}`;
    const saved = await value<{ link: unknown }>(office, 'exchange.setBureauLink', { enabled: true, address: '10.1.2.3', port: 9443, fingerprint: typed, intervalMinutes: 15 });
    expect(saved.link).toEqual({
      enabled: true,
      address: '10.1.2.3',
      port: 9443,
      fingerprint: [...Array<string>(16).fill('AB'), ...Array<string>(16).fill('0F')].join(':'),
      intervalMinutes: 15,
    });
  });

  it('refuses a listener, a fingerprint that is not one, a missing address, an interval out of range', async () => {
    expect((await refusal(office, officeDb, 'exchange.setListener', listenerOn)).message).toBe(
      '本机是城西司法所的电脑（司法所），内网同步服务只能在局端开启；司法所请填写局端地址',
    );
    const link = { enabled: true, address: '10.1.2.3', port: 9443, fingerprint: 'AB'.repeat(32), intervalMinutes: 5 };
    expect((await refusal(office, officeDb, 'exchange.setBureauLink', { ...link, fingerprint: 'AB'.repeat(31) })).fieldErrors).toEqual({
      fingerprint: '证书指纹应为 64 位十六进制数字（可带冒号），请按局端设置页显示的照抄',
    });
    expect((await refusal(office, officeDb, 'exchange.setBureauLink', { ...link, address: '' })).fieldErrors).toEqual({ address: '请填写局端电脑的地址' });
    expect((await refusal(office, officeDb, 'exchange.setBureauLink', { ...link, address: 'http://局端/' })).fieldErrors).toEqual({
      address: '地址应为局端电脑的网络地址（如 192.168.1.10）或计算机名',
    });
    expect((await refusal(office, officeDb, 'exchange.setBureauLink', { ...link, intervalMinutes: 0 })).fieldErrors).toEqual({ intervalMinutes: '同步间隔应为 1 至 120 分钟' });
  });

  it('立即同步 without an address says what to fill in; with the bureau unreachable says so, points to the files and keeps the error', async () => {
    expect((await refusal(office, officeDb, 'exchange.syncNow', {})).message).toBe('尚未填写局端地址和证书指纹，不能同步（设置 → 数据交换 → 内网同步）');
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await value(office, 'exchange.setBureauLink', { enabled: false, address: '127.0.0.1', port: closed, fingerprint: 'AB'.repeat(32), intervalMinutes: 5 });
    const pendingBefore = officeDb.prepare('SELECT seq, acked FROM exchange_site').get();
    const result = await office('exchange.syncNow', {});
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toBe(`连不上局端（127.0.0.1:${closed}）：局端电脑未开机、司法台账未运行或未开启内网同步服务。可先用「生成数据包」经U盘交换，数据不会丢失；未被局端确认的记录会在下次同步时重发`);
    expect(officeDb.prepare('SELECT seq, acked FROM exchange_site').get()).toEqual(pendingBefore);
    const status = await value<{ sync: { lastError: string | null; lastSuccessAt: string | null; lastAttemptAt: string | null } }>(office, 'exchange.intranetStatus');
    expect(status.sync).toMatchObject({ lastError: message, lastSuccessAt: null });
    expect(status.sync.lastAttemptAt).not.toBeNull();
  });
});
