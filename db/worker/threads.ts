// Starting our worker threads and carrying errors across them. A worker's entry is a module
// beside this one: `<name>.ts` in a checkout (loaded through tsx's loader, registered inside the
// worker, since Node 20 does not pass `--import tsx` on to workers) or `<name>.cjs` beside the
// Electron bundle (build/electron-build.ts bundles each entry; it defines import.meta.filename
// as the bundle's __filename).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.ts';

export const workerEntries = ['session-thread', 'long-work-thread', 'json-thread'] as const;
export type WorkerEntry = (typeof workerEntries)[number];

const here = import.meta.filename;

/** The entry's file: beside this module, or beside the bundle. */
export function workerFile(entry: WorkerEntry): string {
  return path.join(path.dirname(here), `${entry}${here.endsWith('.ts') ? '.ts' : '.cjs'}`);
}

/** `transferList`: buffers in workerData handed over without a copy. */
export function startWorker(entry: WorkerEntry, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  const file = workerFile(entry);
  if (!file.endsWith('.ts')) return new Worker(file, { workerData, transferList });
  const loader = `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(pathToFileURL(file).href)});`;
  return new Worker(loader, { eval: true, workerData, transferList });
}

/** An error as data: a UserError keeps its kind and field messages, a SQLite error its code. */
export interface ErrorData {
  readonly message: string;
  readonly userError?: { kind: UserError['kind']; fieldErrors?: Record<string, string> };
  readonly code?: string;
  readonly stack?: string;
}

export function errorToData(error: unknown): ErrorData {
  if (error instanceof UserError) {
    return { message: error.message, userError: { kind: error.kind, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } };
  }
  const { message, code, stack } = error as { message?: string; code?: string; stack?: string };
  return { message: message ?? String(error), ...(code ? { code } : {}), ...(stack ? { stack } : {}) };
}

export function errorFromData(data: ErrorData): Error {
  if (data.userError) return new UserError(data.message, data.userError.kind, data.userError.fieldErrors);
  const error = new Error(data.message) as Error & { code?: string };
  if (data.code) error.code = data.code;
  if (data.stack) error.stack = data.stack;
  return error;
}
