// The worker thread the app's session lives in (db/accounts/app-session.ts): every database
// call of the Electron window and of the loopback server is answered here, off their thread;
// imports and backups go one step further, to a worker of their own, so this one keeps
// answering lists and counts meanwhile. Requests and replies: db/worker/session-interface.ts.

import { parentPort, workerData } from 'node:worker_threads';
import { createAppSession } from '../accounts/app-session.ts';
import type { ApiResult } from '../api/contract.ts';
import { parseJson } from './parse-json.ts';
import type { Clock, SessionReply, SessionRequest, SessionThreadData } from './session-interface.ts';
import { errorToData } from './threads.ts';

const data = workerData as SessionThreadData;
let clock: Clock = data.clock;

const session = createAppSession({
  dbFile: data.dbFile,
  today: () => clock.today,
  now: () => new Date(clock.now),
  longWorkOffThread: true,
  ...(data.idleMinutes === undefined ? {} : { idleMinutes: data.idleMinutes }),
  ...(data.dailyBackup === undefined ? {} : { dailyBackup: data.dailyBackup }),
});

async function answer(request: SessionRequest): Promise<unknown> {
  switch (request.op) {
    case 'call':
      return session.call(request.method, request.input);
    case 'callWithJson': {
      const parsed = await parseJson(request.json);
      if (!parsed) return { ok: false, error: { kind: 'bad_request', message: '请求内容不是有效的 JSON' } } satisfies ApiResult;
      return session.call(request.method, parsed.value);
    }
    case 'isOpen':
      return session.isOpen();
    case 'close':
      session.close();
      return null;
  }
}

parentPort!.on('message', (request: SessionRequest) => {
  clock = request.clock;
  answer(request).then(
    (value) => parentPort!.postMessage({ id: request.id, ok: true, value } satisfies SessionReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, ok: false, error: errorToData(error) } satisfies SessionReply),
  );
});
