// `cli export --db FILE.sqlite --from … --to … [--office 名称] [--xlsx OUT.xlsx] [--docx OUT.docx]`:
// report.exportXlsx / report.exportDocx, each file written whole or not at all.

import path from 'node:path';
import { writeFileAtomically } from '../export/write-file.ts';
import { UsageError, noPositionals, text, type CliCommand } from './command.ts';
import { officeIdByName } from './offices.ts';

export const exportCommand: CliCommand = {
  usage: 'export --db 数据库.sqlite --from YYYY-MM-DD --to YYYY-MM-DD [--office 单位名称] [--xlsx 统计表.xlsx] [--docx 报告.docx]',
  options: { from: { type: 'string' }, to: { type: 'string' }, office: { type: 'string' }, xlsx: { type: 'string' }, docx: { type: 'string' } },
  method: 'report.exportXlsx',
  check: (args) => {
    noPositionals(args);
    const [xlsx, docx] = [text(args, 'xlsx'), text(args, 'docx')];
    if (!text(args, 'from') || !text(args, 'to')) throw new UsageError('缺少 --from 或 --to');
    if (!xlsx && !docx) throw new UsageError('缺少 --xlsx 或 --docx：至少指定一个导出文件');
    if (xlsx && docx && path.resolve(xlsx) === path.resolve(docx)) throw new UsageError('--xlsx 与 --docx 不能是同一个文件');
  },
  run: async (transport, args) => {
    const office = text(args, 'office');
    const scope = { from: text(args, 'from'), to: text(args, 'to'), officeId: office ? await officeIdByName(transport, office) : null };
    const outputs = [
      { file: text(args, 'xlsx'), what: 'Excel 统计表', method: 'report.exportXlsx' },
      { file: text(args, 'docx'), what: 'Word 报告初稿', method: 'report.exportDocx' },
    ].filter((output) => output.file !== undefined);
    const built = [];
    for (const output of outputs) built.push({ ...output, content: (await transport.call<{ content: string }>(output.method, scope)).content });
    for (const output of built) {
      writeFileAtomically(output.file!, Buffer.from(output.content, 'base64'));
      console.log(`已导出 ${output.what}：${path.resolve(output.file!)}`);
    }
    return 0;
  },
};
