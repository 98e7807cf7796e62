// The app for browser tests: builds the renderer once if it is stale (shared lock, so parallel
// test files do not build twice), opens a register database (a fresh temp file unless given)
// and serves both on 127.0.0.1 through the real loopback server. Open `url` in a page from
// test/support/browser.ts; use `call` to arrange or check data without going through the UI.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiCall } from '../../db/api/dispatcher.ts';
import { serveApp } from '../../db/server/serve-app.ts';
import { rendererOutDir } from '../../build/paths.ts';
import { ensureRendererBuilt } from '../../build/renderer-build.ts';

export interface TestAppOptions {
  /** The database to open (created if missing); default: a new database in a temp folder. */
  readonly dbFile?: string;
  /** Today for the app, `YYYY-MM-DD`; default: the real local day. */
  readonly today?: string;
  /** Serve these files instead of the built renderer (no build is run). */
  readonly staticDir?: string;
}

export interface TestApp {
  /** The page to open, token in the fragment: `http://127.0.0.1:<port>/#token=…` */
  readonly url: string;
  /** `http://127.0.0.1:<port>/api`: POST `${apiUrl}/<method>` with `Authorization: Bearer ${token}`. */
  readonly apiUrl: string;
  readonly token: string;
  readonly dbFile: string;
  /** The dispatcher, called directly in the test process. */
  readonly call: ApiCall;
  /** Stops the server, closes the database and removes the temp folder it made. */
  close(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const staticDir = options.staticDir ?? rendererOutDir;
  if (!options.staticDir) await ensureRendererBuilt();
  const tempDir = options.dbFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-app-'));
  const dbFile = options.dbFile ?? path.join(tempDir!, 'sftz.sqlite');
  const app = await serveApp({
    dbFile,
    staticDir,
    user: '测试用户',
    ...(options.today ? { today: () => options.today! } : {}),
  });
  return {
    url: app.server.url,
    apiUrl: `${app.server.origin}/api`,
    token: app.server.token,
    dbFile,
    call: app.call,
    close: async () => {
      await app.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
