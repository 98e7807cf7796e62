// A short-lived worker that parses one large request body (a ledger upload of tens of
// megabytes) so the session's thread, which answers every other call, is not held up by it.
// Started by parseJsonOffThread (db/worker/parse-json.ts).

import { parentPort, workerData } from 'node:worker_threads';

const { json } = workerData as { json: Uint8Array };
try {
  parentPort!.postMessage({ ok: true, value: JSON.parse(new TextDecoder().decode(json)) });
} catch {
  parentPort!.postMessage({ ok: false });
}
