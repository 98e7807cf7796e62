// The benchmark's figures measured in Chromium (part of `npm run bench`, on the 100× database;
// alone: `npx tsx test/bench/browser-bench.ts <dbFile>` prints them as one JSON object):
//
//   listOpen  each register's list, opened by changing location.hash from 系统设置: ms from the
//             hash change until the list shows its total 「共 N 条」 and its first data row
//   search    a person's name that exists (picked by SQL) entered into the search box of 调解案件,
//             援助案件 and 矫正对象 as a Chinese input method commits it (one insertion, searched at
//             once): ms from that input event until the list shows that search's total and rows;
//             beside it, the name typed key by key: ms from the last keystroke, which includes the
//             search box's debounce (read from ListToolbar.tsx)
//   report    统计报表 for the whole middle year of the data: ms from the click on 「生成报表」
//             until the last figure (`[data-indicator-id]`) is shown, and until the page has
//             settled (上年同期 and 同比 added, monthly trend chart drawn, data-quality check shown)
//
// Each is the median of RUNS after WARM_UPS, timed inside the page with performance.now() and a
// MutationObserver, so Playwright's round trips are not counted; beside it, serverMs: the time the
// dispatcher spent on the calls the figure waited for (the rest is the browser's). The app is
// served as the clerk gets it: the built renderer through the loopback server, over the
// session, logged in as the bench's administrator, over an ENCRYPTED copy of the database — as
// the app holds it since setup encrypts — made once by setup's own conversion and kept beside it
// (`<name>.encrypted.sqlite` and its key file); without the daily backup (that would copy
// ~740 MB). The plain database is only read (counts, names to search): refused if it would need
// a migration (which backs up first); its size and mtime are checked.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { rendererOutDir, repoRoot } from '../../build/paths.ts';
import { ensureRendererBuilt } from '../../build/renderer-build.ts';
import { createAppSession } from '../../db/accounts/app-session.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import type { ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { keyFileOf } from '../../db/encryption/key-file.ts';
import { registers } from '../../db/registers/index.ts';
import type { RegisterName } from '../../db/registers/register.ts';
import { migrations } from '../../db/schema/migrations.ts';
import { startLoopbackServer } from '../../db/server/loopback-server.ts';
import { localDay } from '../../db/server/serve-app.ts';
import { REPORT, SETTINGS, registerRoutes } from '../../renderer/common/routes.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { log, median, round } from './measure.ts';

const WARM_UPS = 1;
const RUNS = 5;
/** Longest wait for one list, search or report before the run counts as failed. */
const TIMEOUT_MS = 120_000;
/** No API call in flight for this long: the page has done what it set out to do. */
const QUIET_MS = 150;

export const browserTargets = { listOpenMs: 300, searchMs: 200, reportMs: 1_000 } as const;

/** Registers searched, and the column holding the name of the person a clerk would look for. */
const searchedNames: readonly { register: RegisterName; table: string; column: string }[] = [
  { register: 'mediationCase', table: 'mediation_case', column: 'party_names' },
  { register: 'legalAidCase', table: 'legal_aid_case', column: 'recipient_name' },
  { register: 'correctionStint', table: 'correction_stint', column: 'name' },
];

const listToolbarFile = path.resolve(import.meta.dirname, '../../renderer/registers/common/ListToolbar.tsx');

export interface Timing {
  readonly medianMs: number;
  readonly runsMs: number[];
  /** Of that, the median time the dispatcher spent answering (the database's share; the rest is the browser's). */
  readonly serverMs: number;
}

/** One timed run: ms in the page, and ms spent in the dispatcher on the calls that figure waited for. */
interface Run {
  readonly ms: number;
  readonly serverMs: number;
}

