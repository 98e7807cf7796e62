// `cli report --db FILE.sqlite --from … --to … [--office 名称] [--compare] --format json|table [--timing]`:
// report.run, printed as the CLI contract's JSON object or as a table; --timing prints on stderr
// how long the figures took inside the process (ms).

import type { Report } from '../report/engine.ts';
import { UsageError, noPositionals, text, type CliCommand } from './command.ts';
import { officeIdByName } from './offices.ts';

interface IndicatorLabel {
  readonly id: string;
  readonly label: string;
  readonly register: string;
}

export const reportCommand: CliCommand = {
  usage: 'report --db 数据库.sqlite --from YYYY-MM-DD --to YYYY-MM-DD [--office 单位名称] [--compare] --format json|table [--timing]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    office: { type: 'string' },
    compare: { type: 'boolean', default: false },
    format: { type: 'string', default: 'json' },
    timing: { type: 'boolean', default: false },
  },
  method: 'report.run',
  check: (args) => {
    noPositionals(args);
    if (!text(args, 'from') || !text(args, 'to')) throw new UsageError('缺少 --from 或 --to');
    const format = text(args, 'format');
    if (format !== 'json' && format !== 'table') throw new UsageError('--format 只能是 json 或 table');
  },
  run: async (transport, args) => {
    const office = text(args, 'office');
    const officeId = office ? await officeIdByName(transport, office) : null;
    const started = performance.now();
    const report = await transport.call<Report>('report.run', {
      from: text(args, 'from'),
      to: text(args, 'to'),
      officeId,
      compare: args.values.compare === true,
    });
    if (args.values.timing === true) console.error(`统计耗时：${(performance.now() - started).toFixed(1)} ms`);
    if (text(args, 'format') === 'json') console.log(JSON.stringify(reportJson(report)));
    else {
      const dataAsOf = await transport.call<{ text: string }[]>('exchange.dataAsOf', { to: report.to });
      console.log(reportTable(await transport.call<IndicatorLabel[]>('report.indicators'), report, dataAsOf));
    }
    return 0;
  },
};

/** Exactly the object of the CLI contract. */
function reportJson(report: Report) {
  return {
    from: report.from,
    to: report.to,
    office: report.office,
    generatedAt: report.generatedAt,
    indicators: report.indicators,
    ...(report.previous ? { previous: report.previous, change: report.change } : {}),
  };
}

/** Columns in a terminal: a CJK character takes two cells. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const shown = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('zh-CN'));

/** The figures as a table, under each joined office's 数据截至 (数据交换). */
function reportTable(definitions: readonly IndicatorLabel[], report: Report, dataAsOf: readonly { text: string }[]): string {
  const header = ['指标', '数值', ...(report.previous ? ['上年同期', '同比(%)'] : [])];
  const body = definitions.map((definition) => [
    definition.label,
    shown(report.indicators[definition.id]),
    ...(report.previous ? [shown(report.previous[definition.id]), shown(report.change?.[definition.id])] : []),
  ]);
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...body.map((row) => displayWidth(row[column]!))));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!))).join('  ');
  const title = `${report.office ?? '全局'} ${report.from} 至 ${report.to} 统计（生成于 ${report.generatedAt}）`;
  const lines = [title, ...dataAsOf.map((office) => office.text), line(header)];
  let group = '';
  definitions.forEach((definition, index) => {
    if (definition.register !== group) {
      group = definition.register;
      lines.push('', `【${group}】`);
    }
    lines.push(line(body[index]!));
  });
  const identity = report.checks.correctionIdentity;
  lines.push('', `社区矫正平衡校验：列管 ${identity.managed} = 期初 + 接收 ${identity.activeStartPlusReceived} = 在册 + 解除 + 终止 + 迁出 ${identity.activeEndPlusExits}，${identity.ok ? '相符' : '不相符，请核查数据'}`);
  return lines.join('\n');
}
