// The app for browser tests: builds the renderer once if it is stale (shared lock, so parallel
// test files do not build twice), serves it and the session over a register database (a fresh
// temp file unless given) on 127.0.0.1 through the real loopback server, and — unless told to
// leave it at 首次使用 — completes setup as TEST_ADMIN (or logs in, for a database already set
// up), so the page opens straight into the app. Open `url` in a page from
// test/support/browser.ts; use `call` (the same session the page uses) to arrange or check data.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult } from '../../db/api/contract.ts';
import type { ApiCall } from '../../db/api/dispatcher.ts';
import { serveApp } from '../../db/server/serve-app.ts';
import { rendererOutDir } from '../../build/paths.ts';
import { ensureRendererBuilt } from '../../build/renderer-build.ts';

/** The administrator startTestApp sets up (bureau-level 管理员). */
export const TEST_ADMIN = { username: 'admin', displayName: '系统管理员', password: 'Ceshi2025admin' } as const;

export const TEST_BUREAU = '示例县司法局';

export interface TestAppOptions {
  /**
   * The database to open (created if missing); default: a new database in a temp folder. A
   * plain one is converted by setup; one already set up (its key file beside it) is logged into
   * as `login`.
   */
  readonly dbFile?: string;
  /** Today for the app, `YYYY-MM-DD`; default: the real local day. */
  readonly today?: string;
  /** The clock for idle time and account locks; default: the real one. */
  readonly now?: () => Date;
  /** Serve these files instead of the built renderer (no build is run). */
  readonly staticDir?: string;
  /** false: leave the app as it starts (首次使用, or locked), nobody logged in. */
  readonly setup?: boolean;
  /** Who logs in to a database already set up; default TEST_ADMIN. */
  readonly login?: { readonly username: string; readonly password: string };
}

export interface TestApp {
  /** The page to open, token in the fragment: `http://127.0.0.1:<port>/#token=…` */
  readonly url: string;
  /** `http://127.0.0.1:<port>/api`: POST `${apiUrl}/<method>` with `Authorization: Bearer ${token}`. */
  readonly apiUrl: string;
  readonly token: string;
  readonly dbFile: string;
  /** The session, called directly in the test process (as whoever is logged in). */
  readonly call: ApiCall;
  /** TEST_ADMIN's password. */
  readonly adminPassword: string;
  /** The recovery code setup showed; null when startTestApp did not run setup. */
  readonly recoveryCode: string | null;
  /** Stops the server, closes the database and removes the temp folder it made. */
  close(): Promise<void>;
}

function valueOf<T>(method: string, result: ApiResult): T {
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
  return result.value as T;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const staticDir = options.staticDir ?? rendererOutDir;
  if (!options.staticDir) await ensureRendererBuilt();
  const tempDir = options.dbFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-app-'));
  const dbFile = options.dbFile ?? path.join(tempDir!, 'sftz.sqlite');
  const app = await serveApp({
    dbFile,
    staticDir,
    ...(options.today ? { today: () => options.today! } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  let recoveryCode: string | null = null;
  try {
    if (options.setup !== false) {
      const { state } = valueOf<{ state: string }>('session.status', await app.call('session.status', {}));
      if (state === 'setup') {
        const setup = await app.call('session.setup', { bureauName: TEST_BUREAU, ...TEST_ADMIN });
        recoveryCode = valueOf<{ recoveryCode: string }>('session.setup', setup).recoveryCode;
      } else valueOf('session.login', await app.call('session.login', options.login ?? TEST_ADMIN));
    }
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    url: app.server.url,
    apiUrl: `${app.server.origin}/api`,
    token: app.server.token,
    dbFile,
    call: app.call,
    adminPassword: TEST_ADMIN.password,
    recoveryCode,
    close: async () => {
      await app.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
