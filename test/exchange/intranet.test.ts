// 内网同步 with two processes on 127.0.0.1 (exchange.md "Over the intranet"): the bureau's
// listener runs in a child process over the bureau's database file (test/support/intranet-bureau.ts);
// the office syncs from this process through the API, as 立即同步 does. A sync carries the office's
// records and brings the acknowledgement back; an office restored from an old backup gets its
// records back in the bureau's answer; a stranger's certificate on the bureau's port gets
// nothing; unsigned, wrongly signed, late, replayed and foreign requests, and any other path, are
// refused with nothing written; a link cut mid-request, mid-answer, or a bureau killed while it
// applies loses nothing, and the next sync completes.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { request as httpsRequest } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { makePackage } from '../../db/exchange/exchange.ts';
import { bureauLink, syncState } from '../../db/exchange/intranet-settings.ts';
import { EXCHANGE_PATH, WINDOW_MS, signRequest } from '../../db/exchange/intranet-request.ts';
import { newSigningKeys } from '../../db/exchange/sealed-file.ts';
import { siteOf } from '../../db/exchange/site.ts';
import { runReport } from '../../db/report/engine.ts';
import { repoRoot } from '../support/cli.ts';
import { create, everything, legalAidCase, officeId, portableOf, setRemoved, tempFolder } from './county.ts';

const WEST = '城西司法所';
const entry = path.join(repoRoot, 'test/support/intranet-bureau.ts');

let folder: string;
let bureauFile: string;
let office: RegisterDatabase;
let officeCall: ApiCall;
let fingerprint: string;
const children: ChildProcess[] = [];

async function value<T>(call: ApiCall, method: string, input: unknown = {}): Promise<T> {
  const result = (await call(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The bureau's listener in a child process; its port, read from its first line of output. */
async function startBureau(port = 0, flag?: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, bureauFile, String(port), ...(flag ? [flag] : [])], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`bureau exited (${code}): ${errors}`)));
  });
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** The bureau's database read from this process (the child keeps it open). */
function atBureau<T>(read: (db: RegisterDatabase) => T): T {
  const db = openDatabase(bureauFile, { create: false });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function pointOfficeAt(port: number): Promise<void> {
  await value(officeCall, 'exchange.setBureauLink', { ...bureauLink(office), enabled: false, port });
}

async function sync(): Promise<ApiResult<{ sent: number; seq: number; message: string }>> {
  return (await officeCall('exchange.syncNow', {})) as ApiResult<{ sent: number; seq: number; message: string }>;
}

const pending = () => office.prepare('SELECT count(*) FROM exchange_change WHERE seq > (SELECT acked FROM exchange_site)').pluck().get() as number;

function sameRecords(): void {
  expect(atBureau((db) => portableOf(db, WEST))).toEqual(portableOf(office, WEST));
}

beforeEach(async () => {
  folder = tempFolder('intranet');
  bureauFile = path.join(folder, 'bureau.sqlite');
  const bureau = openDatabase(bureauFile, { create: true });
  const bureauCall = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: bureau, user: '局管理员', today: () => '2025-01-05' });
  await value(bureauCall, 'legalAidCase.create', { record: legalAidCase('西-0', officeId(bureau, WEST), '2024-02-01') });
  // The listener is turned on before the invitation, so the join file carries the pin.
  fingerprint = (await value<{ fingerprint: string }>(bureauCall, 'exchange.setListener', { enabled: true, address: '127.0.0.1', port: 8443 })).fingerprint;
  const invitation = await value<{ content: string }>(bureauCall, 'exchange.invite', { office: WEST });
  bureau.close();
  office = openDatabase(path.join(folder, 'west.sqlite'), { create: true });
  officeCall = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: office, user: '所管理员', today: () => '2025-01-05' });
  await value(officeCall, 'exchange.join', { content: invitation.content });
});

