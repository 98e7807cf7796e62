// The loopback HTTP transport: the same API the Electron window reaches over IPC, served on
// 127.0.0.1 for the no-Electron fallback (`npm start` opens it in the local browser) and for
// the browser tests. `POST /api/<method>` with the per-launch token runs the dispatcher;
// `GET` serves the built renderer. Plain node:http. It must never listen beyond 127.0.0.1,
// answer a request from another origin or host name, or call the API without the token.

import crypto from 'node:crypto';
import http from 'node:http';
import type { ApiResult } from '../api/contract.ts';
import type { ApiCall } from '../api/dispatcher.ts';
import { STATIC_SECURITY_HEADERS, readStaticFile } from './static-files.ts';

export interface LoopbackServerOptions {
  /** The dispatcher. */
  readonly call: ApiCall;
  /** The dispatcher given the request's JSON text as it came (parsed elsewhere: the session's worker); else `call` after parsing here. */
  readonly callWithJson?: (method: string, json: Uint8Array) => Promise<ApiResult>;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** Largest API request body in bytes; default API_BODY_LIMIT. */
  readonly bodyLimit?: number;
}

export interface LoopbackServer {
  /** The address to open: the app's page with the token in the fragment (`#token=…`). */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Ledger uploads arrive base64-encoded inside the JSON body: allow a few hundred megabytes. */
export const API_BODY_LIMIT = 300 * 1024 * 1024;

const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);

class BodyTooLarge extends Error {}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenDigest = digest(token);
  let port = 0;

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const origin = `http://127.0.0.1:${port}`;
    if (
      !LOOPBACK_ADDRESSES.has(request.socket.remoteAddress ?? '') ||
      request.headers.host !== `127.0.0.1:${port}` ||
      (request.headers.origin !== undefined && request.headers.origin !== origin)
    ) {
      return refuse(response, 403);
    }
    const url = request.url ?? '/';
    if (url === '/api' || url.startsWith('/api/')) {
      if (request.method !== 'POST') return refuse(response, 405, { Allow: 'POST' });
      if (!hasToken(request.headers.authorization)) return refuse(response, 401);
      return answerApi(url.slice('/api/'.length), request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, { Allow: 'GET, HEAD' });
    return serveStatic(url, request.method === 'HEAD', response);
  }

  function hasToken(authorization: string | undefined): boolean {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    return match !== null && crypto.timingSafeEqual(digest(match[1]!), tokenDigest);
  }

  async function answerApi(method: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let body: Buffer;
    let input: unknown;
    try {
      body = await readBody(request, options.bodyLimit ?? API_BODY_LIMIT);
      if (!options.callWithJson) input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.writeHead(413, { ...API_HEADERS, Connection: 'close' });
        response.end(JSON.stringify(failure('上传的内容太大，请分批导入')));
        return;
      }
      response.writeHead(400, API_HEADERS);
      response.end(JSON.stringify(failure('请求内容不是有效的 JSON')));
      return;
    }
    const result = options.callWithJson
      ? await options.callWithJson(decodeMethod(method), body)
      : await options.call(decodeMethod(method), input);
    response.writeHead(200, API_HEADERS);
    response.end(JSON.stringify(result));
  }

  async function serveStatic(url: string, headOnly: boolean, response: http.ServerResponse): Promise<void> {
    const served = await readStaticFile(options.staticDir, url);
    if (served === null) return refuse(response, 404);
    response.writeHead(200, {
      ...STATIC_SECURITY_HEADERS,
      'Content-Type': served.contentType,
      'Content-Length': served.content.length,
    });
    response.end(headOnly ? undefined : served.content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function digest(text: string): Buffer {
  return crypto.createHash('sha256').update(text).digest();
}

function refuse(response: http.ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Length': 0, 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end();
}

function failure(message: string): ApiResult {
  return { ok: false, error: { kind: 'bad_request', message } };
}

/** `/api/<method>` may arrive percent-encoded; a malformed name simply matches no method. */
function decodeMethod(encoded: string): string {
  try {
    return decodeURIComponent(encoded.split('?', 1)[0]!);
  } catch {
    return encoded;
  }
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      request.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
