// Bundling the Electron side with esbuild: electron/main.ts → dist/electron/main.cjs (our code
// from electron/ and db/ in one file; npm packages stay outside, loaded from node_modules, so
// better-sqlite3-multiple-ciphers' native module is found and rebuilt by electron-builder) and
// electron/preload.ts → dist/electron/preload.cjs (everything inlined but `electron`: a
// sandboxed preload can require nothing else, and cannot be an ES module).
// Run as a script (`npm run build:electron`) or call buildElectron(). Builds nothing else.

import { build, type Metafile } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
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
  const [main, preload] = await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'electron', 'main.ts')],
      outfile: mainFile,
      platform: 'node',
      target: NODE_TARGET,
      packages: 'external',
      external: ['electron'],
      define: { APP_VERSION: JSON.stringify(version) },
    }),
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'electron', 'preload.ts')],
      outfile: preloadFile,
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron'],
    }),
  ]);
  return { mainFile, preloadFile, mainImports: runtimeImports(main.metafile), preloadImports: runtimeImports(preload.metafile) };
}

function runtimeImports(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external));
  return [...new Set(imports.map((entry) => entry.path))].sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const bundle = await buildElectron();
  console.log(`已生成 ${path.relative(repoRoot, bundle.mainFile)}、${path.relative(repoRoot, bundle.preloadFile)}`);
}
