// The boundaries the lint and type checks keep: renderer/ imports no Node module, never the
// database driver or Electron, and of db/ only the API contract (eslint.config.js); db/ is
// type-checked without the DOM's types (tsconfig.db.json) and renderer/ without Node's
// (tsconfig.renderer.json), both part of `npm test`.

import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.ts';

const eslint = new ESLint({ cwd: repoRoot });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result!.messages.map((message) => message.ruleId ?? '');
}

interface TsConfig {
  readonly include: string[];
  readonly compilerOptions: { readonly lib: string[]; readonly types: string[] };
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;
const hasDom = (config: TsConfig) => config.compilerOptions.lib.some((lib) => lib.toUpperCase().startsWith('DOM'));

/** Every TypeScript file under a folder of the repository. */
function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

describe('import boundaries', () => {
  it('refuses node: modules, the database driver and Electron in the renderer', async () => {
    expect(await ruleIds("import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", 'renderer/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import Database from 'better-sqlite3-multiple-ciphers';\nexport { Database };\n", 'renderer/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n", 'renderer/probe.tsx')).toContain('no-restricted-imports');
  });

  it('refuses any db/ module but the contract in the renderer, types and re-exports too', async () => {
    const refused = [
      ["import { mediationCase } from '../../db/registers/mediation.ts';\nexport const probe = mediationCase;\n", 'renderer/registers/probe.ts'],
      ["import type { Report } from '../../db/report/engine.ts';\nexport type Probe = Report;\n", 'renderer/report/probe.ts'],
      ["export { createDispatcher } from '../../db/api/dispatcher.ts';\n", 'renderer/common/probe.ts'],
      ["import { roleLabels } from '../db/accounts/roles.ts';\nexport const probe = roleLabels;\n", 'renderer/probe.tsx'],
    ];
    for (const [code, file] of refused) expect(await ruleIds(code!, file!)).toContain('no-restricted-imports');
  });

  it('allows them in db/ and the API contract in the renderer', async () => {
    expect(await ruleIds("import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", 'db/probe.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds("import { registerByName } from '../registers/index.ts';\nexport const probe = registerByName;\n", 'db/api/probe.ts')).not.toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds("import type { ApiResult } from '../db/api/contract.ts';\nexport type Probe = ApiResult;\n", 'renderer/probe.ts'),
    ).not.toContain('no-restricted-imports');
    expect(
      await ruleIds("import { roleLabels, type Report } from '../../db/api/contract.ts';\nexport const probe: [typeof roleLabels, Report?] = [roleLabels];\n", 'renderer/report/probe.ts'),
    ).not.toContain('no-restricted-imports');
  });

  it('type-checks db/ without the DOM library and renderer/ without Node, both in npm test', () => {
    const db = readJson<TsConfig>('tsconfig.db.json');
    expect(db.include).toEqual(['db']);
    expect(hasDom(db)).toBe(false);
    const renderer = readJson<TsConfig>('tsconfig.renderer.json');
    expect(renderer.include).toEqual(['renderer']);
    expect(hasDom(renderer)).toBe(true);
    expect(renderer.compilerOptions.types).toEqual([]);
    const { test } = readJson<{ scripts: { test: string } }>('package.json').scripts;
    expect(test).toContain('tsc -p tsconfig.db.json');
    expect(test).toContain('tsc -p tsconfig.renderer.json');
  });
});

/** A call of the API helpers naming its result type (their own generic declarations, `<M extends …>`, aside). */
const namedResult = /\b(call|useApi|runAction|useFormCall)<(?![^>]*\bextends\b)[^(]*>\(/;

describe('the renderer takes API values as the contract declares them', () => {
  it('names no result type when calling: call, useApi, runAction and useFormCall infer it from the method', () => {
    const named = sourceFiles('renderer').flatMap((file) =>
      fs
        .readFileSync(path.join(repoRoot, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (namedResult.test(line) ? [`${file}:${index + 1}`] : [])),
    );
    expect(named).toEqual([]);
  });

  it('finds a named result type in a scratch line (the check above can fail)', () => {
    expect(namedResult.test("const report = await call<Report>('report.run', scope);")).toBe(true);
    expect(namedResult.test('export function useApi<M extends AnyMethodName>(method: M) {')).toBe(false);
  });
});