export interface BrowserFigures {
  readonly chromium: string;
  /** The plain database measured; the app reads its encrypted copy. */
  readonly database: { readonly file: string; readonly encrypted: true; readonly records: number; readonly registers: Record<string, number> };
  readonly method: string;
  readonly warmUps: number;
  readonly runs: number;
  /** By the navbar's label (调解案件 …): the list's total and the time to show it. */
  readonly listOpen: Record<string, Timing & { readonly route: string; readonly total: number }>;
  readonly search: {
    readonly debounceMs: number;
    readonly byRegister: Record<
      string,
      Timing & { readonly text: string; readonly matches: number; readonly typedKeyByKey: Timing & { readonly minusDebounceMs: number } }
    >;
  };
  readonly report: {
    readonly period: { readonly from: string; readonly to: string };
    readonly indicators: number;
    readonly figuresShown: Timing;
    readonly settled: Timing;
  };
  readonly targets: {
    readonly listOpen: Target;
    readonly search: Target;
    readonly report: Target;
  };
  readonly totalSeconds: number;
}

interface Target {
  readonly target: string;
  /** The slowest register's median (lists, search) or the report's median. */
  readonly measured: number;
  readonly slowest?: string;
  readonly met: boolean;
}


/** Runs `measure` WARM_UPS times untimed, then RUNS times; the medians and each run, in whole ms. */
async function timing(measure: () => Promise<Run>): Promise<Timing> {
  for (let run = 0; run < WARM_UPS; run++) await measure();
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await measure());
  return {
    medianMs: round(median(runs.map((run) => run.ms))),
    runsMs: runs.map((run) => round(run.ms)),
    serverMs: round(median(runs.map((run) => run.serverMs))),
  };
}

interface AnsweredCall {
  readonly method: string;
  readonly input: unknown;
  readonly ms: number;
}

