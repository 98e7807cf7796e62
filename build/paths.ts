// Where the build puts things, in one place for the launcher, the build scripts, vite.config.ts
// and the test harness. Paths only: nothing here reads or writes files.

import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');

/** The renderer's sources (React, renderer/index.html). */
export const rendererSourceDir = path.join(repoRoot, 'renderer');
/** The built renderer, served by the loopback server and by Electron's app:// protocol. */
export const rendererOutDir = path.join(repoRoot, 'dist', 'renderer');
/** The project files the last renderer build read (written by vite.config.ts). */
export const rendererInputsFile = path.join(repoRoot, 'dist', 'renderer-inputs.json');
/** The bundled Electron main process (main.cjs) and preload (preload.cjs). */
export const electronOutDir = path.join(repoRoot, 'dist', 'electron');
