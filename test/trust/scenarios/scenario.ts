// What the "nothing lost" scenarios share: their result shape (read by the tests and by
// `npm run trust-report`), child writer processes (optionally under a file-size limit) whose
// stdout lines are watched, small tmpfs mounts for a really full disk, and reading a database
// back the way the app would after a crash.

import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { registers } from '../../../db/registers/index.ts';
import { repoRoot, tempDir } from '../../support/cli.ts';

/** One scenario's outcome: its figures are printed by the trust report; `ok` is what the tests assert. */
export interface ScenarioResult {
  readonly name: string;
  readonly figures: Record<string, number | string>;
  readonly ok: boolean;
  /** Why the scenario could not run here (e.g. tmpfs cannot be mounted); it is then neither passed nor failed. */
  readonly skipped?: string;
}

export type ScenarioRunner = () => Promise<ScenarioResult>;

/** Runs `work` with a new temp folder, removed afterwards. */
export async function inTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir(prefix);
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const workersDir = path.join(import.meta.dirname, 'workers');

export interface Writer {
  readonly child: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Resolves with the first line (now or later) that starts with `prefix`; rejects if the process exits first. */
  line(prefix: string): Promise<string>;
  /** Sends a line to the worker's stdin. */
  send(text: string): void;
  /** Resolves when the process has exited and its output is read, with its exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export interface WriterOptions {
  /** Largest file the process may write, in KiB (`ulimit -f`); SIGXFSZ is ignored so the write fails with EFBIG. */
  readonly fileSizeLimitKib?: number;
}

/** Starts a worker of test/trust/scenarios/workers/ in its own Node process (node --import tsx). */
export function startWriter(worker: string, args: readonly string[], options: WriterOptions = {}): Writer {
  const node = [process.execPath, '--import', 'tsx', path.join(workersDir, worker), ...args];
  const child = options.fileSizeLimitKib
    ? spawn('bash', ['-c', `ulimit -f ${options.fileSizeLimitKib} && trap '' XFSZ && exec "$0" "$@"`, ...node], { cwd: repoRoot })
    : spawn(node[0]!, node.slice(1), { cwd: repoRoot });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiting.filter((candidate) => line.startsWith(candidate.prefix))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      for (const waiter of waiting.splice(0)) {
        waiter.reject(new Error(`${worker} exited before printing「${waiter.prefix}」: code ${code}, signal ${signal}\n${stderr.slice(-2000)}`));
      }
      resolve({ code, signal, stderr });
    }),
  );
  return {
    child,
    lines,
    line: (prefix) => {
      const seen = lines.find((line) => line.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => waiting.push({ prefix, resolve, reject }));
    },
    send: (text) => child.stdin!.write(`${text}\n`),
    exited,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small tmpfs mounted on a new temp folder, or why one cannot be mounted here (not root, no mount). */
export function mountTmpfs(sizeKib: number): { folder: string; unmount(): void } | { unavailable: string } {
  const folder = tempDir('tmpfs');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKib}k`, 'tmpfs', folder], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    fs.rmSync(folder, { recursive: true, force: true });
    return { unavailable: `无法挂载 tmpfs：${(mounted.stderr || mounted.error?.message || '').trim()}` };
  }
  return {
    folder,
    unmount: () => {
      spawnSync('umount', ['-l', folder]);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Writes a file until the file system says ENOSPC; returns its size. */
export function fillDisk(file: string): number {
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 0x5a);
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

export interface Reopened {
  /** `PRAGMA integrity_check`: 'ok' or the problems found. */
  readonly integrity: string;
  /** Rows per register table, by the register's Chinese title. */
  readonly rows: Record<string, number>;
  readonly importLogs: number;
  /** Ids of the 矛盾纠纷排查 records (what the save worker writes). */
  readonly sweepIds: number[];
}

/** Opens a database file as a fresh process would after a crash (WAL recovery included) and reads it. */
export function reopen(file: string): Reopened {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('；');
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      integrity,
      rows: Object.fromEntries(registers.map((register) => [register.title, count(register.table)])),
      importLogs: count('import_log'),
      sweepIds: db.prepare('SELECT id FROM dispute_sweep ORDER BY id').pluck().all() as number[],
    };
  } finally {
    db.close();
  }
}

/** Every row of every table (or of the tables `include` accepts), for proving that a database did not change. */
export function contentDigest(db: Database.Database, include: (table: string) => boolean = () => true): string {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[])
    .map((row) => row.name)
    .filter(include);
  return JSON.stringify(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]));
}

/** A seeded pseudo-random number in [0, 1), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
