// The worker a long job runs in (db/worker/long-work.ts): opens its own connection to the
// database file with the session's key, does the one job, posts its progress and then its result
// or error, and closes. Started by longWorkInThread below, from the session's worker.

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../database.ts';
import { runLongJob, type LongJob } from './long-work.ts';
import { errorToData } from './threads.ts';
import type { LongWorkMessage } from './long-work-messages.ts';

const { dbFile, key, job } = workerData as { dbFile: string; key: Uint8Array | null; job: LongJob };
const post = (message: LongWorkMessage) => parentPort!.postMessage(message);

async function run(): Promise<unknown> {
  const db = openDatabase(dbFile, { create: false, ...(key ? { key: Buffer.from(key) } : {}) });
  try {
    return await runLongJob(db, dbFile, job, (progress) => post({ kind: 'progress', progress }));
  } finally {
    db.close();
  }
}

run().then(
  (value) => post({ kind: 'done', value }),
  (error: unknown) => post({ kind: 'failed', error: errorToData(error) }),
);
