// The Electron bundles as build/electron-build.ts makes them: the preload is CommonJS and
// needs nothing but `electron` (a sandboxed preload can require nothing else); the main
// process keeps npm packages outside the bundle — better-sqlite3-multiple-ciphers among them, so its native
// module is loaded from node_modules — and every one of them resolves as CommonJS.

import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildElectron, type ElectronBundle } from '../../build/electron-build.ts';
import { repoRoot } from '../../build/paths.ts';

let outDir: string;
let bundle: ElectronBundle;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-electron-'));
  bundle = await buildElectron(outDir);
});

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('the preload is CommonJS, requires only electron and exposes only sftz.call', () => {
  expect(path.basename(bundle.preloadFile)).toBe('preload.cjs');
  expect(bundle.preloadImports).toEqual(['electron']);
  const preload = fs.readFileSync(bundle.preloadFile, 'utf8');
  expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  expect(preload).toMatch(/exposeInMainWorld\("sftz", \{\s*call:/);
});

test('the main process is CommonJS with electron left outside; the database is opened only in its worker threads', () => {
  expect(path.basename(bundle.mainFile)).toBe('main.cjs');
  expect(bundle.mainImports).toContain('electron');
  expect(bundle.mainImports).not.toContain('better-sqlite3-multiple-ciphers');
  expect(bundle.workerFiles.map((file) => path.basename(file))).toEqual(['session-thread.cjs', 'long-work-thread.cjs', 'json-thread.cjs']);
  expect(bundle.workerFiles.every((file) => path.dirname(file) === path.dirname(bundle.mainFile))).toBe(true);
  expect(bundle.workerImports).toContain('better-sqlite3-multiple-ciphers');
  expect(bundle.workerImports).not.toContain('electron');
  for (const file of [bundle.mainFile, ...bundle.workerFiles]) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
});

test('every package the main bundle and its workers load at run time is a production dependency that resolves as CommonJS', () => {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const requireFromApp = createRequire(path.join(repoRoot, 'dist', 'electron', 'main.cjs'));
  const packages = [...bundle.mainImports, ...bundle.workerImports].filter((name) => name !== 'electron' && !builtinModules.includes(name.replace(/^node:/, '')));
  for (const name of packages) {
    const packageName = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
    expect(Object.keys(dependencies), `${name} must be in "dependencies" to be packaged`).toContain(packageName);
    expect(() => requireFromApp.resolve(name)).not.toThrow();
  }
});
