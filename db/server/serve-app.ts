// The app without Electron: one register database, the dispatcher over it, and the loopback
// server in front — what `npm start` runs when no Electron binary is present, and what the
// browser tests start. Plain Node; it opens no browser and prints nothing.

import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type ApiCall } from '../api/dispatcher.ts';
import { takeDailyBackup } from '../backup/take-backup.ts';
import { openDatabase, type RegisterDatabase } from '../database.ts';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.ts';

/** The product name; Electron names the user's data folder after it. */
export const PRODUCT_NAME = '司法台账';
export const DATABASE_FILE_NAME = 'sftz.sqlite';

export interface ServeAppOptions {
  readonly dbFile: string;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  readonly port?: number;
  /** Who is acting (recorded in the import log); default: the OS user name. */
  readonly user?: string;
  /** Today as `YYYY-MM-DD`; default: the local calendar day. */
  readonly today?: () => string;
}

export interface ServedApp {
  readonly server: LoopbackServer;
  readonly db: RegisterDatabase;
  /** The dispatcher, called directly (no HTTP). */
  readonly call: ApiCall;
  /** Stops the server, then closes the database. */
  close(): Promise<void>;
}

/** Opens (creating on first start) the database and serves the app on 127.0.0.1. */
export async function serveApp(options: ServeAppOptions): Promise<ServedApp> {
  const db = openDatabase(options.dbFile, { create: true });
  takeDailyBackup(db, options.dbFile, (options.today ?? localDay)());
  const call = createDispatcher({ db, user: options.user ?? os.userInfo().username, today: options.today ?? localDay, dbFile: options.dbFile });
  let server: LoopbackServer;
  try {
    server = await startLoopbackServer({ call, staticDir: options.staticDir, port: options.port });
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    server,
    db,
    call,
    close: async () => {
      await server.close();
      db.close();
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
