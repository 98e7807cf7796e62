// Electronegativity (Doyensec's Electron security scanner) over what the desktop app is made
// of: the main process and preload (electron/), the page (renderer/, whose index.html carries
// the CSP) and package.json. It runs offline in a child process — the check that downloads
// Electron release data is left out and the Electron version is package.json's — and, since it
// exits 0 whatever it finds, its findings are read as data: any HIGH fails the scenario. Used
// by test/electron/electronegativity.test.ts and by `npm run trust-report`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/cli.ts';
import { inTempDir, type ScenarioResult } from './scenario.ts';

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly confidence: string;
  /** Relative to the scanned folder; N/A for a finding about the whole app. */
  readonly file: string;
  readonly line: number;
  readonly description: string;
}

export interface Scan {
  /** Files the scanner loaded (sources, HTML, package.json). */
  readonly filesScanned: number;
  /** Files it could not parse, so did not check. */
  readonly parseErrors: readonly string[];
  readonly findings: readonly Finding[];
}

/** What the app ships to Electron, as it sits in the checkout. */
const APP_PARTS = ['electron', 'renderer', 'package.json'];

/** Checks that need the network: the list of Electron releases with security fixes. */
const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Runs the scanner's own loader (for the file count) and its runner on argv[1]; prints one JSON line. */
const SCANNER = `
const run = require('@doyensec/electronegativity');
const { LoaderDirectory } = require('@doyensec/electronegativity/dist/loader');
const [input, electronVersion, excluded] = process.argv.slice(1);
(async () => {
  const loader = new LoaderDirectory();
  await loader.load(input);
  const result = await run({ input, electronVersionOverride: electronVersion, excludeFromScan: excluded.split(','), isRelative: true });
  console.log(JSON.stringify({
    filesScanned: loader.list_files.size,
    parseErrors: result.errors.filter((error) => !error.tolerable).map((error) => error.file + ': ' + error.message),
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      description: issue.description,
    })),
  }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** The Electron the app is built for: package.json pins it exactly. */
function electronVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = manifest.devDependencies.electron ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json should pin electron exactly, not「${version}」`);
  return version;
}

/** Electronegativity's findings for the files in `folder`. */
export function scanFolder(folder: string): Scan {
  const scanned = spawnSync(process.execPath, ['-e', SCANNER, folder, electronVersion(), ONLINE_CHECKS.join(',')], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // It prints a note of its own first when it cannot fetch translations (always, offline).
  const answer = scanned.stdout.trim().split('\n').at(-1) ?? '';
  if (scanned.status !== 0 || !answer.startsWith('{')) {
    throw new Error(`electronegativity failed (${scanned.status}): ${scanned.stderr.slice(-2000)}`);
  }
  return JSON.parse(answer) as Scan;
}

/** Electronegativity's findings for the desktop app (electron/, renderer/, package.json). */
export function scanDesktopApp(): Promise<Scan> {
  return inTempDir('electronegativity', async (folder) => {
    for (const part of APP_PARTS) fs.cpSync(path.join(repoRoot, part), path.join(folder, part), { recursive: true });
    return scanFolder(folder);
  });
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  return Object.fromEntries(
    SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]),
  ) as Record<Severity, number>;
}

const where = (finding: Finding) => (finding.file === 'N/A' ? '全局' : `${finding.file}:${finding.line}`);

export async function electronegativityScenario(): Promise<ScenarioResult> {
  const scan = await scanDesktopApp();
  const counts = countBySeverity(scan.findings);
  const others = scan.findings.filter((finding) => finding.severity !== 'HIGH');
  return {
    name: 'Electron 安全扫描（electronegativity）',
    figures: {
      '扫描的文件': scan.filesScanned,
      '无法解析的文件': scan.parseErrors.length,
      'HIGH': counts.HIGH,
      'MEDIUM': counts.MEDIUM,
      'LOW': counts.LOW,
      'INFORMATIONAL': counts.INFORMATIONAL,
      '其余发现（人工复核）': others.map((finding) => `${finding.id}（${finding.severity}，${where(finding)}）`).join('；') || '无',
    },
    ok: scan.filesScanned > 0 && scan.parseErrors.length === 0 && counts.HIGH === 0,
  };
}
