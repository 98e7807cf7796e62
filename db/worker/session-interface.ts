// The typed interface between a transport (the Electron main process, the loopback server) and
// the session running in its worker thread (db/worker/session-thread.ts), after Signal's
// ts/sql/Interface.ts: what the main thread may ask, and the messages that carry it. The clock
// travels with every request, so a transport's clock (a test's, say) is the session's clock.

import type { ApiResult } from '../api/contract.ts';
import type { ErrorData } from './threads.ts';

/** The session as a transport sees it: every call answered asynchronously, never thrown. */
export interface SessionInterface {
  /** Every API method: session.* by the session, the rest through the logged-in account's dispatcher. */
  call(method: string, input?: unknown): Promise<ApiResult>;
  /**
   * The same with the input as the JSON text a request brought (UTF-8), handed over without a
   * copy and parsed in the worker: a ledger upload of tens of megabytes never stops this thread.
   */
  callWithJson(method: string, json: Uint8Array): Promise<ApiResult>;
  /** Whether someone is logged in now (and not idle too long). */
  isOpen(): Promise<boolean>;
  /** Closes the database and ends the worker. */
  close(): Promise<void>;
}

/** What the worker is started with (workerData). */
export interface SessionThreadData {
  readonly dbFile: string;
  readonly idleMinutes?: number;
  readonly dailyBackup?: boolean;
  readonly clock: Clock;
}

/** The transport's clock at a request: now (ISO) and today (`YYYY-MM-DD`). */
export interface Clock {
  readonly now: string;
  readonly today: string;
}

/** What a transport asks the session's worker. */
export type SessionAsk =
  | { readonly op: 'call'; readonly method: string; readonly input: unknown }
  | { readonly op: 'callWithJson'; readonly method: string; readonly json: Uint8Array }
  | { readonly op: 'isOpen' }
  | { readonly op: 'close' };

export type SessionRequest = { readonly id: number; readonly clock: Clock } & SessionAsk;

export type SessionReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: ErrorData };
