// The bureau's intranet listener (exchange.md "Over the intranet"): HTTPS only, with the
// bureau's own certificate, on the address and port the administrator chose. It serves one
// thing — POST /exchange/package: the office's package in, applied exactly as a file import
// is, and the bureau's package for that office out (its acknowledgement, the shared lists and,
// after the office's sequence went back, its records). Every request must be signed by the
// office's key (intranet-request.ts); anything else is answered 404 with nothing run. All
// database work goes through `run`, the session's write queue.

import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { applyPackage, makePackage } from './exchange.ts';
import { firstValue } from './first-column.ts';
import type { BureauCertificate } from './intranet-certificate.ts';
import { EXCHANGE_METHOD, EXCHANGE_PATH, NonceMemory, checkRequest, headerNames } from './intranet-request.ts';
import { PackageRefused } from './portable-records.ts';
import { readFrame } from './sealed-file.ts';

/** Runs database work one at a time with the other writes (the session's queue, or directly). */
export type ExchangeRunner = <T>(work: (db: RegisterDatabase) => T) => Promise<T>;

export interface ExchangeListener {
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The largest package taken: ten years of a large office are far below it. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

type Answer = { status: number; body: Buffer | string; outcome?: string };

function send(response: ServerResponse, answer: Answer): void {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  response.writeHead(answer.status, {
    'content-type': typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream',
    'content-length': body.length,
    ...(answer.outcome ? { [headerNames.outcome]: encodeURIComponent(answer.outcome) } : {}),
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    request.on('aborted', () => reject(new Error('aborted')));
  });
}

/** One signed exchange: check, apply the office's package, answer with the bureau's. Runs in the write queue. */
function exchange(db: RegisterDatabase, request: IncomingMessage, body: Buffer, nonces: NonceMemory, startedAt: number): Answer {
  const publicKeyOf = (inviteId: string) => firstValue(db, 'SELECT public_key FROM exchange_office WHERE invite_id = ?', inviteId) as string | undefined;
  const refusal = checkRequest({ method: request.method!, path: request.url!, headers: request.headers, body }, publicKeyOf, nonces, { now: Date.now(), startedAt });
  if (refusal) return { status: refusal.status, body: refusal.message };
  const office = firstValue(
    db,
    'SELECT o.name FROM exchange_office x JOIN office o ON o.id = x.office_id WHERE x.invite_id = ?',
    request.headers[headerNames.invite] as string,
  ) as string;
  const user = `${office}（内网同步）`;
  let outcome: string;
  try {
    if (readFrame(body).header.office !== office) return { status: 403, body: `请求由${office}签名，数据包却不是${office}的，局端拒绝，未导入任何数据` };
    outcome = applyPackage(db, body, user, { auditEmpty: false }).message;
  } catch (error) {
    if (!(error instanceof PackageRefused || error instanceof UserError)) throw error;
    // A sequence that went back is answered with the office's records (makePackage adds them).
    const wentBack = firstValue(db, 'SELECT went_back_at FROM exchange_office WHERE invite_id = ?', request.headers[headerNames.invite] as string);
    if (!wentBack) return { status: 409, body: error.message };
    outcome = error.message;
  }
  return { status: 200, body: makePackage(db, { office, user, auditEmpty: false }).file, outcome };
}

export function startExchangeListener(options: {
  readonly address: string;
  readonly port: number;
  readonly certificate: BureauCertificate;
  readonly run: ExchangeRunner;
}): Promise<ExchangeListener> {
  const nonces = new NonceMemory();
  const startedAt = Date.now();
  const server: Server = createServer({ cert: options.certificate.certificate, key: options.certificate.privateKey, minVersion: 'TLSv1.2' }, (request, response) => {
    if (request.method !== EXCHANGE_METHOD || request.url !== EXCHANGE_PATH) {
      request.resume();
      send(response, { status: 404, body: '局端内网同步只提供数据交换，没有这个地址' });
      return;
    }
    readBody(request)
      .then(async (body) => {
        if (body === null) return send(response, { status: 413, body: '数据包过大，局端拒绝' });
        return send(response, await options.run((db) => exchange(db, request, body, nonces, startedAt)));
      })
      .catch((error: unknown) => {
        // A cut connection has no one to answer; anything else is answered in Chinese, the cause logged.
        if ((error as Error).message === 'aborted' || request.destroyed) return;
        console.error(error);
        if (!response.headersSent) send(response, { status: 500, body: '局端处理出错，本次同步未完成，数据未导入；请稍后再同步' });
      });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 10 * 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.address, () => {
      server.off('error', reject);
      const bound = server.address() as { address: string; port: number };
      resolve({
        address: bound.address,
        port: bound.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