/** The dispatcher, keeping how long it took to answer each call until `answered()` hands them over. */
function timedDispatcher(call: ApiCall) {
  let calls: AnsweredCall[] = [];
  const timed: ApiCall = async (method, input) => {
    const start = performance.now();
    const result = await call(method, input);
    calls.push({ method, input, ms: performance.now() - start });
    return result;
  };
  return {
    call: timed,
    /** The calls answered since the last time. */
    answered(): AnsweredCall[] {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}

/** ms the dispatcher spent on the calls (those `counted` only); it answers one at a time, so this is its busy time. */
function busyMs(calls: readonly AnsweredCall[], counted: (call: AnsweredCall) => boolean = () => true): number {
  return calls.filter(counted).reduce((sum, answered) => sum + answered.ms, 0);
}

/** The report the page shows its figures from: report.run without 上年同期 (asked for next, to add 同比). */
const isFiguresReport = (answered: AnsweredCall) =>
  answered.method === 'report.run' && (answered.input as { compare?: boolean }).compare !== true;

// ---- in the page ----------------------------------------------------------------------------

interface Probe {
  /** Resolves once no API call has been in flight for `quietMs`. */
  settle(quietMs: number, timeoutMs: number): Promise<void>;
  /** Sets location.hash; ms until the register's heading shows `共 total 条` and a row (none when total is 0). */
  openList(hash: string, title: string, total: number, timeoutMs: number): Promise<number>;
  /** Starts watching for the list to show `total` for `text` in the search box (call before typing). */
  armSearch(title: string, text: string, total: number, timeoutMs: number): void;
  /** ms from the last input event in the search box until the armed search showed. */
  searchShown(): Promise<number>;
  /** Clicks 「生成报表」; ms until `indicators` figures are shown, and until the charts and quality check are too. */
  generateReport(indicators: number, timeoutMs: number): Promise<{ figuresMs: number; settledMs: number }>;
}

declare global {
  interface Window {
    benchProbe: Probe;
  }
}

/**
 * Installed into every document before the app's scripts (so it counts the app's fetches). It is
 * sent as source text: it must not use anything from this module.
 */
function installProbe(): void {
  let inFlight = 0;
  let quietSince = performance.now();
  const appFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    inFlight++;
    return appFetch(input, init).finally(() => {
      if (--inFlight === 0) quietSince = performance.now();
    });
  };

  let lastSearchInput = 0;
  document.addEventListener(
    'input',
    (event) => {
      if ((event.target as HTMLElement).getAttribute('aria-label') === '搜索') lastSearchInput = performance.now();
    },
    true,
  );

  /** performance.now() at the first DOM change after which `shown()` holds. */
  const whenShown = (shown: () => boolean, what: string, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      if (shown()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        const at = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(at);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`${timeoutMs} ms 内未显示：${what}`));
      }, timeoutMs);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });

  /** The register page titled `title` shows `共 total 条` and, unless empty, its first data row. */
  const listShows = (title: string, total: number) => {
    const heading = document.querySelector('main h2');
    if (heading?.textContent !== title) return false;
    const shownTotal = /^共 ([\d,]+) 条$/.exec(heading.nextElementSibling?.textContent?.trim() ?? '');
    if (!shownTotal || Number(shownTotal[1]!.replace(/,/g, '')) !== total) return false;
    return total === 0 || document.querySelector('main table tbody tr td') !== null;
  };

  let armed: Promise<number> | null = null;

  window.benchProbe = {
    settle: (quietMs, timeoutMs) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const poll = setInterval(() => {
          if (inFlight === 0 && performance.now() - quietSince >= quietMs) {
            clearInterval(poll);
            resolve();
          } else if (performance.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`${timeoutMs} ms 内仍有接口调用未返回`));
          }
        }, 10);
      }),

    openList: async (hash, title, total, timeoutMs) => {
      const shown = whenShown(() => listShows(title, total), `${title}列表`, timeoutMs);
      const start = performance.now();
      window.location.hash = hash;
      return (await shown) - start;
    },

    armSearch: (title, text, total, timeoutMs) => {
      const box = document.querySelector<HTMLInputElement>('input[aria-label="搜索"]');
      armed = whenShown(() => box?.value === text && listShows(title, total), `搜索「${text}」的结果`, timeoutMs);
    },

    searchShown: async () => {
      if (!armed) throw new Error('先调用 armSearch');
      const at = await armed;
      armed = null;
      return at - lastSearchInput;
    },

    generateReport: async (indicators, timeoutMs) => {
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === '生成报表');
      if (!button) throw new Error('页面上没有「生成报表」按钮');
      const figures = whenShown(() => document.querySelectorAll('[data-indicator-id]').length === indicators, '全部指标', timeoutMs);
      const settled = whenShown(
        () =>
          document.querySelector('[data-testid=report-charts] .recharts-line') !== null &&
          document.querySelector('[data-testid=quality-ok], [data-testid=quality-warnings]') !== null &&
          !document.querySelector('[data-testid=generated-at]')?.textContent?.includes('计算中'),
        '月度趋势图、数据质量检查和上年同期',
        timeoutMs,
      );
      const start = performance.now();
      button.click();
      return { figuresMs: (await figures) - start, settledMs: (await settled) - start };
    },
  };
}

/** tsx compiles named functions with esbuild's `__name(…)` wrapper: the page needs it too. */
const probeScript = `var __name = (target) => target;\n(${installProbe.toString()})();`;

// ---- the app, the database, the figures -----------------------------------------------------

/** The search box hands on what is typed after this many ms (useDebouncedValue in ListToolbar.tsx). */
function searchDebounceMs(): number {
  const match = /useDebouncedValue\(typed, (\d+)\)/.exec(fs.readFileSync(listToolbarFile, 'utf8'));
  if (!match) throw new Error(`在 ${listToolbarFile} 中找不到搜索框的防抖时间（useDebouncedValue(typed, …)）`);
  return Number(match[1]);
}

