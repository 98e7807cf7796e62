// The bundled main process (dist/electron/main.cjs as build/electron-build.ts makes it), run in
// Node against a stand-in for the `electron` module, since the Electron binary cannot run here.
// Checks the wiring main.ts is responsible for: scheme registered before ready, one instance,
// the encrypted database in the user's data folder after setup, the window options, navigation,
// new windows and permissions denied, app:// guarded, and the one IPC channel routed — foreign
// senders refused, desktop methods answered with native dialogs once someone is logged in, the
// rest by the session.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import { buildElectron } from '../../build/electron-build.ts';
import { repoRoot } from '../../build/paths.ts';
import { CONTENT_SECURITY_POLICY } from '../../db/server/static-files.ts';

type Listener = (...args: unknown[]) => unknown;

/** What the stand-in `electron` module saw. */
const seen = {
  ready: false,
  schemesRegisteredBeforeReady: false,
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  appListeners: new Map<string, Listener>(),
  paths: new Map<string, string>(),
  name: '',
  windows: [] as FakeWindow[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Listener>(),
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  menu: null as unknown,
  errorBoxes: [] as string[],
  saveDialogs: [] as { defaultPath?: string }[],
};

class FakeWebContents {
  readonly listeners = new Map<string, Listener>();
  readonly sent: unknown[][] = [];
  windowOpenHandler: Listener | null = null;
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

class FakeWindow {
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  focused = 0;
  constructor(readonly options: unknown) {
    seen.windows.push(this);
  }
  once() {}
  on() {}
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  focus() {
    this.focused++;
  }
}

let root: string;
let outDir: string;
let chosenFile: string;
let savedFile: string;
let resolveReady: () => void;

const fakeElectron = {
  app: {
    setName: (name: string) => (seen.name = name),
    getPath: (name: string) => seen.paths.get(name)!,
    setPath: (name: string, value: string) => seen.paths.set(name, value),
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Listener) => seen.appListeners.set(event, listener),
    whenReady: () => new Promise<void>((resolve) => (resolveReady = resolve)),
    isPackaged: false,
    quit: () => {},
    exit: () => {},
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: typeof seen.privilegedSchemes) => {
      seen.schemesRegisteredBeforeReady = !seen.ready;
      seen.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => seen.protocolHandlers.set(scheme, handler),
  },
  ipcMain: { handle: (channel: string, handler: Listener) => seen.ipcHandlers.set(channel, handler) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (seen.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (seen.permissionCheck = handler),
    },
  },
  BrowserWindow: FakeWindow,
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (seen.menu = menu) },
  dialog: {
    showErrorBox: (_title: string, message: string) => seen.errorBoxes.push(message),
    showOpenDialog: async () => ({ canceled: false, filePaths: [chosenFile] }),
    showSaveDialog: async (_window: unknown, options: { defaultPath?: string }) => {
      seen.saveDialogs.push(options);
      return { canceled: false, filePath: savedFile };
    },
    showMessageBox: async () => ({ response: 0 }),
  },
};

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-main-'));
  // Inside the checkout, so main.cjs finds better-sqlite3 and zod in node_modules as it will in app.asar.
  outDir = fs.mkdtempSync(path.join(repoRoot, 'dist', 'test-main-'));
  const bundle = await buildElectron(path.join(outDir, 'electron'));
  fs.mkdirSync(path.join(outDir, 'renderer'));
  fs.writeFileSync(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><title>司法台账</title>');
  fs.writeFileSync(path.join(outDir, 'secret.txt'), '不该被读到');
  seen.paths.set('appData', path.join(root, 'config'));
  seen.paths.set('documents', path.join(root, 'documents'));
  chosenFile = path.join(root, '调解台账.csv');
  fs.writeFileSync(chosenFile, '案件编号,当事人\n');
  savedFile = path.join(root, '报表.xlsx');

  const moduleLoader = createRequire(import.meta.url)('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = moduleLoader._load;
  moduleLoader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : load.call(this, request, ...rest);
  };
  try {
    createRequire(import.meta.url)(bundle.mainFile);
  } finally {
    moduleLoader._load = load;
  }
  seen.ready = true;
  resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(() => {
  (seen.appListeners.get('will-quit') as (() => void) | undefined)?.();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

function window(): FakeWindow {
  expect(seen.windows).toHaveLength(1);
  return seen.windows[0]!;
}

function ipc(sender: unknown, url: string, method: string, input: unknown): Promise<ApiResult> {
  return seen.ipcHandlers.get('sftz:call')!({ sender, senderFrame: { url } }, method, input) as Promise<ApiResult>;
}

test('registers app:// as a privileged scheme before the app is ready', () => {
  expect(seen.schemesRegisteredBeforeReady).toBe(true);
  expect(seen.privilegedSchemes).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
});

test('keeps one instance: a second launch focuses the window', () => {
  seen.appListeners.get('second-instance')!();
  expect(window().focused).toBe(1);
});

test('starts at 首次使用 and, once set up, keeps the encrypted database as sftz.sqlite in the user data folder named 司法台账', async () => {
  expect(seen.name).toBe('司法台账');
  expect(seen.paths.get('userData')).toBe(path.join(root, 'config', '司法台账'));
  const page = 'app://sftz/index.html';
  expect(await ipc(window().webContents, page, 'session.status', {})).toMatchObject({ ok: true, value: { state: 'setup' } });
  expect(await ipc(window().webContents, page, 'app.info', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  expect(await ipc(window().webContents, page, 'desktop.chooseLedgerFiles', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  const setup = await ipc(window().webContents, page, 'session.setup', {
    bureauName: '测试县司法局',
    username: 'admin',
    displayName: '管理员',
    password: 'Ceshi2024admin',
  });
  expect(setup.ok).toBe(true);
  expect(fs.existsSync(path.join(root, 'config', '司法台账', 'sftz.sqlite'))).toBe(true);
  expect(fs.existsSync(path.join(root, 'config', '司法台账', 'sftz.sqlite.keys'))).toBe(true);
  expect(seen.errorBoxes).toEqual([]);
});

test('opens one window with the secure options and the app:// start page', () => {
  expect(window().options).toMatchObject({
    show: false,
    webPreferences: {
      preload: path.join(outDir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  expect(window().loadedUrl).toBe('app://sftz/index.html');
  expect((seen.menu as { label: string }[]).map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
});

test('every web contents refuses navigation, new windows and webviews', () => {
  const contents = new FakeWebContents();
  seen.appListeners.get('web-contents-created')!({}, contents);
  for (const event of ['will-navigate', 'will-attach-webview']) {
    let prevented = false;
    contents.listeners.get(event)!({ preventDefault: () => (prevented = true) });
    expect(prevented, event).toBe(true);
  }
  expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
});

test('permission requests and checks are denied', () => {
  let granted: boolean | undefined;
  seen.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer));
  expect(granted).toBe(false);
  expect(seen.permissionCheck!({}, 'clipboard-read')).toBe(false);
});

test('app:// serves the renderer with the CSP and nothing outside it', async () => {
  const serve = seen.protocolHandlers.get('app')!;
  const page = await serve(new Request('app://sftz/index.html'));
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(await page.text()).toContain('司法台账');
  for (const url of ['app://sftz/..%2fsecret.txt', 'app://sftz/%2e%2e/secret.txt', 'app://other/index.html']) {
    expect((await serve(new Request(url))).status, url).toBe(404);
  }
});

test('IPC from the app page reaches the session and, logged in, the dispatcher', async () => {
  const result = await ipc(window().webContents, 'app://sftz/index.html', 'app.info', {});
  expect(result.ok).toBe(true);
});

test('IPC from another sender or another origin is refused', async () => {
  for (const [sender, url] of [
    [new FakeWebContents(), 'app://sftz/index.html'],
    [window().webContents, 'https://example.com/'],
  ] as const) {
    const result = await ipc(sender, url, 'app.info', {});
    expect(result.ok).toBe(false);
  }
});

test('desktop.chooseLedgerFiles answers the chosen files, base64-encoded', async () => {
  const result = await ipc(window().webContents, 'app://sftz/index.html', 'desktop.chooseLedgerFiles', {});
  expect(result).toEqual({
    ok: true,
    value: [{ name: '调解台账.csv', content: Buffer.from('案件编号,当事人\n').toString('base64') }],
  });
});

test('desktop.saveFile writes where the clerk chose, suggesting only a file name in Documents', async () => {
  const content = Buffer.from('统计报表');
  const result = await ipc(window().webContents, 'app://sftz/index.html', 'desktop.saveFile', {
    suggestedName: '../../年度报表.xlsx',
    content: content.toString('base64'),
  });
  expect(result).toEqual({ ok: true, value: savedFile });
  expect(fs.readFileSync(savedFile)).toEqual(content);
  expect(seen.saveDialogs.at(-1)!.defaultPath).toBe(path.join(root, 'documents', '年度报表.xlsx'));
});

test('a desktop method with a bad input answers ok: false', async () => {
  const result = await ipc(window().webContents, 'app://sftz/index.html', 'desktop.saveFile', { content: 1 });
  expect(result.ok).toBe(false);
});

test('the menu sends import and export commands to the page', () => {
  const [file] = seen.menu as { submenu: { label?: string; click?: () => void }[] }[];
  file!.submenu.find((item) => item.label === '导入台账…')!.click!();
  file!.submenu.find((item) => item.label === '导出报表…')!.click!();
  expect(window().webContents.sent).toEqual([
    ['sftz:menu', 'importLedgers'],
    ['sftz:menu', 'exportReport'],
  ]);
});
