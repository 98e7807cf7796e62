// `cli report --timing`: the time the figures took inside the process, in ms, on stderr only —
// stdout stays the contract's JSON, and without the flag stderr stays empty.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { runCli, tempDir } from '../support/cli.ts';

describe('cli report --timing', () => {
  const file = path.join(tempDir('timing'), 'county.sqlite');
  openDatabase(file, { create: true, bureauName: '测试区司法局' }).close();
  const args = ['report', '--db', file, '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json'];

  it('prints the figures’ time on stderr, less than the whole run took, and the same JSON on stdout', () => {
    const started = performance.now();
    const timed = runCli([...args, '--timing']);
    const wholeRun = performance.now() - started;
    expect(timed.status).toBe(0);
    const match = /^统计耗时：(\d+\.\d) ms\n$/.exec(timed.stderr);
    expect(match).not.toBeNull();
    const ms = Number(match![1]);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(wholeRun);

    const plain = runCli(args);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('');
    const withoutTime = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: null });
    expect(withoutTime(timed.stdout)).toEqual(withoutTime(plain.stdout));
  });
});
