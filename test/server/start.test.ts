// `npm start` on a machine without the Electron binary (this one; elsewhere the test hides
// Electron with an empty ELECTRON_OVERRIDE_DIST_PATH): the launcher says so in one Chinese
// paragraph, serves the app on 127.0.0.1, answers the API with the printed token (首次使用 first:
// nothing but session.* before setup), and on Ctrl+C closes the encrypted database cleanly.
// Runs the launcher script itself (what `npm start` runs).

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import { openDatabase } from '../../db/database.ts';
import { keyFileOf, openUserSlot, readKeyFile } from '../../db/encryption/key-file.ts';
import { repoRoot } from '../../build/paths.ts';

const hasRenderer = fs.existsSync(path.join(repoRoot, 'renderer', 'index.html'));

let tempDir: string;
let dbFile: string;
let launcher: ChildProcess;
let output = '';
let pageUrl: string;

const ADMIN = { username: 'admin', displayName: '管理员', password: 'Qidong2024admin' };

beforeAll(async () => {
  if (!hasRenderer) return;
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-start-'));
  dbFile = path.join(tempDir, '数据', 'sftz.sqlite');
  const noElectron = path.join(tempDir, 'no-electron');
  fs.mkdirSync(noElectron);
  launcher = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'build', 'start.ts')], {
    cwd: repoRoot,
    env: { ...process.env, SFTZ_DB: dbFile, SFTZ_NO_BROWSER: '1', ELECTRON_OVERRIDE_DIST_PATH: noElectron },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  pageUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 110_000);
    launcher.stdout!.on('data', () => {
      const match = /地址：(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    launcher.once('exit', (code) => reject(new Error(`launcher exited (${code}):\n${output}`)));
  });
});

afterAll(() => {
  if (launcher && launcher.exitCode === null) launcher.kill('SIGKILL');
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

test.skipIf(!hasRenderer)('says in one Chinese paragraph that Electron is missing, how to get it, and that the browser is used', () => {
  const paragraph = output.split('\n').find((line) => line.includes('Electron'));
  expect(paragraph).toBeDefined();
  expect(paragraph).toContain('npm install-scripts approve electron && npm rebuild electron');
  expect(paragraph).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  expect(paragraph).toContain('浏览器');
  expect(output.split('\n').filter((line) => line.includes('Electron'))).toHaveLength(1);
  expect(output).toContain(`数据库：${dbFile}`);
});

test.skipIf(!hasRenderer)('serves the app and the API on the printed address, with the printed token', async () => {
  const { origin, hash } = new URL(pageUrl);
  const token = hash.slice('#token='.length);
  const page = await fetch(`${origin}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('http-equiv="Content-Security-Policy"');

  const api = async (method: string, input: unknown = {}) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResult<Record<string, unknown>>;
  };
  expect(await api('session.status')).toMatchObject({ ok: true, value: { state: 'setup', user: null } });
  expect(await api('app.info')).toEqual({ ok: false, error: { kind: 'unauthorized', message: '请先登录' } });
  expect((await api('session.setup', { bureauName: '测试县司法局', ...ADMIN })).ok).toBe(true);
  expect(await api('app.info')).toMatchObject({ ok: true, value: { bureauName: '测试县司法局' } });

  const refused = await fetch(`${origin}/api/app.info`, { method: 'POST', body: '{}' });
  expect(refused.status).toBe(401);
});

test.skipIf(!hasRenderer)('Ctrl+C stops the server and closes the encrypted database cleanly', async () => {
  const exitCode = await new Promise<number | null>((resolve) => {
    launcher.once('exit', (code) => resolve(code));
    launcher.kill('SIGINT');
  });
  expect(exitCode).toBe(0);
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
  const key = openUserSlot(readKeyFile(keyFileOf(dbFile))!, ADMIN.username, ADMIN.password)!;
  const db = openDatabase(dbFile, { create: false, key });
  expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
  db.close();
});
