// Opening the app's address in the local browser for the no-Electron start: a Chromium-like
// browser as an app window (`--app=URL`, no tabs or address bar) when one is on PATH, else the
// system's default opener. Returns what it used, or null when nothing could be started.
// It must not wait for the browser, nor fail the start when there is none.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const APP_WINDOW_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'microsoft-edge'];

export async function openInBrowser(url: string): Promise<string | null> {
  for (const browser of APP_WINDOW_BROWSERS) {
    const executable = onPath(browser);
    if (executable && (await launched(executable, [`--app=${url}`]))) return browser;
  }
  const opener = systemOpener(url);
  if (opener && onPath(opener.command) && (await launched(opener.command, opener.args))) return opener.command;
  return null;
}

function systemOpener(url: string): { command: string; args: string[] } | null {
  switch (process.platform) {
    case 'win32':
      return { command: 'cmd', args: ['/c', 'start', '""', url.replaceAll('&', '^&')] };
    case 'darwin':
      return { command: 'open', args: [url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/** The executable's full path if it is on PATH (with PATHEXT on Windows). */
function onPath(command: string): string | null {
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = path.join(dir, command + extension);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  return null;
}

/** Starts a detached process; true once it has spawned. */
function launched(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: command === 'cmd' });
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
    child.once('error', () => resolve(false));
  });
}
