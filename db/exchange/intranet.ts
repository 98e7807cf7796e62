// The intranet sync while the app runs (in the session's worker, never the renderer): at the
// bureau, the listener as its settings say; at an office, the timer that syncs every few minutes.
// `reconfigure` is called once the database is open and after each change of the settings, a
// join or a restore; `stop` when the session closes. Database work goes through `run`.

import type { RegisterDatabase } from '../database.ts';
import { bureauCertificate, bureauLink, listenerSettings } from './intranet-settings.ts';
import { startExchangeListener, type ExchangeListener, type ExchangeRunner } from './intranet-listener.ts';
import { syncWithBureau } from './intranet-sync.ts';
import { siteOf } from './site.ts';

/** What the listener is doing now (the bureau), shown on the settings page. */
export interface ListenerState {
  readonly listening: { readonly address: string; readonly port: number } | null;
  /** Chinese: why it is not listening although turned on. */
  readonly error: string | null;
}

export interface IntranetRuntime {
  reconfigure(): Promise<void>;
  listenerState(): ListenerState;
  stop(): Promise<void>;
}

/** Who the timer's syncs are audited as. */
export const TIMER_USER = '内网同步（定时）';

function listenError(error: unknown, address: string, port: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `端口 ${port} 已被其他程序占用，请换一个端口`;
  if (code === 'EADDRNOTAVAIL') return `本机已没有地址 ${address}（网卡或 IP 已变），请重新选择`;
  if (code === 'EACCES') return `没有权限使用端口 ${port}，请换一个 1024 以上的端口`;
  return `无法在 ${address}:${port} 上开启内网同步服务`;
}

export function createIntranetRuntime(database: () => RegisterDatabase | null, run: ExchangeRunner): IntranetRuntime {
  let listener: ExchangeListener | null = null;
  let listening: { address: string; port: number; fingerprint: string } | null = null;
  let error: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let timerMinutes = 0;
  let syncing = false;

  async function closeListener(): Promise<void> {
    const closing = listener;
    listener = null;
    listening = null;
    await closing?.close();
  }

  function stopTimer(): void {
    if (timer) clearInterval(timer);
    timer = null;
    timerMinutes = 0;
  }

  function syncOnTimer(): void {
    if (syncing) return;
    syncing = true;
    // The outcome (or the Chinese reason) is kept in the settings the page shows.
    syncWithBureau(run, TIMER_USER)
      .catch(() => undefined)
      .finally(() => {
        syncing = false;
      });
  }

  async function reconfigure(): Promise<void> {
    const db = database();
    const site = db ? siteOf(db) : null;
    const wanted = db && site?.role !== 'office' ? listenerSettings(db) : null;
    const certificate = db ? bureauCertificate(db) : null;
    if (wanted?.enabled && certificate) {
      const same = listening && listening.address === wanted.address && listening.port === wanted.port && listening.fingerprint === certificate.fingerprint;
      if (!same) {
        await closeListener();
        try {
          listener = await startExchangeListener({ address: wanted.address, port: wanted.port, certificate, run });
          listening = { address: wanted.address, port: listener.port, fingerprint: certificate.fingerprint };
          error = null;
        } catch (failure) {
          error = listenError(failure, wanted.address, wanted.port);
        }
      }
    } else {
      await closeListener();
      error = null;
    }
    const link = db && site?.role === 'office' ? bureauLink(db) : null;
    if (link?.enabled && link.address && link.fingerprint) {
      if (timerMinutes !== link.intervalMinutes) {
        stopTimer();
        timerMinutes = link.intervalMinutes;
        timer = setInterval(syncOnTimer, link.intervalMinutes * 60_000);
        timer.unref();
        syncOnTimer();
      }
    } else stopTimer();
  }

  return {
    reconfigure,
    listenerState: () => ({ listening: listening ? { address: listening.address, port: listening.port } : null, error }),
    stop: async () => {
      stopTimer();
      await closeListener();
    },
  };
}
