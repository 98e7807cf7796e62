// `npm start`: builds the renderer if it is stale, then opens the app — in Electron when its
// binary is present, otherwise (as on a machine where Electron could not be downloaded) as the
// same app in the local browser, served on 127.0.0.1 with a per-launch token. Environment:
// SFTZ_DB (database file; default the user's data folder, as Electron would use),
// SFTZ_PORT (fixed port), SFTZ_NO_BROWSER=1 (print the address only, for tests).
// It must not put any rule of the app here: those live in db/.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DatabaseOpenError } from '../db/database.ts';
import { DATABASE_FILE_NAME, serveApp, userDataFolder } from '../db/server/serve-app.ts';
import { buildElectron } from './electron-build.ts';
import { openInBrowser } from './open-browser.ts';
import { rendererOutDir, repoRoot } from './paths.ts';
import { RendererMissingError, ensureRendererBuilt } from './renderer-build.ts';

const ELECTRON_UNAVAILABLE_NOTICE =
  '本机没有可用的 Electron 桌面程序（安装依赖时未能下载），因此不能以桌面窗口启动。' +
  '如需桌面窗口，请在能上网的电脑上允许 Electron 下载后重新安装：' +
  '执行 npm install-scripts approve electron && npm rebuild electron（或直接重新 npm install）；' +
  '也可以把一份 Electron 41 的程序文件夹复制到本机，并把环境变量 ELECTRON_OVERRIDE_DIST_PATH 设为该文件夹。' +
  '现在，同样的程序将在本机浏览器中打开，功能和数据与桌面窗口相同。';

async function main(): Promise<number> {
  await ensureRendererBuilt((line) => console.log(line));
  const electron = electronBinary();
  if (electron) return runElectron(electron);
  console.log(ELECTRON_UNAVAILABLE_NOTICE);
  return runInBrowser();
}

/** The Electron executable, if the `electron` package has one on this machine. */
function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function runElectron(binary: string): Promise<number> {
  const { mainFile } = await buildElectron();
  // Set in some editors' terminals, it would make Electron run main.cjs as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [mainFile], { cwd: repoRoot, env, stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
}

async function runInBrowser(): Promise<number> {
  const dbFile = path.resolve(process.env.SFTZ_DB || path.join(userDataFolder(), DATABASE_FILE_NAME));
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const app = await serveApp({ dbFile, staticDir: rendererOutDir, port: fixedPort(process.env.SFTZ_PORT) });
  console.log(`数据库：${dbFile}`);
  console.log(`地址：${app.server.url}`);
  if (process.env.SFTZ_NO_BROWSER !== '1') {
    const browser = await openInBrowser(app.server.url);
    console.log(browser ? `已用 ${browser} 打开。` : '没有找到可用的浏览器，请手动在浏览器中打开上面的地址。');
  }
  console.log('按 Ctrl+C 退出（数据已随时保存）。');

  // Ctrl+C reaches this process twice (from the terminal and relayed by tsx): close once, ignore the rest.
  return new Promise((resolve) => {
    let closing: Promise<void> | null = null;
    const stop = () => {
      closing ??= app.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function fixedPort(setting: string | undefined): number | undefined {
  if (!setting) return undefined;
  const port = Number(setting);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartError(`SFTZ_PORT「${setting}」不是有效的端口号`);
  return port;
}

/** A reason not to start that people can act on: printed as is, without a stack. */
class StartError extends Error {}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`端口 ${process.env.SFTZ_PORT} 已被其他程序占用，请换一个 SFTZ_PORT 或不设置它。`);
    } else if (error instanceof StartError || error instanceof RendererMissingError || error instanceof DatabaseOpenError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
