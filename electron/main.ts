// The Electron main process: one window onto the renderer (served from app://sftz/), the
// session over the register database in the user's data folder (accounts, encryption, the
// dispatcher for whoever logs in: db/accounts/app-session.ts) in a worker thread of its own
// (db/worker/session-thread.ts, so the window's IPC keeps answering), and one IPC channel to it. Thin by
// design — every rule lives in db/; here are only the window, its menu, native dialogs and the
// security fences (sandbox, CSP, no navigation, no new windows, no permissions, one instance).
// Bundled as CommonJS (dist/electron/main.cjs) by build/electron-build.ts, so __dirname is
// dist/electron both in a checkout and inside app.asar.

import { BrowserWindow, Menu, app, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../db/api/contract.ts';
import { DATABASE_FILE_NAME, PRODUCT_NAME, localDay } from '../db/server/serve-app.ts';
import { startSessionThread } from '../db/worker/session-client.ts';
import type { SessionInterface } from '../db/worker/session-interface.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { CALL_CHANNEL, MENU_CHANNEL, type MenuCommand } from './channels.ts';
import { callDesktopMethod, isDesktopMethod, printToPdf } from './desktop-methods.ts';
import { menuTemplate } from './menu.ts';
import { APP_ORIGIN, START_URL, createMainWindow } from './window-options.ts';

/** package.json's version, put in by the bundler (app.getVersion() is Electron's own when run from a checkout). */
declare const APP_VERSION: string;

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadFile = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let appSession: SessionInterface | null = null;

// Named before anything asks for a path, so userData is …/司法台账 whether started from a
// checkout (`npm start`) or installed.
app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void appSession?.close();
    appSession = null;
  });
  app.whenReady().then(start).catch(fail);
}

function start(): void {
  const dbFile = path.join(app.getPath('userData'), DATABASE_FILE_NAME);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const opened = startSessionThread({ dbFile, today: () => localDay() });
  appSession = opened;

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  handleAppProtocol(rendererDir);
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => answer(opened, event, method, input));

  mainWindow = createMainWindow(preloadFile);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          importLedgers: () => sendMenuCommand('importLedgers'),
          exportReport: () => sendMenuCommand('exportReport'),
          printToPdf: () => void printCurrentPage(),
          showAbout: () => void showAbout(),
        },
        { developerTools: !app.isPackaged },
      ),
    ),
  );
  void mainWindow.loadURL(START_URL);
}

/** The one IPC entry: desktop-only methods here (for a logged-in user), everything else to the session. */
async function answer(opened: SessionInterface, event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResult> {
  const fromOurPage =
    mainWindow !== null && event.sender === mainWindow.webContents && event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`);
  if (!fromOurPage || typeof method !== 'string') {
    return { ok: false, error: { kind: 'bad_request', message: '拒绝了来源不明的请求' } };
  }
  if (isDesktopMethod(method)) {
    if (!(await opened.isOpen())) return { ok: false, error: { kind: 'unauthorized', message: '请先登录' } };
    return callDesktopMethod(mainWindow!, method, input);
  }
  return opened.call(method, input);
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_CHANNEL, command);
}

async function printCurrentPage(): Promise<void> {
  if (!mainWindow) return;
  try {
    await printToPdf(mainWindow, `司法台账-${localDay()}.pdf`, false);
  } catch (error) {
    dialog.showErrorBox('未能生成 PDF', (error as Error).message);
  }
}

async function showAbout(): Promise<void> {
  if (!mainWindow) return;
  await dialog.showMessageBox(mainWindow, {
    type: 'info',
    title: '关于司法台账',
    message: `司法台账 ${APP_VERSION}`,
    detail: `县区司法局人民调解、法律援助、社区矫正台账与年度报告。\n数据保存在本机：${path.join(app.getPath('userData'), DATABASE_FILE_NAME)}`,
    buttons: ['确定'],
  });
}

function fail(error: unknown): void {
  dialog.showErrorBox('司法台账无法启动', `程序启动失败：${(error as Error)?.message ?? String(error)}`);
  app.exit(1);
}
