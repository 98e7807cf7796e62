// desktop.chooseLedgerFiles without Electron: the `electron` module is replaced by a stand-in
// whose open dialog answers the files a test chose, and node:fs/promises is watched so a test
// can tell that an oversized ledger is refused before any chosen file is read.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { callDesktopMethod } from '../../electron/desktop-methods.ts';

const dialogAnswer = vi.hoisted(() => ({ canceled: false, filePaths: [] as string[] }));

vi.mock('electron', () => ({
  app: { getPath: () => os.tmpdir() },
  dialog: { showOpenDialog: async () => dialogAnswer },
  BrowserWindow: class {},
}));

const readFile = vi.hoisted(() => ({ calls: [] as unknown[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const watchedReadFile = (...args: Parameters<typeof actual.readFile>) => {
    readFile.calls.push(args[0]);
    return actual.readFile(...args);
  };
  return { ...actual, default: { ...actual, readFile: watchedReadFile }, readFile: watchedReadFile };
});

const MB = 1024 * 1024;
let folder: string;
let smallLedger: string;

/** A sparse file of `bytes`: as large as the dialog sees it, without using the disk. */
function fileOfSize(name: string, bytes: number): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, bytes);
  return file;
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-desktop-'));
  smallLedger = path.join(folder, '调解台账.csv');
  fs.writeFileSync(smallLedger, '案件编号,当事人\n');
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

beforeEach(() => {
  readFile.calls.length = 0;
  dialogAnswer.canceled = false;
});

const chooseLedgerFiles = () => callDesktopMethod({} as BrowserWindow, 'desktop.chooseLedgerFiles', {});

describe('desktop.chooseLedgerFiles', () => {
  test('answers the chosen files, base64-encoded', async () => {
    dialogAnswer.filePaths = [smallLedger];
    expect(await chooseLedgerFiles()).toEqual({
      ok: true,
      value: [{ name: '调解台账.csv', content: Buffer.from('案件编号,当事人\n').toString('base64') }],
    });
    expect(readFile.calls).toEqual([smallLedger]);
  });

  test('answers no files when the clerk cancels', async () => {
    dialogAnswer.canceled = true;
    dialogAnswer.filePaths = [];
    expect(await chooseLedgerFiles()).toEqual({ ok: true, value: [] });
  });

  test('refuses a file over 50 MB by name and size, before reading any chosen file', async () => {
    dialogAnswer.filePaths = [smallLedger, fileOfSize('全年台账.csv', 60 * MB)];
    expect(await chooseLedgerFiles()).toEqual({
      ok: false,
      error: { kind: 'bad_request', message: '文件「全年台账.csv」过大（60MB），单个台账文件不能超过50MB，请分开导入' },
    });
    expect(readFile.calls).toEqual([]);
  });

  test('names every oversized file', async () => {
    dialogAnswer.filePaths = [fileOfSize('甲.xlsx', 51 * MB), fileOfSize('乙.csv', 120 * MB)];
    const result = await chooseLedgerFiles();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      '文件「甲.xlsx」过大（51MB），单个台账文件不能超过50MB，请分开导入；文件「乙.csv」过大（120MB），单个台账文件不能超过50MB，请分开导入',
    );
    expect(readFile.calls).toEqual([]);
  });

  test('takes a file of exactly 50 MB', async () => {
    dialogAnswer.filePaths = [fileOfSize('刚好.csv', 50 * MB)];
    const result = await chooseLedgerFiles();
    const files = result.ok ? (result.value as { name: string; content: string }[]) : [];
    // base64 takes 4 characters for every 3 bytes, the last group padded.
    expect(files.map((file) => [file.name, file.content.length])).toEqual([['刚好.csv', 4 * Math.ceil((50 * MB) / 3)]]);
  });
});