afterEach(async () => {
  for (const child of children.splice(0)) await stop(child);
  office.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** `count` granted cases typed at the office, received in 2024. */
function typeCases(count: number, prefix: string): void {
  const west = officeId(office, WEST);
  for (let n = 1; n <= count; n += 1) create(office, 'legalAidCase', legalAidCase(`${prefix}-${n}`, west, `2024-${String(1 + (n % 12)).padStart(2, '0')}-15`));
}

describe('a sync over the intranet', () => {
  it('carries the office’s records to the bureau and brings the acknowledgement back; the figures agree', async () => {
    expect(bureauLink(office)).toEqual({ enabled: true, address: '127.0.0.1', port: 8443, fingerprint, intervalMinutes: 5 });
    const west = officeId(office, WEST);
    create(office, 'legalAidCase', legalAidCase('西-1', west, '2024-03-01'));
    const second = create(office, 'legalAidCase', legalAidCase('西-2', west, '2024-05-01'));
    create(office, 'legalAidCase', legalAidCase('西-3', west, '2023-12-01'));
    setRemoved(office, 'legalAidCase', second, true);
    expect(pending()).toBe(3);
    const { port } = await startBureau();
    await pointOfficeAt(port);

    const synced = await sync();
    expect(synced.ok ? null : synced.error.message).toBeNull();
    if (!synced.ok) return;
    expect(synced.value.sent).toBe(3);
    expect(synced.value.message).toContain('已与局端同步：发出 3 条记录');
    expect(pending()).toBe(0);
    expect(syncState(office)).toMatchObject({ lastError: null });
    expect(syncState(office).lastSuccessAt).not.toBeNull();
    sameRecords();
    const seq = siteOf(office)!.seq;
    expect(atBureau((db) => db.prepare('SELECT last_seq, last_records FROM exchange_office').get())).toEqual({ last_seq: seq, last_records: 3 });
    // Granted cases received in 2024: 西-0 (typed at the bureau before the join) and 西-1; 西-2 deleted, 西-3 in 2023.
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const atOffice = runReport(office, { ...period, officeId: west }).indicators;
    const bureauFigures = atBureau((db) => runReport(db, { ...period, officeId: officeId(db, WEST) }).indicators);
    expect(atOffice['legal_aid.cases.received']).toBe(2);
    expect(bureauFigures).toEqual(atOffice);

    // Nothing new: the sync still succeeds, sends nothing, and the bureau stays as it was.
    const before = atBureau((db) => portableOf(db, WEST));
    expect(await sync()).toMatchObject({ ok: true, value: { sent: 0 } });
    expect(atBureau((db) => portableOf(db, WEST))).toEqual(before);
  }, 60_000);
});

describe('an office restored from an old backup', () => {
  it('is noticed by the bureau, which answers with the office’s records; the next sync completes', async () => {
    const west = officeId(office, WEST);
    create(office, 'legalAidCase', legalAidCase('西-1', west, '2024-03-01'));
    const officeFile = path.join(folder, 'west.sqlite');
    const oldCopy = path.join(folder, 'west-old.sqlite');
    office.exec(`VACUUM INTO '${oldCopy}'`);
    create(office, 'legalAidCase', legalAidCase('西-2', west, '2024-04-01'));
    const { port } = await startBureau();
    await pointOfficeAt(port);
    expect(await sync()).toMatchObject({ ok: true, value: { sent: 2 } });
    const everythingTyped = portableOf(office, WEST);

    office.close();
    fs.copyFileSync(oldCopy, officeFile);
    office = openDatabase(officeFile, { create: false });
    officeCall = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: office, user: '所管理员', today: () => '2025-01-05' });
    expect(office.prepare('SELECT case_no FROM legal_aid_case ORDER BY case_no').pluck().all()).toEqual(['西-0', '西-1']);
    // The copy was taken before the office was pointed at this test's port.
    await pointOfficeAt(port);

    const noticed = await sync();
    expect(noticed.ok ? null : noticed.error.message).toBeNull();
    if (noticed.ok) {
      expect(noticed.value.message).toContain('的数据序号倒退');
      expect(noticed.value.message).toContain('已从局端恢复本所记录 3 条');
    }
    expect(office.prepare('SELECT case_no FROM legal_aid_case ORDER BY case_no').pluck().all()).toEqual(['西-0', '西-1', '西-2']);
    expect(portableOf(office, WEST)).toEqual(everythingTyped);
    expect(await sync()).toMatchObject({ ok: true });
    expect(atBureau((db) => db.prepare('SELECT went_back_at FROM exchange_office').pluck().get())).toBeNull();
    expect(pending()).toBe(0);
    sameRecords();
  }, 60_000);
});

