// electron-builder.yml, checked without packaging (packaging downloads Electron, which this
// machine cannot): it passes electron-builder's own schema check, read the way electron-builder
// reads it; it builds the Windows and Linux targets the bureaus need; it packs only the built
// app; and the icons it names exist at the right sizes.

import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { beforeAll, expect, test } from 'vitest';
import { electronOutDir, repoRoot } from '../../build/paths.ts';

const silentLogger = { isEnabled: false, add: () => {} } as unknown as Parameters<typeof validateConfiguration>[1];
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(repoRoot, path.join(repoRoot, 'electron-builder.yml'), null);
});

function targets(platform: Configuration['win'] | Configuration['linux']): Record<string, string[]> {
  return Object.fromEntries(
    (platform!.target as TargetConfiguration[]).map((target) => [target.target, (target.arch as string[]).slice().sort()]),
  );
}

function pngSize(file: string): [number, number] {
  const png = fs.readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

test("passes electron-builder's own schema check", async () => {
  await expect(validateConfiguration(config, silentLogger)).resolves.toBeUndefined();
});

test('the schema check is real: a misspelt option is refused', async () => {
  const broken = { ...config, linux: { ...config.linux, categroy: 'Office' } } as Configuration;
  await expect(validateConfiguration(broken, silentLogger)).rejects.toThrow(/configuration\.linux/);
});

test('names the product 司法台账 and packages the pinned Electron', () => {
  expect(config.productName).toBe('司法台账');
  expect(config.appId).toBe('cn.gov.sifa.taizhang');
  expect(config.electronVersion).toBe('41.10.0');
  expect(packageJson.devDependencies.electron).toBe(config.electronVersion);
});

test('Windows: an x64 NSIS installer in Chinese that lets people choose per-user or per-machine', () => {
  expect(targets(config.win)).toEqual({ nsis: ['x64'] });
  expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['zh_CN'] });
  expect(config.nsis!.deleteAppDataOnUninstall).toBe(false);
});

test('Linux (UOS, Kylin): deb and AppImage for x64 and arm64, in the Office category', () => {
  expect(targets(config.linux)).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
  expect(config.linux!.category).toBe('Office');
});

test('packs only the built main process, preload and renderer; SQLite native module unpacked and rebuilt', () => {
  const patterns = (config.files as (string | { filter: string[] })[]).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : entry.filter,
  );
  expect(patterns).toEqual(['package.json', 'dist/electron/*.cjs', 'dist/renderer/**/*']);
  expect(config.extraMetadata).toEqual({ main: path.relative(repoRoot, path.join(electronOutDir, 'main.cjs')) });
  expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/**/*.node']);
  expect(config.npmRebuild).toBe(true);
});

test('the icons exist: 512×512 PNG for Linux, an .ico with a 256×256 image for Windows', () => {
  const iconDir = path.join(repoRoot, config.linux!.icon as string);
  expect(pngSize(path.join(iconDir, '512x512.png'))).toEqual([512, 512]);
  const ico = fs.readFileSync(path.join(repoRoot, config.win!.icon as string));
  expect(ico.readUInt16LE(2)).toBe(1);
  const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
  expect(sizes).toContain(256);
  expect(sizes).toContain(16);
});

test('`npm run dist` builds the renderer and the Electron bundles before packaging', () => {
  expect(packageJson.scripts.dist).toBe('npm run build:renderer && npm run build:electron && electron-builder');
});
