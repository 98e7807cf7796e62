// The desktop window and where its page lives: the one `new BrowserWindow` of the app, with its
// security settings (context isolation, sandbox, no Node in the page, Auxclick off) written as
// one object literal in the constructor call — the form electronegativity can read, and the
// form a test reads by handing this module a stand-in `electron`. It opens no page and shows
// nothing; main.ts loads START_URL and shows the window when it is ready.

import { BrowserWindow } from 'electron';

/** The app's own scheme and host: every page of the app lives under app://sftz/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sftz';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

/** The main window, hidden until its page is ready; `preloadPath` is the CommonJS preload bundle. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
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
      // A middle click would otherwise ask for a new window (denied in main.ts all the same).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