describe('the office pins the bureau’s certificate', () => {
  it('refuses a stranger with another self-signed certificate on the bureau’s port, and sends it nothing', async () => {
    typeCases(2, '西');
    const first = await startBureau();
    await pointOfficeAt(first.port);
    await stop(first.child);
    await startBureau(first.port, '--other-certificate');
    const bureauBefore = atBureau(everything);
    const officeRecords = portableOf(office, WEST);

    const refused = await sync();
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toContain('出示的证书与本所记录的指纹不符');
    expect(refused.error.message).toContain('生成数据包');
    // The stranger serves the bureau's own database: had it been sent the package, it would have applied it.
    expect(atBureau(everything)).toBe(bureauBefore);
    expect(portableOf(office, WEST)).toEqual(officeRecords);
    expect(pending()).toBe(2);
    expect(syncState(office).lastError).toBe(refused.error.message);
    expect(syncState(office).lastSuccessAt).toBeNull();
  }, 60_000);
});

/** A raw request to the bureau over TLS (no pin needed to test the listener's refusals). */
function rawRequest(port: number, method: string, requestPath: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      { host: '127.0.0.1', port, method, path: requestPath, rejectUnauthorized: false, agent: false, headers: { ...headers, 'content-length': body.length } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('the listener refuses, with nothing written', () => {
  it('unsigned, wrongly signed, altered, late, unknown and replayed requests, and every other path', async () => {
    typeCases(2, '西');
    const { port } = await startBureau();
    const site = siteOf(office)!;
    const file = makePackage(office, { user: '所管理员' }).file;
    const signed = (overrides: Partial<Parameters<typeof signRequest>[0]> = {}) =>
      signRequest({ method: 'POST', path: EXCHANGE_PATH, body: file, inviteId: site.inviteId!, signingKey: site.signingKey, now: Date.now(), ...overrides });
    const untouched = atBureau(everything);
    const refusals: [string, Promise<{ status: number; text: string }>, number, string][] = [
      ['unsigned', rawRequest(port, 'POST', EXCHANGE_PATH, file), 401, '请求未签名'],
      ['another key', rawRequest(port, 'POST', EXCHANGE_PATH, file, signed({ signingKey: newSigningKeys().privateKey })), 401, '签名不符'],
      ['body altered', rawRequest(port, 'POST', EXCHANGE_PATH, Buffer.concat([file, Buffer.from([0])]), signed()), 401, '签名不符'],
      ['signed for another path', rawRequest(port, 'POST', EXCHANGE_PATH, file, signed({ path: '/exchange/other' })), 401, '签名不符'],
      ['six minutes old', rawRequest(port, 'POST', EXCHANGE_PATH, file, signed({ now: Date.now() - WINDOW_MS - 60_000 })), 401, '相差超过 5 分钟'],
      ['never invited', rawRequest(port, 'POST', EXCHANGE_PATH, file, signed({ inviteId: 'f'.repeat(32) })), 403, '未加入本县'],
      ['the app’s API', rawRequest(port, 'POST', '/api/exchange.status', Buffer.from('{}'), signed({ path: '/api/exchange.status' })), 404, '只提供数据交换'],
      ['a report', rawRequest(port, 'GET', '/api/report.run', Buffer.alloc(0)), 404, '只提供数据交换'],
      ['the exchange path by GET', rawRequest(port, 'GET', EXCHANGE_PATH, Buffer.alloc(0)), 404, '只提供数据交换'],
    ];
    for (const [what, answer, status, words] of refusals) {
      const { status: got, text } = await answer;
      expect([what, got], text).toEqual([what, status]);
      expect(text, what).toContain(words);
      expect(text, what).toMatch(/^[^A-Za-z]*$/);
    }
    expect(atBureau(everything)).toBe(untouched);

    const headers = signed();
    expect((await rawRequest(port, 'POST', EXCHANGE_PATH, file, headers)).status).toBe(200);
    const applied = atBureau(everything);
    expect(applied).not.toBe(untouched);
    const replayed = await rawRequest(port, 'POST', EXCHANGE_PATH, file, headers);
    expect(replayed).toEqual({ status: 401, text: '重复的请求（可能被截获重放），局端拒绝' });
    expect(atBureau(everything)).toBe(applied);
  }, 60_000);
});

/**
 * A TCP relay between the office and the bureau that cuts the link: `cutRequestAt` bytes into
 * the request, or at the first byte of the answer once `requestBytes` have gone up, or kills
 * the bureau once `requestBytes` have gone up (`onRequestSent`).
 */
function relay(bureauPort: number, cut: { cutRequestAt?: number; cutAnswerAfter?: number; onRequestSent?: { after: number; then: () => void } }): Promise<net.Server & { port: number }> {
  const server = net.createServer((client) => {
    const upstream = net.connect(bureauPort, '127.0.0.1');
    let up = 0;
    const cutBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      up += chunk.length;
      if (cut.cutRequestAt !== undefined && up > cut.cutRequestAt) {
        upstream.write(chunk.subarray(0, chunk.length - (up - cut.cutRequestAt)), cutBoth);
        return;
      }
      upstream.write(chunk);
      if (cut.onRequestSent && up >= cut.onRequestSent.after) cut.onRequestSent.then();
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cut.cutAnswerAfter !== undefined && up >= cut.cutAnswerAfter) cutBoth();
      else client.write(chunk);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port }))));
}

