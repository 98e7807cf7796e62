// 内网同步 as the app runs it (db/accounts/app-session.ts with db/exchange/intranet.ts): once the
// database is open, the bureau's session listens as its settings say and the office's session
// syncs on its timer (the first time at once), without anyone pressing 立即同步; closing the
// session stops the listener. Both sessions in this process, over real files and HTTPS on 127.0.0.1.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, type AppSession } from '../../db/accounts/app-session.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase } from '../../db/database.ts';
import type { IntranetStatus } from '../../db/exchange/exchange-api.ts';
import { create, legalAidCase, officeId, tempFolder } from './county.ts';

let folder: string;
let port: number;
const sessions: AppSession[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });

const portIsFree = (wanted: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function must<T>(call: ApiCall, method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** The app opened on `dbFile` (a plain database as the CLI makes it), set up and logged in. */
async function launch(dbFile: string): Promise<AppSession> {
  const session = createAppSession({ dbFile, today: () => '2025-01-05', dailyBackup: false });
  sessions.push(session);
  await must(session.call, 'session.setup', { bureauName: '示例县司法局', username: 'admin', displayName: '管理员', password: 'Ceshi2025admin' });
  return session;
}

beforeEach(async () => {
  folder = tempFolder('intranet-session');
  port = await freePort();
  const bureau = openDatabase(path.join(folder, 'bureau.sqlite'), { create: true });
  const bureauCall = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: bureau, user: '局管理员', today: () => '2025-01-05' });
  await must(bureauCall, 'exchange.setListener', { enabled: true, address: '127.0.0.1', port });
  const invitation = await must<{ content: string }>(bureauCall, 'exchange.invite', { office: '城西司法所' });
  bureau.close();
  const office = openDatabase(path.join(folder, 'west.sqlite'), { create: true });
  const officeCall = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: office, user: '所管理员', today: () => '2025-01-05' });
  await must(officeCall, 'exchange.join', { content: invitation.content });
  create(office, 'legalAidCase', legalAidCase('西-1', officeId(office, '城西司法所')));
  office.close();
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('the running app', () => {
  it('listens at the bureau and syncs from the office on its timer, and stops listening when closed', async () => {
    const bureau = await launch(path.join(folder, 'bureau.sqlite'));
    await expect.poll(async () => (await must<IntranetStatus>(bureau.call, 'exchange.intranetStatus')).listenerState, { timeout: 20_000 }).toEqual({
      listening: { address: '127.0.0.1', port },
      error: null,
    });
    const office = await launch(path.join(folder, 'west.sqlite'));
    await expect.poll(async () => (await must<IntranetStatus>(office.call, 'exchange.intranetStatus')).sync.lastSuccessAt, { timeout: 20_000 }).not.toBeNull();
    expect((await must<IntranetStatus>(office.call, 'exchange.intranetStatus')).sync.lastError).toBeNull();
    const status = await must<{ offices: { office: string; lastRecords: number }[] }>(bureau.call, 'exchange.status');
    expect(status.offices).toMatchObject([{ office: '城西司法所', lastRecords: 1 }]);
    expect(await must<{ pending: number }>(office.call, 'exchange.status')).toMatchObject({ pending: 0 });

    expect(await portIsFree(port)).toBe(false);
    bureau.close();
    await expect.poll(() => portIsFree(port), { timeout: 10_000 }).toBe(true);
  }, 60_000);
});
