// What a long job's worker says to the session's worker, and the runner that starts one worker
// per job and turns its messages back into progress reports and a result or a thrown error.

import type { Progress } from '../api/progress.ts';
import type { LongJob, LongWork } from './long-work.ts';
import { errorFromData, startWorker, type ErrorData } from './threads.ts';

export type LongWorkMessage =
  | { readonly kind: 'progress'; readonly progress: Omit<Progress, 'task'> }
  | { readonly kind: 'done'; readonly value: unknown }
  | { readonly kind: 'failed'; readonly error: ErrorData };

/** Runs each job in a new worker over its own connection to `dbFile`, opened with `key`. */
export function longWorkInThread(dbFile: string, key: Buffer | null): LongWork {
  return ((job: LongJob, onProgress) =>
    new Promise<unknown>((resolve, reject) => {
      const worker = startWorker('long-work-thread', { dbFile, key: key ? new Uint8Array(key) : null, job });
      let settled = false;
      worker.on('message', (message: LongWorkMessage) => {
        if (message.kind === 'progress') return onProgress(message.progress);
        settled = true;
        if (message.kind === 'done') resolve(message.value);
        else reject(errorFromData(message.error));
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`导入或备份的后台任务意外结束（退出码 ${code}）`));
      });
    })) as LongWork;
}
