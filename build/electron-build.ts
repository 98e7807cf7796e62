// Bundling the Electron side with esbuild: electron/main.ts → dist/electron/main.cjs (our code
// from electron/ and db/ in one file; npm packages stay outside, loaded from node_modules, so
// better-sqlite3-multiple-ciphers' native module is found and rebuilt by electron-builder) and
// the database's worker threads → dist/electron/<entry>.cjs beside it, and
// electron/preload.ts → dist/electron/preload.cjs (everything inlined but `electron`: a
// sandboxed preload can require nothing else, and cannot be an ES module).
// Run as a script (`npm run build:electron`) or call buildElectron(). Builds nothing else.

import { build, type Metafile } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { workerEntries } from '../db/worker/threads.ts';
import { electronOutDir, repoRoot } from './paths.ts';

/** Electron 41 runs Node 24 and Chromium 146. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

export interface ElectronBundle {
  readonly mainFile: string;
  readonly preloadFile: string;
  /** What each bundle still imports at run time (npm packages, node: modules, electron). */
  readonly mainImports: readonly string[];
  readonly preloadImports: readonly string[];
  /** The database's worker threads (db/worker/*-thread.ts) beside the main bundle, and what they import. */
  readonly workerFiles: readonly string[];
  readonly workerImports: readonly string[];
}

export async function buildElectron(outDir: string = electronOutDir): Promise<ElectronBundle> {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const mainFile = path.join(outDir, 'main.cjs');
  const preloadFile = path.join(outDir, 'preload.cjs');
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  } as const;
  // The main process and the database's worker threads (db/worker/threads.ts finds each
  // `<entry>.cjs` beside the bundle it runs in, through import.meta.filename).
  const nodeBundle = (entry: string, outfile: string) =>
    build({
      ...common,
      entryPoints: [path.join(repoRoot, entry)],
      outfile,
      platform: 'node',
      target: NODE_TARGET,
      packages: 'external',
      external: ['electron'],
      define: { APP_VERSION: JSON.stringify(version), 'import.meta.filename': '__filename' },
    });
  const workerFiles = workerEntries.map((entry) => path.join(outDir, `${entry}.cjs`));
  const [main, preload, ...workers] = await Promise.all([
    nodeBundle('electron/main.ts', mainFile),
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'electron', 'preload.ts')],
      outfile: preloadFile,
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron'],
    }),
    ...workerEntries.map((entry, index) => nodeBundle(`db/worker/${entry}.ts`, workerFiles[index]!)),
  ]);
  return {
    mainFile,
    preloadFile,
    mainImports: runtimeImports(main!.metafile),
    preloadImports: runtimeImports(preload!.metafile),
    workerFiles,
    workerImports: [...new Set(workers.flatMap((worker) => runtimeImports(worker.metafile)))].sort(),
  };
}

function runtimeImports(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external));
  return [...new Set(imports.map((entry) => entry.path))].sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const bundle = await buildElectron();
  console.log(`已生成 ${path.relative(repoRoot, bundle.mainFile)}、${path.relative(repoRoot, bundle.preloadFile)}`);
}
