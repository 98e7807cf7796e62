// The app:// protocol: serves the built renderer to the window from dist/renderer (inside
// app.asar when packaged), with the app's CSP and nosniff headers, through the same
// path-traversal guard as the loopback server. It serves nothing from outside that folder and
// no host but app://sftz.

import { protocol } from 'electron';
import { STATIC_SECURITY_HEADERS, readStaticFile } from '../db/server/static-files.ts';
import { APP_HOST, APP_SCHEME } from './window-options.ts';

/** Must run before the app is ready: app:// behaves like https (origin, fetch, module scripts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const served = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
    if (served === null) {
      return new Response(null, { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });
    }
    return new Response(new Uint8Array(served.content), {
      headers: { ...STATIC_SECURITY_HEADERS, 'Content-Type': served.contentType },
    });
  });
}
