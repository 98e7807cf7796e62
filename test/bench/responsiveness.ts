// Whether the app keeps answering while it imports: the app as `npm start` serves it (the
// session in its worker thread, the import in a worker of its own, the loopback server in front)
// imports a ledger of some 300,000 rows through HTTP while a stream of `app.info` and list calls
// goes to it one after the other; each call's answer time is kept. Target (issue 9): median
// under 50 ms, maximum under 200 ms.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult } from '../../db/api/contract.ts';
import type { LedgerInput } from '../../db/import/import-ledger.ts';
import { serveApp } from '../../db/server/serve-app.ts';
import { log, median, round } from './measure.ts';

export const responsivenessTargets = { medianMs: 50, maxMs: 200 };

const admin = { bureauName: '基准测试区司法局', username: 'admin', displayName: '管理员', password: 'Jizhun2025admin' };
/** A pause between two calls of the stream, as a page's requests come. */
const PAUSE_MS = 20;

export async function measureResponsiveness(files: readonly LedgerInput[], staticDir: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-bench-responsive-'));
  const app = await serveApp({ dbFile: path.join(dir, 'sftz.sqlite'), staticDir });
  try {
    const post = async (method: string, input: unknown): Promise<ApiResult> => {
      const response = await fetch(`${app.server.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.server.token}` },
        body: JSON.stringify(input),
      });
      return (await response.json()) as ApiResult;
    };
    const must = async (method: string, input: unknown) => {
      const result = await post(method, input);
      if (!result.ok) throw new Error(`${method}：${result.error.message}`);
      return result.value;
    };
    await must('session.setup', admin);
    const body = { files: files.map((file) => ({ name: path.basename(file.name), content: file.content.toString('base64') })) };
    const rows = files.reduce((sum, file) => sum + file.content.toString('utf8').split('\n').filter((line) => line.trim() !== '').length - 1, 0);

    log(`响应：导入约 ${rows.toLocaleString('zh-CN')} 行的同时连续调用 app.info 与列表`);
    const calls: { method: string; ms: number }[] = [];
    let importing = true;
    const started = performance.now();
    const imported = must('import.commit', body).finally(() => {
      importing = false;
    });
    const stream = ['app.info', 'mediationCase.list', 'correctionStint.list', 'legalAidCase.list'];
    for (let index = 0; importing; index++) {
      const method = stream[index % stream.length]!;
      const start = performance.now();
      await must(method, method === 'app.info' ? {} : { limit: 50 });
      calls.push({ method, ms: performance.now() - start });
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const outcome = (await imported) as { ok: boolean; sheets: { rows: number }[] };
    if (!outcome.ok) throw new Error('响应测试的导入有问题');
    const importMs = performance.now() - started;
    const times = calls.map((call) => call.ms);
    const result = {
      importedRows: outcome.sheets.reduce((sum, sheet) => sum + sheet.rows, 0),
      importMs: round(importMs),
      calls: calls.length,
      medianMs: round(median(times), 1),
      p95Ms: round([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0, 1),
      maxMs: round(Math.max(...times), 1),
      slowerThan50Ms: times.filter((ms) => ms >= 50).length,
      byMethod: Object.fromEntries(
        stream.map((method) => {
          const of = calls.filter((call) => call.method === method).map((call) => call.ms);
          return [method, { calls: of.length, medianMs: round(median(of), 1), maxMs: round(Math.max(...of), 1) }];
        }),
      ),
    };
    return {
      ...result,
      target: `median < ${responsivenessTargets.medianMs} ms, max < ${responsivenessTargets.maxMs} ms`,
      met: result.medianMs < responsivenessTargets.medianMs && result.maxMs < responsivenessTargets.maxMs,
    };
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