/** Opens the bench database as the app does, but refuses one that would be migrated (a migration backs up first). */
function openBenchDatabase(dbFile: string): RegisterDatabase {
  if (!fs.existsSync(dbFile)) throw new Error(`数据库文件「${dbFile}」不存在（先运行 npm run bench 建好 100× 的库）`);
  const peek = new Database(dbFile, { readonly: true, fileMustExist: true });
  const version = peek.pragma('user_version', { simple: true }) as number;
  peek.close();
  if (version !== migrations.length) {
    throw new Error(`数据库「${dbFile}」的结构版本是 ${version}，不是当前的 ${migrations.length}：请用 npm run bench 重建`);
  }
  return openDatabase(dbFile, { create: false });
}

/** The bench's administrator of the encrypted copy. */
const BENCH_ADMIN = { username: 'bench', displayName: '基准测试', password: 'Bench2025copy' } as const;

function expectOk(method: string, result: ApiResult): void {
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
}

/**
 * The encrypted copy of a plain bench database, made once (by setup's conversion, in a folder of
 * its own whose plain pre-encryption backup is then dropped) and reused while it is there.
 */
async function encryptedCopyOf(dbFile: string): Promise<string> {
  const encrypted = dbFile.replace(/\.sqlite$/, '.encrypted.sqlite');
  if (fs.existsSync(encrypted) && fs.existsSync(keyFileOf(encrypted))) return encrypted;
  log(`加密一份 ${path.basename(dbFile)}（只做一次，保存在旁边）`);
  const work = path.join(path.dirname(dbFile), '.encrypting');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work);
  try {
    const copy = path.join(work, 'sftz.sqlite');
    fs.copyFileSync(dbFile, copy);
    const session = createAppSession({ dbFile: copy, today: () => localDay() });
    try {
      expectOk('session.setup', await session.call('session.setup', { bureauName: '基准测试县司法局', ...BENCH_ADMIN }));
    } finally {
      session.close();
    }
    fs.renameSync(keyFileOf(copy), keyFileOf(encrypted));
    fs.renameSync(copy, encrypted);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return encrypted;
}

function fileStamp(file: string): string {
  const stat = fs.statSync(file);
  return `${stat.size}:${stat.mtimeMs}`;
}

async function listTotal(call: ApiCall, register: RegisterName, search: string | null = null): Promise<number> {
  const result = await call(`${register}.list`, { search, offset: 0, limit: 1 });
  if (!result.ok) throw new Error(`${register}.list：${result.error.message}`);
  return (result.value as { total: number }).total;
}

/** A person's name from the middle of the register (its first name when the column lists several). */
function nameToSearch(db: RegisterDatabase, table: string, column: string): string {
  const { value } = db
    .prepare(
      `SELECT ${column} AS value FROM ${table} WHERE deleted_at IS NULL AND ${column} <> ''
       ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM ${table} WHERE deleted_at IS NULL)`,
    )
    .get() as { value: string };
  return value.split('、')[0]!.trim();
}

/** The middle calendar year of the cases received (人民调解), as a whole-year period. */
function middleYear(db: RegisterDatabase): { from: string; to: string } {
  const { first, last } = db
    .prepare(
      `SELECT min(substr(received_on, 1, 4)) AS first, max(substr(received_on, 1, 4)) AS last
       FROM mediation_case WHERE deleted_at IS NULL`,
    )
    .get() as { first: string; last: string };
  const year = Math.floor((Number(first) + Number(last)) / 2);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function registerCounts(db: RegisterDatabase): Record<string, number> {
  return Object.fromEntries(
    registers.map((register) => [register.title, (db.prepare(`SELECT count(*) AS n FROM ${register.table}`).get() as { n: number }).n]),
  );
}

/** One figure of each register, by its label. */
function byLabel<T>(figures: Record<string, T>, figure: (timed: T) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([label, timed]) => [label, figure(timed)]));
}

function targetOf(limitMs: number, medians: Record<string, number>): Target {
  const [slowest, measured] = Object.entries(medians).reduce((worst, entry) => (entry[1] > worst[1] ? entry : worst));
  return { target: `< ${limitMs} ms`, measured, slowest, met: measured < limitMs };
}

