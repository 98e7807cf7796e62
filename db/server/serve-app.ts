// The app without Electron: the session over the register database (accounts, encryption,
// the dispatcher for whoever logs in), in a worker thread of its own (db/worker/session-thread.ts)
// so the server keeps answering while the database works, and the loopback server in front — what `npm start` runs
// when no Electron binary is present, and what the browser tests start. Plain Node; it opens no
// browser and prints nothing. The database is opened at the first login (its key comes from the
// password); the day's first backup is taken then.

import os from 'node:os';
import path from 'node:path';
import type { ApiCall } from '../api/dispatcher.ts';
import type { SessionInterface } from '../worker/session-interface.ts';
import { startSessionThread } from '../worker/session-client.ts';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.ts';

/** The product name; Electron names the user's data folder after it. */
export const PRODUCT_NAME = '司法台账';
export const DATABASE_FILE_NAME = 'sftz.sqlite';

export interface ServeAppOptions {
  readonly dbFile: string;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  readonly port?: number;
  /** Today as `YYYY-MM-DD`; default: the local calendar day. */
  readonly today?: () => string;
  /** The clock for idle time and account locks; default: the real one. */
  readonly now?: () => Date;
}

export interface ServedApp {
  readonly server: LoopbackServer;
  readonly session: SessionInterface;
  /** The session, called directly (no HTTP). */
  readonly call: ApiCall;
  /** Stops the server, then closes the database. */
  close(): Promise<void>;
}

/** Serves the app on 127.0.0.1; the database is created or opened through the session (setup, login). */
export async function serveApp(options: ServeAppOptions): Promise<ServedApp> {
  const session = startSessionThread({ dbFile: options.dbFile, today: options.today ?? localDay, ...(options.now ? { now: options.now } : {}) });
  let server: LoopbackServer;
  try {
    server = await startLoopbackServer({
      call: session.call,
      callWithJson: session.callWithJson,
      staticDir: options.staticDir,
      port: options.port,
    });
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    server,
    session,
    call: session.call,
    close: async () => {
      await server.close();
      await session.close();
    },
  };
}

/** The local calendar day, `YYYY-MM-DD`. */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The folder Electron's `app.getPath('userData')` gives the app, worked out without Electron:
 * `%APPDATA%\司法台账` on Windows, `~/Library/Application Support/司法台账` on macOS,
 * `$XDG_CONFIG_HOME/司法台账` (default `~/.config/司法台账`) elsewhere.
 */
export function userDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}
