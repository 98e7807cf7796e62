// Serving the built renderer's files, shared by the two places that do it: the loopback HTTP
// server and the Electron `app://` protocol — the CSP, the content types, and the
// path-traversal guard (a pure function, tested on its own). It knows no transport: it must
// never read a file outside the folder it is given.

import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The content security policy of every page of the app: only our own scripts, styles and
 * connections; inline styles allowed because Mantine injects them; nothing may frame us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as a `<meta http-equiv>` tag can carry it: browsers ignore (and warn about)
 * frame-ancestors there, so it is left to the response header.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Headers every static response carries. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The path-traversal guard: maps the path part of a request URL (still percent-encoded, query
 * allowed) to a file under `root`, or null when it is malformed or would leave `root` —
 * `/../x`, `/%2e%2e/x`, `/..%2fx`, `/..\x` all give null. `/` and folders map to their
 * index.html. The file's existence is the caller's business.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  const pathname = requestPath.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file === base || /[/\\]$/.test(decoded) ? path.join(file, 'index.html') : file;
}

export interface StaticFile {
  readonly content: Buffer;
  readonly contentType: string;
}

/**
 * The file a request path asks for, or null (404). A missing page address of the single-page
 * renderer (no file extension, e.g. `/mediation/cases`) gets index.html; a missing asset does not.
 */
export async function readStaticFile(root: string, requestPath: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(root, requestPath);
  if (file === null) return null;
  const candidates = path.extname(file) === '' ? [file, resolveStaticPath(root, '/')!] : [file];
  for (const candidate of candidates) {
    try {
      return { content: await fs.readFile(candidate), contentType: contentTypeOf(candidate) };
    } catch {
      // not there (or a folder): try the next candidate
    }
  }
  return null;
}
