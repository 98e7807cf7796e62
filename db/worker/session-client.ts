// The transport's side of the session's worker: starts db/worker/session-thread.ts and answers
// SessionInterface by messages, each with this thread's clock. Should the worker fail, every
// waiting call is answered with an internal error in Chinese and later calls are refused.

import type { ApiResult } from '../api/contract.ts';
import type { Clock, SessionAsk, SessionInterface, SessionReply, SessionRequest, SessionThreadData } from './session-interface.ts';
import { errorFromData, startWorker } from './threads.ts';

export interface SessionThreadOptions {
  readonly dbFile: string;
  /** Today, `YYYY-MM-DD`. */
  readonly today: () => string;
  /** The clock for idle time and account locks; default the real one. */
  readonly now?: () => Date;
  readonly idleMinutes?: number;
  readonly dailyBackup?: boolean;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const WORKER_FAILED = '程序后台出错，请关闭后重新打开程序（已保存的数据不受影响）';

export function startSessionThread(options: SessionThreadOptions): SessionInterface {
  const now = options.now ?? (() => new Date());
  const clock = (): Clock => ({ now: now().toISOString(), today: options.today() });
  const data: SessionThreadData = {
    dbFile: options.dbFile,
    clock: clock(),
    ...(options.idleMinutes === undefined ? {} : { idleMinutes: options.idleMinutes }),
    ...(options.dailyBackup === undefined ? {} : { dailyBackup: options.dailyBackup }),
  };
  const worker = startWorker('session-thread', data);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: SessionReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(errorFromData(reply.error));
  });
  worker.on('error', (error) => {
    console.error(error);
    failAll(new Error(WORKER_FAILED));
  });
  worker.on('exit', () => failAll(new Error(WORKER_FAILED)));

  const request = (message: SessionAsk, transfer: ArrayBuffer[] = []): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id, clock: clock() } satisfies SessionRequest, transfer);
    });
  };
  const answered = (asked: Promise<unknown>) =>
    (asked as Promise<ApiResult>).catch((error: Error): ApiResult => ({ ok: false, error: { kind: 'internal', message: error.message } }));

  return {
    call: (method, input) => answered(request({ op: 'call', method, input })),
    callWithJson: (method, json) => {
      // A Buffer may share its memory with others: only a whole buffer of its own is handed over.
      const own = json.byteOffset === 0 && json.byteLength === json.buffer.byteLength ? json : json.slice();
      return answered(request({ op: 'callWithJson', method, json: own }, [own.buffer as ArrayBuffer]));
    },
    isOpen: () => request({ op: 'isOpen' }).then(Boolean, () => false),
    close: async () => {
      if (!failure) await request({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
