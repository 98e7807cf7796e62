// The loopback server's gate and its static files: requests without the right token, from a
// foreign origin or under a foreign host name are refused before the API is touched; paths that
// climb out of the renderer folder are 404; the API answers with ApiResults. Requests are made
// with node:http so the exact Host, Origin and raw path can be set.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { API_BODY_LIMIT, startLoopbackServer, type LoopbackServer } from '../../db/server/loopback-server.ts';
import { CONTENT_SECURITY_POLICY } from '../../db/server/static-files.ts';

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

let staticDir: string;
let server: LoopbackServer;
let db: RegisterDatabase;
const calls: { method: string; input: unknown }[] = [];

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-loopback-'));
  staticDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>司法台账</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(staticDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, 'secret.txt'), '不该被读到');
  db = openDatabase(':memory:', { create: true });
  const dispatch = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试', today: () => '2024-06-30' });
  server = await startLoopbackServer({
    staticDir,
    call: (method, input) => {
      calls.push({ method, input });
      return dispatch(method, input);
    },
  });
});

afterAll(async () => {
  await server?.close();
  db?.close();
  fs.rmSync(path.dirname(staticDir), { recursive: true, force: true });
});

beforeEach(() => {
  calls.length = 0;
});

function request(
  rawPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function api(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify(input),
  });
}

describe('the API gate', () => {
  test('the address and token are per launch, and the token is URL-safe', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const other = await startLoopbackServer({ staticDir, call: async () => ({ ok: true, value: null }) });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.close();
    }
  });

  test('a good request runs the method and answers with its ApiResult', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const result = JSON.parse(reply.body) as ApiResult<{ bureauName: string | null }>;
    expect(result.ok).toBe(true);
    expect(calls).toEqual([{ method: 'app.info', input: {} }]);
  });

  test('the same Origin as the page is accepted', async () => {
    const reply = await api('app.info', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(reply.status).toBe(200);
  });

  test.each([
    ['no token', { Authorization: '' }, 401],
    ['a wrong token', { Authorization: 'Bearer ' + 'x'.repeat(43) }, 401],
    ['the token without the Bearer scheme', { Authorization: 'placeholder' }, 401],
    ['a foreign Origin', { Origin: 'http://evil.example' }, 403],
    ['another port as Origin', { Origin: 'http://127.0.0.1:1' }, 403],
    ['localhost as Origin', { Origin: 'http://localhost:PORT' }, 403],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example:PORT' }, 403],
    ['localhost as Host', { Host: 'localhost:PORT' }, 403],
  ])('%s is refused without detail and nothing is called', async (_case, headers, status) => {
    const withPort = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, value.replace('PORT', String(server.port))]),
    );
    if (withPort.Authorization === 'placeholder') withPort.Authorization = server.token;
    const reply = await api('app.info', {}, withPort);
    expect(reply.status).toBe(status);
    expect(reply.body).toBe('');
    expect(calls).toEqual([]);
  });

  test('only POST reaches the API', async () => {
    const reply = await request('/api/app.info', { headers: { Authorization: `Bearer ${server.token}` } });
    expect(reply.status).toBe(405);
    expect(calls).toEqual([]);
  });

  test('a method not in the contract answers ok: false', async () => {
    const reply = await api('system.exec', { command: 'rm -rf /' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as ApiResult;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('bad_request');
  });

  test('a body that is not JSON answers ok: false with status 400', async () => {
    const reply = await request('/api/app.info', {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(reply.status).toBe(400);
    expect((JSON.parse(reply.body) as ApiResult).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  test('an upload declared larger than the limit is refused with 413 before it is read', async () => {
    const outgoing = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/import.preview',
          method: 'POST',
          headers: {
            Host: `127.0.0.1:${server.port}`,
            Authorization: `Bearer ${server.token}`,
            'Content-Length': String(API_BODY_LIMIT + 1),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: '' }));
        },
      );
      req.on('error', reject);
      req.write('{"files":[');
    });
    expect(outgoing.status).toBe(413);
    expect(calls).toEqual([]);
  });

  test('an upload that grows past the limit while streaming is cut off with 413', async () => {
    const small = await startLoopbackServer({ staticDir, bodyLimit: 1024, call: async () => ({ ok: true, value: null }) });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: small.port,
            path: '/api/import.preview',
            method: 'POST',
            headers: { Host: `127.0.0.1:${small.port}`, Authorization: `Bearer ${small.token}`, 'Transfer-Encoding': 'chunked' },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode!);
          },
        );
        req.on('error', reject);
        for (let chunk = 0; chunk < 4; chunk++) req.write('x'.repeat(512));
        req.end();
      });
      expect(status).toBe(413);
    } finally {
      await small.close();
    }
  });
});

describe('static files', () => {
  test('/ serves index.html with the CSP and nosniff headers', async () => {
    const reply = await request('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('司法台账');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  test('static files need no token', async () => {
    expect((await request('/assets/app.js')).status).toBe(200);
  });

  test.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/index.html', 'text/html; charset=utf-8'],
  ])('%s is served as %s', async (file, type) => {
    const reply = await request(file);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
  });

  test('a page address of the single-page app serves index.html; a missing asset is 404', async () => {
    expect((await request('/mediation/cases')).body).toContain('司法台账');
    expect((await request('/assets/missing.js')).status).toBe(404);
  });

  test.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/package.json',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('%s climbs out of the renderer folder or is malformed: 404', async (rawPath) => {
    const reply = await request(rawPath);
    expect(reply.status).toBe(404);
    expect(reply.body).toBe('');
  });

  test('static files are refused under a foreign Host too', async () => {
    expect((await request('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });
});
