// A request body's JSON, parsed where it costs the session's thread least: in place when small,
// in a worker of its own when large (db/worker/json-thread.ts). undefined: not valid JSON.

import { startWorker } from './threads.ts';

/** Bodies up to this size are parsed in place (a form, a query: well under a millisecond). */
const IN_PLACE_BYTES = 1024 * 1024;

export async function parseJson(json: Uint8Array): Promise<{ value: unknown } | undefined> {
  if (json.length === 0) return { value: {} };
  if (json.length <= IN_PLACE_BYTES) {
    try {
      return { value: JSON.parse(new TextDecoder().decode(json)) };
    } catch {
      return undefined;
    }
  }
  const worker = startWorker('json-thread', { json }, [json.buffer as ArrayBuffer]);
  try {
    const answer = await new Promise<{ ok: boolean; value?: unknown }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return answer.ok ? { value: answer.value } : undefined;
  } finally {
    void worker.terminate();
  }
}
