// Building the renderer only when needed: `npm start` and the browser-test harness call
// ensureRendererBuilt(), which runs `vite build` when dist/renderer/index.html is missing or
// older than a source it was built from. A lock folder holding the builder's pid keeps parallel
// callers (vitest's forked workers) from building twice; a lock whose process is gone (Ctrl+C
// during a build) is taken over. It must not build anything but the renderer.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rendererInputsFile, rendererOutDir, rendererSourceDir, repoRoot } from './paths.ts';

export class RendererMissingError extends Error {
  override readonly name = 'RendererMissingError';
}

const builtIndex = path.join(rendererOutDir, 'index.html');
const lockDir = path.join(repoRoot, 'dist', '.renderer-build.lock');
const lockOwnerFile = path.join(lockDir, 'pid');
/** A lock still without an owner after this was left half-made: take it over. */
const UNOWNED_LOCK_MS = 10_000;

/** Builds dist/renderer/ if it is missing or stale; returns whether it built. */
export async function ensureRendererBuilt(log: (line: string) => void = () => {}): Promise<boolean> {
  if (!needsBuild()) return false;
  await acquireLock();
  try {
    if (!needsBuild()) return false;
    if (!fs.existsSync(path.join(rendererSourceDir, 'index.html'))) {
      throw new RendererMissingError(
        `界面尚未编写：找不到 ${path.join(rendererSourceDir, 'index.html')}，也没有已构建的 ${builtIndex}。` +
          '（The renderer has no index.html yet, so there is nothing to build or serve.）',
      );
    }
    log('正在构建界面（vite build）…');
    await viteBuild();
    return true;
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Missing, or older than renderer/**, vite.config.ts or any project file the last build read. */
export function needsBuild(): boolean {
  const builtAt = modifiedAt(builtIndex);
  if (builtAt === null) return true;
  const sources = [...filesUnder(rendererSourceDir), path.join(repoRoot, 'vite.config.ts'), ...recordedInputs()];
  return sources.some((file) => (modifiedAt(file) ?? 0) > builtAt);
}

function recordedInputs(): string[] {
  try {
    return (JSON.parse(fs.readFileSync(rendererInputsFile, 'utf8')) as string[]).map((file) => path.join(repoRoot, file));
  } catch {
    return [];
  }
}

function filesUnder(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

function modifiedAt(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

async function acquireLock(): Promise<void> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(lockOwnerFile, String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockAbandoned()) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The process holding the lock has ended, or never wrote its pid. */
function lockAbandoned(): boolean {
  let owner: number;
  try {
    owner = Number(fs.readFileSync(lockOwnerFile, 'utf8'));
  } catch {
    const lockedAt = modifiedAt(lockDir);
    return lockedAt !== null && Date.now() - lockedAt > UNOWNED_LOCK_MS;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function viteBuild(): Promise<void> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    // NODE_ENV set by a caller (vitest sets 'test') would make vite bundle React's development build.
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`界面构建失败（vite build 退出码 ${code}）：\n${output}`)),
    );
  });
}
