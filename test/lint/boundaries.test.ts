// The boundaries the lint and type checks keep: renderer/ imports no Node module and never the
// database driver or Electron (eslint.config.js); db/ is type-checked without the DOM's types
// (tsconfig.db.json, part of `npm test`).

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

describe('import boundaries', () => {
  it('refuses node: modules, the database driver and Electron in the renderer', async () => {
    expect(await ruleIds("import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", 'renderer/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import Database from 'better-sqlite3-multiple-ciphers';\nexport { Database };\n", 'renderer/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n", 'renderer/probe.tsx')).toContain('no-restricted-imports');
  });

  it('allows them in db/ and the API contract in the renderer', async () => {
    expect(await ruleIds("import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", 'db/probe.ts')).not.toContain('no-restricted-imports');
    expect(
      await ruleIds("import type { ApiResult } from '../db/api/contract.ts';\nexport type Probe = ApiResult;\n", 'renderer/probe.ts'),
    ).not.toContain('no-restricted-imports');
  });

  it('type-checks db/ without the DOM library', () => {
    const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.db.json'), 'utf8')) as {
      include: string[];
      compilerOptions: { lib: string[] };
    };
    expect(config.include).toEqual(['db']);
    expect(config.compilerOptions.lib.some((lib) => lib.toUpperCase().startsWith('DOM'))).toBe(false);
    const scripts = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { test: string } }).scripts;
    expect(scripts.test).toContain('tsc -p tsconfig.db.json');
  });
});
