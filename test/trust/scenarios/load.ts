// Load and refusal through the loopback server, as the browser fallback runs it: several
// clients saving at once for a while (every acknowledged save must be in the database, none
// lost, no "busy" error reaching a user), and requests without the right token, Origin or Host
// refused before the API is touched.

import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BUREAU_ADMINISTRATOR } from '../../../db/accounts/permissions.ts';
import { createDispatcher } from '../../../db/api/dispatcher.ts';
import type { ApiResult } from '../../../db/api/contract.ts';
import { openDatabase } from '../../../db/database.ts';
import { startLoopbackServer } from '../../../db/server/loopback-server.ts';
import { inTempDir, type ScenarioResult } from './scenario.ts';

export interface LoadOptions {
  readonly clients: number;
  readonly seconds: number;
}

/** `clients` loops, each saving mediation organisations one after another until time is up. */
export async function concurrentSavesScenario(options: LoadOptions): Promise<ScenarioResult> {
  return inTempDir('load', async (dir) => {
    const dbFile = path.join(dir, 'sftz.sqlite');
    const db = openDatabase(dbFile, { create: true, bureauName: '负载测试区司法局' });
    const server = await startLoopbackServer({
      call: createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '负载测试', today: () => '2024-12-31', dbFile }),
      staticDir: dir,
    });
    const post = async (method: string, input: unknown) => {
      const response = await fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, Origin: server.origin },
        body: JSON.stringify(input),
      });
      return (await response.json()) as ApiResult<{ id: number }>;
    };
    try {
      const office = await post('office.create', { name: '城西司法所' });
      if (!office.ok) throw new Error(office.error.message);
      const deadline = Date.now() + options.seconds * 1000;
      const acknowledged: string[] = [];
      const refusals: string[] = [];
      let sent = 0;
      const client = async (clientNo: number) => {
        for (let n = 1; Date.now() < deadline; n++) {
          const name = `负载测试调委会-${clientNo}-${n}`;
          sent++;
          const result = await post('mediationOrg.create', {
            record: { name, kind: 'village', office_id: office.value.id, founded_on: '2020-01-01' },
          });
          if (result.ok) acknowledged.push(name);
          else refusals.push(result.error.message);
        }
      };
      await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index + 1)));
      const stored = new Set(
        (db.prepare("SELECT name FROM mediation_org WHERE name LIKE '负载测试调委会-%'").pluck().all() as string[]),
      );
      const lost = acknowledged.filter((name) => !stored.has(name)).length;
      const busy = refusals.filter((message) => message.includes('正被其他程序使用') || /busy|locked/i.test(message)).length;
      const integrity = db.pragma('integrity_check', { simple: true });
      return {
        name: `${options.clients} 个客户端同时保存 ${options.seconds} 秒（本机 HTTP 接口）`,
        figures: {
          发出保存: sent,
          确认保存: acknowledged.length,
          数据库中找到: stored.size,
          确认后丢失: lost,
          被拒绝: refusals.length,
          数据库忙错误: busy,
          每秒保存: Math.round(acknowledged.length / options.seconds),
          完整性检查: String(integrity),
        },
        ok: acknowledged.length > 0 && lost === 0 && refusals.length === 0 && stored.size === acknowledged.length && integrity === 'ok',
      };
    } finally {
      await server.close();
      db.close();
    }
  });
}

/** Requests that must be refused before the API runs: every one answers 401/403 and writes nothing. */
export async function refusedRequestsScenario(): Promise<ScenarioResult> {
  return inTempDir('refusals', async (dir) => {
    const dbFile = path.join(dir, 'sftz.sqlite');
    const db = openDatabase(dbFile, { create: true });
    let called = 0;
    const dispatch = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试', today: () => '2024-12-31', dbFile });
    const server = await startLoopbackServer({
      call: (method, input) => {
        called++;
        return dispatch(method, input);
      },
      staticDir: dir,
    });
    const body = JSON.stringify({ name: '不应写入的单位' });
    const good = { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` };
    const attempts: [string, Record<string, string>][] = [
      ['没有访问凭证', { 'Content-Type': 'application/json' }],
      ['错误的访问凭证', { ...good, Authorization: 'Bearer wrong-token' }],
      ['外来的 Origin', { ...good, Origin: 'http://evil.example' }],
      ['外来的 Host', { ...good, Host: `evil.example:${server.port}` }],
    ];
    try {
      const statuses: Record<string, number | string> = {};
      let refused = 0;
      for (const [what, headers] of attempts) {
        const status = await postRaw(server.port, '/api/office.create', headers, body);
        statuses[what] = status;
        if (status === 401 || status === 403) refused++;
      }
      // From this machine's own network address (how another computer would reach it): the
      // server listens on 127.0.0.1 only, so the connection itself is refused.
      const outside = networkAddress();
      if (outside) statuses[`来自本机网络地址 ${outside}`] = await connectionOutcome(outside, server.port, good, body);
      const outsideRefused = outside === null || statuses[`来自本机网络地址 ${outside}`] === '连接被拒绝';
      const written = db.prepare('SELECT count(*) FROM office').pluck().get() as number;
      return {
        name: '本机 HTTP 接口拒绝外来请求',
        figures: {
          尝试: attempts.length + (outside ? 1 : 0),
          拒绝: refused + (outside && outsideRefused ? 1 : 0),
          调用到接口: called,
          写入: written,
          监听地址: new URL(server.origin).hostname,
          ...statuses,
          ...(outside ? {} : { 本机网络地址: '无（只有回环网卡），未试' }),
        },
        ok: refused === attempts.length && outsideRefused && called === 0 && written === 0,
      };
    } finally {
      await server.close();
      db.close();
    }
  });
}

/** The first IPv4 address of this machine that is not loopback, or null. */
function networkAddress(): string | null {
  const addresses = Object.values(os.networkInterfaces()).flat();
  return addresses.find((address) => address && address.family === 'IPv4' && !address.internal)?.address ?? null;
}

/** A POST with the right token to `host`: its status, or 连接被拒绝 when nothing listens there. */
function connectionOutcome(host: string, port: number, headers: Record<string, string>, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request({ host, port, path: '/api/office.create', method: 'POST', headers, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? '连接被拒绝' : (error.code ?? error.message)));
    request.end(body);
  });
}

/** A POST through node:http, which sends the headers as given (fetch would replace Host). */
function postRaw(port: number, urlPath: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}