/** Waits until the page's API calls are answered. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(([quietMs, timeoutMs]) => window.benchProbe.settle(quietMs, timeoutMs), [QUIET_MS, TIMEOUT_MS] as const);
}

/** Goes to `hash` and waits until the page's API calls are answered. */
async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
  await settle(page);
}

export async function measureInChromium(dbFile: string): Promise<BrowserFigures> {
  const started = performance.now();
  const stampBefore = fileStamp(dbFile);
  await ensureRendererBuilt(log);
  const db = openBenchDatabase(dbFile);
  const session = createAppSession({ dbFile: await encryptedCopyOf(dbFile), today: () => localDay(), dailyBackup: false });
  expectOk('session.login', await session.call('session.login', BENCH_ADMIN));
  const dispatcher = timedDispatcher(session.call);
  const { call } = dispatcher;
  const server = await startLoopbackServer({ call, staticDir: rendererOutDir });
  const browser = await launchBrowser();
  try {
    const counts = registerCounts(db);
    const records = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const titleOf = (name: RegisterName) => registers.find((register) => register.name === name)!.title;
    const labelOf = (name: RegisterName) => registerRoutes.find((route) => route.register === name)!.label;

    const page = await newPage(browser, 'about:blank');
    await page.context().addInitScript({ content: probeScript });
    await page.goto(server.url);
    await settle(page);
    await goTo(page, `#${SETTINGS}`);

    log(`Chromium：打开各登记簿列表（${records} 条记录，每个 ${WARM_UPS} 次预热 + ${RUNS} 次）`);
    const listOpen: BrowserFigures['listOpen'] = {};
    for (const route of registerRoutes) {
      const total = await listTotal(call, route.register);
      const title = titleOf(route.register);
      const opened = await timing(async () => {
        await goTo(page, `#${SETTINGS}`);
        dispatcher.answered();
        const ms = await page.evaluate(
          ([hash, shownTitle, shownTotal, timeoutMs]) => window.benchProbe.openList(hash, shownTitle, shownTotal, timeoutMs),
          [`#${route.path}`, title, total, TIMEOUT_MS] as const,
        );
        await settle(page);
        return { ms, serverMs: busyMs(dispatcher.answered()) };
      });
      listOpen[route.label] = { route: `#${route.path}`, total, ...opened };
      log(`  ${route.label}（共 ${total} 条）：${opened.medianMs} ms`);
    }

    const debounceMs = searchDebounceMs();
    log(`Chromium：在列表中搜索人名（搜索框防抖 ${debounceMs} ms）`);
    const byRegister: BrowserFigures['search']['byRegister'] = {};
    for (const { register, table, column } of searchedNames) {
      const text = nameToSearch(db, table, column);
      const matches = await listTotal(call, register, text);
      const title = titleOf(register);
      const routePath = registerRoutes.find((route) => route.register === register)!.path;
      const searchFor = (enter: () => Promise<void>) =>
        timing(async () => {
          await goTo(page, `#${SETTINGS}`);
          await goTo(page, `#${routePath}`);
          await page.evaluate(
            ([shownTitle, typed, total, timeoutMs]) => window.benchProbe.armSearch(shownTitle, typed, total, timeoutMs),
            [title, text, matches, TIMEOUT_MS] as const,
          );
          await page.getByRole('textbox', { name: '搜索' }).focus();
          dispatcher.answered();
          await enter();
          const ms = await page.evaluate(() => window.benchProbe.searchShown());
          await settle(page);
          return { ms, serverMs: busyMs(dispatcher.answered()) };
        });
      const committed = await searchFor(() => page.keyboard.insertText(text));
      const keyByKey = await searchFor(() => page.keyboard.type(text));
      byRegister[labelOf(register)] = {
        text,
        matches,
        ...committed,
        typedKeyByKey: { ...keyByKey, minusDebounceMs: keyByKey.medianMs - debounceMs },
      };
      log(
        `  ${labelOf(register)}「${text}」（${matches} 条）：输入法上屏后 ${committed.medianMs} ms；` +
          `逐键输入 ${keyByKey.medianMs} ms（含防抖 ${debounceMs} ms）`,
      );
    }

    const period = middleYear(db);
    const labels = await call('report.indicators');
    if (!labels.ok) throw new Error(`report.indicators：${labels.error.message}`);
    const indicators = (labels.value as unknown[]).length;
    log(`Chromium：统计报表 ${period.from} 至 ${period.to}（${indicators} 项指标）`);
    const settledRuns: Run[] = [];
    const info = await call('app.info');
    expectOk('app.info', info);
    const { bureauName } = (info as { value: { bureauName: string } }).value;
    const figuresShown = await timing(async () => {
      // A write before each run (the bureau name saved unchanged), so the engine counts the
      // figures afresh instead of giving back those it kept from the run before.
      expectOk('settings.update', await call('settings.update', { bureauName }));
      await goTo(page, `#${SETTINGS}`);
      await goTo(page, `#${REPORT}`);
      // 全年 is the page's preset: choosing the year is enough.
      await page.locator('select[aria-label="年度"]').selectOption(period.from.slice(0, 4));
      const shownPeriod = await page.getByTestId('period').innerText();
      if (!shownPeriod.includes(period.from) || !shownPeriod.includes(period.to)) {
        throw new Error(`报表期间不是 ${period.from} 至 ${period.to}：「${shownPeriod}」`);
      }
      dispatcher.answered();
      const { figuresMs, settledMs } = await page.evaluate(
        ([count, timeoutMs]) => window.benchProbe.generateReport(count, timeoutMs),
        [indicators, TIMEOUT_MS] as const,
      );
      await settle(page);
      const calls = dispatcher.answered();
      settledRuns.push({ ms: settledMs, serverMs: busyMs(calls) });
      return { ms: figuresMs, serverMs: busyMs(calls, isFiguresReport) };
    });
    const settledTimed = settledRuns.slice(WARM_UPS);
    const settled: Timing = {
      medianMs: round(median(settledTimed.map((run) => run.ms))),
      runsMs: settledTimed.map((run) => round(run.ms)),
      serverMs: round(median(settledTimed.map((run) => run.serverMs))),
    };
    log(`  全部指标显示：${figuresShown.medianMs} ms；同比、趋势图与质量检查显示：${settled.medianMs} ms`);

    return {
      chromium: browser.version(),
      database: { file: path.relative(repoRoot, dbFile), encrypted: true, records, registers: counts },
      method:
        'in-page performance.now() + MutationObserver; lists opened by setting location.hash from #/settings, ' +
        'until 「共 N 条」 and the first row; search from the input event that entered the name (as an input method ' +
        'commits it; key by key: the last keystroke) in the search box; ' +
        'report from the click on 「生成报表」 until every [data-indicator-id] row',
      warmUps: WARM_UPS,
      runs: RUNS,
      listOpen,
      search: { debounceMs, byRegister },
      report: { period, indicators, figuresShown, settled },
      targets: {
        listOpen: targetOf(browserTargets.listOpenMs, byLabel(listOpen, (opened) => opened.medianMs)),
        search: targetOf(browserTargets.searchMs, byLabel(byRegister, (searched) => searched.medianMs)),
        report: targetOf(browserTargets.reportMs, { 统计报表: figuresShown.medianMs }),
      },
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await browser.close();
    await server.close();
    session.close();
    db.close();
    if (fileStamp(dbFile) !== stampBefore) log(`注意：${dbFile} 的大小或修改时间变了`);
  }
}

// ---- alone: npx tsx test/bench/browser-bench.ts <dbFile> -------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dbFile = process.argv[2];
  if (!dbFile) {
    process.stderr.write('用法：npx tsx test/bench/browser-bench.ts <数据库文件>\n');
    process.exitCode = 2;
  } else {
    measureInChromium(path.resolve(dbFile))
      .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
      .catch((error: unknown) => {
        log(`失败：${(error as Error).stack ?? String(error)}`);
        process.exitCode = 1;
      });
  }
}
