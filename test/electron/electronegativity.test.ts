// Electronegativity over the desktop app (electron/, renderer/, package.json): no HIGH finding,
// and every source file parsed, so none went unchecked. Two small windows show that the scan
// does catch a HIGH: one without context isolation, and one whose options come from a function
// call — the shape main.ts had, which the scanner cannot read. Prints the findings by severity.

import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../support/cli.ts';
import { countBySeverity, scanDesktopApp, scanFolder } from '../trust/scenarios/electronegativity.ts';
import { inTempDir } from '../trust/scenarios/scenario.ts';

/** Files of `folder` the scanner reads, by its documented rule: JS/TS sources and HTML. */
function sourceFiles(folder: string): number {
  return fs
    .readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(js|jsx|ts|tsx|html|htm)$/i.test(file)).length;
}

test('the desktop app has no HIGH finding, and every file was parsed', async () => {
  const scan = await scanDesktopApp();
  console.log(
    `electronegativity：扫描 ${scan.filesScanned} 个文件，按严重程度 ${JSON.stringify(countBySeverity(scan.findings))}\n` +
      scan.findings.map((finding) => `  ${finding.severity} ${finding.id} ${finding.file}:${finding.line}`).join('\n'),
  );
  expect(scan.filesScanned).toBe(sourceFiles('electron') + sourceFiles('renderer') + 1);
  expect(scan.parseErrors).toEqual([]);
  expect(scan.findings.filter((finding) => finding.severity === 'HIGH')).toEqual([]);
});

/** Windows the scan must flag, by file name. */
const insecureWindows: Record<string, string> = {
  'no-isolation.ts': `new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });`,
  'options-from-call.ts': `const options = (preload: string) => ({ webPreferences: { preload, contextIsolation: true, sandbox: true } });
export const open = (preload: string) => new BrowserWindow(options(preload));`,
};

test('catches a window without context isolation, and one whose options come from a function call, as HIGH', async () => {
  const scan = await inTempDir('electronegativity-windows', async (folder) => {
    for (const [file, source] of Object.entries(insecureWindows)) {
      fs.writeFileSync(path.join(folder, file), `import { BrowserWindow } from 'electron';\n${source}\n`);
    }
    return scanFolder(folder);
  });
  expect(scan.parseErrors).toEqual([]);
  const flagged = scan.findings.filter((finding) => finding.id === 'CONTEXT_ISOLATION_JS_CHECK' && finding.severity === 'HIGH');
  expect(flagged.map((finding) => finding.file).sort()).toEqual(['no-isolation.ts', 'options-from-call.ts']);
});
