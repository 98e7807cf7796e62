// The desktop window's security, read without launching Electron: the options the one
// `new BrowserWindow` receives (taken by a stand-in for the `electron` module), the CSP (header
// and meta forms, and the page's own meta tag), and the path-traversal guard the app://
// protocol and the loopback server share.

import type { BrowserWindowConstructorOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  resolveStaticPath,
} from '../../db/server/static-files.ts';
import { START_URL, createMainWindow } from '../../electron/window-options.ts';
import { repoRoot } from '../support/cli.ts';

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  },
}));

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('the window', () => {
  const window = createMainWindow('/app/dist/electron/preload.cjs') as unknown as { options: BrowserWindowConstructorOptions };
  const web = window.options.webPreferences!;

  test('the page is isolated, sandboxed and has no Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
  });

  test('web security stays on', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  test('a middle click cannot ask for a new window', () => {
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  test('it stays hidden until main.ts shows it', () => {
    expect(window.options.show).toBe(false);
  });

  test('the preload is the CommonJS bundle and the page comes from the app:// protocol', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(START_URL).toBe('app://sftz/index.html');
  });

});

describe('the content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  test('only our own scripts and connections; no plugins; nobody may frame the app', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('inline styles (Mantine) and data/blob images are the only relaxations', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  test('the meta tag form is the same policy without frame-ancestors, which browsers ignore there', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(new Map([...meta, ['frame-ancestors', ["'none'"]]])).toEqual(policy);
  });

  test("the page's own meta tag (what electronegativity reads; the build puts the shared one in its place) is the same policy", () => {
    const page = fs.readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1];
    expect(content).toBeDefined();
    expect(directives(content!)).toEqual(directives(CONTENT_SECURITY_POLICY_META));
  });
});

describe('the path-traversal guard', () => {
  const root = path.resolve('/srv/sftz/renderer');

  test.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/', 'assets/index.html'],
    ['/assets/a.js?v=1#x', 'assets/a.js'],
    ['/%E5%8F%B8%E6%B3%95.png', '司法.png'],
    ['/assets/../index.html', 'index.html'],
  ])('%s → %s under the root', (requestPath, expected) => {
    expect(resolveStaticPath(root, requestPath)).toBe(path.join(root, expected));
  });

  test.each([
    '/../package.json',
    '/../../etc/passwd',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..',
    '/index.html%00.png',
    '/%E0%A4%A',
    'assets/a.js',
  ])('%s → null', (requestPath) => {
    expect(resolveStaticPath(root, requestPath)).toBeNull();
  });

  test('a sibling folder whose name starts like the root is outside it', () => {
    expect(resolveStaticPath(root, '/../renderer-secrets/key.txt')).toBeNull();
  });
});
