// The desktop window's security settings as plain data, so a test can read them without
// launching Electron: the BrowserWindow options (context isolation, sandbox, no Node in the
// page) and the CSP the app:// protocol sends. Imports only Electron's types.

import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../db/server/static-files.ts';

/** The app's own scheme and host: every page of the app lives under app://sftz/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sftz';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

export interface WindowSecurity {
  readonly browserWindow: BrowserWindowConstructorOptions;
  readonly contentSecurityPolicy: string;
}

export function windowOptions(preloadPath: string): WindowSecurity {
  return {
    browserWindow: {
      title: '司法台账',
      width: 1366,
      height: 860,
      minWidth: 1024,
      minHeight: 680,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
      },
    },
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  };
}
