// The API methods only the desktop app has, answered in the main process because they need
// native dialogs: choosing ledger files to import, saving an exported file, and printing the
// current page to PDF. Same shape as the dispatcher's methods (input checked with zod, answer
// an ApiResult, never a throw). The renderer calls them only when `window.sftz` exists; in a
// browser it uses a file input and a download instead. Nothing here touches the database.
// Chosen ledgers are measured before any is read: the renderer carries them to the import as
// base64 in memory, so one over TRANSFER_LIMIT_MB is refused with its name and size (the import
// itself streams files of any size: the command line takes them by path).

import { BrowserWindow, app, dialog, type FileFilter } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { desktopMethods as declarations, type ApiResult, type Base64File, type DesktopMethodName, type MethodOutput } from '../db/api/contract.ts';
import { UserError } from '../db/errors.ts';

/** Wraps a desktop action as an API method: parse the input with the contract's schema, run, answer an ApiResult. */
function desktopMethod<Input extends z.ZodType>(input: Input, run: (window: BrowserWindow, input: z.infer<Input>) => Promise<unknown>) {
  return async (window: BrowserWindow, raw: unknown): Promise<ApiResult> => {
    const parsed = input.safeParse(raw ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；');
      return { ok: false, error: { kind: 'bad_request', message: `请求参数有误：${problems}` } };
    }
    try {
      return { ok: true, value: await run(window, parsed.data) };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, error: { kind: error.kind, message: error.message } };
      return { ok: false, error: { kind: 'internal', message: `文件操作失败：${(error as Error).message}` } };
    }
  };
}

const desktopMethods: { readonly [M in DesktopMethodName]: (window: BrowserWindow, raw: unknown) => Promise<ApiResult> } = {
  'desktop.chooseLedgerFiles': desktopMethod(
    declarations['desktop.chooseLedgerFiles'].input,
    (window): Promise<MethodOutput<'desktop.chooseLedgerFiles'>> => chooseLedgerFiles(window),
  ),
  'desktop.saveFile': desktopMethod(
    declarations['desktop.saveFile'].input,
    (window, { suggestedName, content }): Promise<MethodOutput<'desktop.saveFile'>> =>
      saveWithDialog(window, suggestedName, Buffer.from(content, 'base64')),
  ),
  'desktop.printToPdf': desktopMethod(
    declarations['desktop.printToPdf'].input,
    (window, { suggestedName, landscape }): Promise<MethodOutput<'desktop.printToPdf'>> =>
      printToPdf(window, suggestedName ?? '司法台账.pdf', landscape ?? false),
  ),
};

export function isDesktopMethod(method: string): method is DesktopMethodName {
  return Object.hasOwn(desktopMethods, method);
}

export function callDesktopMethod(window: BrowserWindow, method: DesktopMethodName, input: unknown): Promise<ApiResult> {
  return desktopMethods[method](window, input);
}

/** The largest ledger the window carries to the import in memory, in MB. */
const TRANSFER_LIMIT_MB = 50;

function ledgerSizeProblem(file: string, bytes: number): string | null {
  if (bytes <= TRANSFER_LIMIT_MB * 1024 * 1024) return null;
  const mb = bytes / (1024 * 1024);
  const shown = mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
  return `文件「${path.basename(file)}」过大（${shown}MB），单个台账文件不能超过${TRANSFER_LIMIT_MB}MB，请分开导入`;
}

async function chooseLedgerFiles(window: BrowserWindow): Promise<Base64File[]> {
  const chosen = await dialog.showOpenDialog(window, {
    title: '选择要导入的台账',
    defaultPath: app.getPath('documents'),
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: '台账（Excel 或 CSV）', extensions: ['xlsx', 'csv'] }],
  });
  if (chosen.canceled) return [];
  const sizes = await Promise.all(chosen.filePaths.map(async (file) => (await fs.stat(file)).size));
  const tooLarge = chosen.filePaths.map((file, index) => ledgerSizeProblem(file, sizes[index]!)).filter((problem) => problem !== null);
  if (tooLarge.length > 0) throw new UserError(tooLarge.join('；'));
  return Promise.all(
    chosen.filePaths.map(async (file) => ({ name: path.basename(file), content: (await fs.readFile(file)).toString('base64') })),
  );
}

export async function printToPdf(window: BrowserWindow, suggestedName: string, landscape: boolean): Promise<string | null> {
  const pdf = await window.webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true });
  return saveWithDialog(window, suggestedName, Buffer.from(pdf));
}

async function saveWithDialog(window: BrowserWindow, suggestedName: string, content: Buffer): Promise<string | null> {
  const name = path.basename(suggestedName);
  const chosen = await dialog.showSaveDialog(window, {
    title: '保存文件',
    defaultPath: path.join(app.getPath('documents'), name),
    filters: filtersFor(name),
  });
  if (chosen.canceled || !chosen.filePath) return null;
  await fs.writeFile(chosen.filePath, content);
  return chosen.filePath;
}

const FILE_KINDS: Readonly<Record<string, string>> = {
  '.xlsx': 'Excel 工作簿',
  '.docx': 'Word 文档',
  '.pdf': 'PDF 文件',
  '.csv': 'CSV 文件',
};

function filtersFor(name: string): FileFilter[] {
  const extension = path.extname(name).toLowerCase();
  const kind = FILE_KINDS[extension];
  return kind ? [{ name: kind, extensions: [extension.slice(1)] }] : [];
}