describe('a link cut mid-transfer', () => {
  const packageBytes = () => makePackage(office, { user: '所管理员' }).file.length;

  it('halfway through the request: nothing applied, the next sync carries everything', async () => {
    typeCases(400, '西');
    const size = packageBytes();
    expect(size).toBeGreaterThan(10_000);
    const { port } = await startBureau();
    const cutter = await relay(port, { cutRequestAt: Math.floor(size / 2) });
    const untouched = atBureau(everything);
    await pointOfficeAt(cutter.port);
    const cutOff = await sync();
    expect(cutOff).toMatchObject({ ok: false });
    if (!cutOff.ok) expect(cutOff.error.message).toContain('连接中断');
    expect(atBureau(everything)).toBe(untouched);
    expect(pending()).toBe(400);
    expect(syncState(office).lastError).toContain('生成数据包');
    cutter.close();

    await pointOfficeAt(port);
    expect(await sync()).toMatchObject({ ok: true, value: { sent: 400 } });
    expect(pending()).toBe(0);
    sameRecords();
  }, 60_000);

  it('in the answer, after the bureau applied: the acknowledgement is lost, the next sync brings it', async () => {
    typeCases(400, '西');
    const size = packageBytes();
    const { port } = await startBureau();
    const cutter = await relay(port, { cutAnswerAfter: size });
    await pointOfficeAt(cutter.port);
    expect(await sync()).toMatchObject({ ok: false });
    const seq = siteOf(office)!.seq;
    // The bureau has the records; the office does not know it.
    sameRecords();
    expect(atBureau((db) => db.prepare('SELECT last_seq FROM exchange_office').pluck().get())).toBe(seq);
    expect(pending()).toBe(400);
    cutter.close();

    await pointOfficeAt(port);
    const resent = await sync();
    expect(resent).toMatchObject({ ok: true, value: { sent: 400 } });
    if (resent.ok) expect(resent.value.message).toContain('已导入过');
    expect(pending()).toBe(0);
    sameRecords();
  }, 60_000);

  it('the bureau killed while it takes the package in: nothing lost, the next sync completes', async () => {
    typeCases(400, '西');
    const size = packageBytes();
    const bureau = await startBureau();
    let killed: Promise<void> | null = null;
    const cutter = await relay(bureau.port, { onRequestSent: { after: size, then: () => (killed ??= stop(bureau.child)) } });
    await pointOfficeAt(cutter.port);
    expect(await sync()).toMatchObject({ ok: false });
    await killed;
    expect(pending()).toBe(400);
    // Whatever the bureau had got to, its database is whole: the office's records all there, or none.
    const kept = atBureau((db) => portableOf(db, WEST).length);
    expect([1, 401]).toContain(kept);
    cutter.close();

    const restarted = await startBureau();
    await pointOfficeAt(restarted.port);
    expect(await sync()).toMatchObject({ ok: true, value: { sent: 400 } });
    expect(pending()).toBe(0);
    sameRecords();
  }, 60_000);
});
