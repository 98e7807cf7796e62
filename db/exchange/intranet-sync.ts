// The office's side of the intranet (exchange.md "Over the intranet"): one sync makes the same
// package as 生成数据包, sends it to the bureau over TLS to the pinned certificate, and applies
// the bureau's answer exactly as 导入局端数据包 does. The certificate is checked by its SHA-256
// fingerprint before a byte is sent; no certificate authority is trusted. A failed sync changes
// nothing but the last error shown: what the bureau has not acknowledged goes in the next one.

import { request as httpsRequest } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';
import { UserError } from '../errors.ts';
import { applyPackage, makePackage } from './exchange.ts';
import { bureauLink, recordSyncOutcome, type BureauLink } from './intranet-settings.ts';
import type { ExchangeRunner } from './intranet-listener.ts';
import { EXCHANGE_METHOD, EXCHANGE_PATH, headerNames, signRequest } from './intranet-request.ts';
import { PackageRefused } from './portable-records.ts';
import { siteOf } from './site.ts';

export interface SyncOutcome {
  /** Records sent and the office's sequence. */
  readonly sent: number;
  readonly seq: number;
  /** What the bureau said of the office's package, and of its own package applied here. */
  readonly bureauSaid: string;
  readonly message: string;
}

const CONNECT_TIMEOUT_MS = 15_000;
// 立即同步 runs as a write and holds the queue meanwhile: a bureau that does not answer holds it no longer than this.
const ANSWER_TIMEOUT_MS = 2 * 60_000;

const FALLBACK = '可先用「生成数据包」经U盘交换，数据不会丢失；未被局端确认的记录会在下次同步时重发';

/** The socket to the bureau, once its certificate is the pinned one. */
function pinnedSocket(link: BureauLink): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: link.address, port: link.port, rejectUnauthorized: false, timeout: CONNECT_TIMEOUT_MS });
    socket.once('timeout', () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      socket.off('error', reject);
      if (socket.getPeerX509Certificate()?.fingerprint256 !== link.fingerprint) {
        socket.destroy();
        reject(new UserError(`局端 ${link.address}:${link.port} 出示的证书与本所记录的指纹不符（可能连到了别的电脑），已拒绝连接，未发送任何数据。${FALLBACK}`, 'conflict'));
        return;
      }
      resolve(socket);
    });
  });
}

function post(link: BureauLink, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: Buffer; outcome: string | null }> {
  return pinnedSocket(link).then(
    (socket) =>
      new Promise((resolve, reject) => {
        const request = httpsRequest(
          {
            method: EXCHANGE_METHOD,
            path: EXCHANGE_PATH,
            host: link.address,
            port: link.port,
            // No agent: the request goes over this socket, whose certificate was checked.
            createConnection: () => socket,
            headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': body.length },
            timeout: ANSWER_TIMEOUT_MS,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              if (!response.complete) return reject(Object.assign(new Error('cut'), { code: 'ECONNRESET' }));
              const outcome = response.headers[headerNames.outcome];
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), outcome: typeof outcome === 'string' ? decodeURIComponent(outcome) : null });
            });
            response.on('error', reject);
            response.on('aborted', () => reject(Object.assign(new Error('cut'), { code: 'ECONNRESET' })));
          },
        );
        request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
        request.on('error', reject);
        request.end(body);
      }),
  );
}

function linkDown(error: unknown, link: BureauLink): string {
  if (error instanceof UserError) return error.message;
  const code = (error as { code?: string }).code ?? '';
  const where = `${link.address}:${link.port}`;
  if (code === 'ECONNREFUSED') return `连不上局端（${where}）：局端电脑未开机、司法台账未运行或未开启内网同步服务。${FALLBACK}`;
  if (['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL'].includes(code)) {
    return `内网不通，连不上局端（${where}）。${FALLBACK}`;
  }
  return `与局端（${where}）的连接中断，本次同步未完成。${FALLBACK}`;
}

/** One sync with the bureau; the outcome, or a UserError saying in Chinese why not (also kept as the last error). */
export async function syncWithBureau(run: ExchangeRunner, user: string): Promise<SyncOutcome> {
  const startedAt = new Date().toISOString();
  const prepared = await run((db) => {
    const site = siteOf(db);
    if (site?.role !== 'office') throw new UserError('只有已加入本县的司法所电脑才能与局端同步', 'conflict');
    const link = bureauLink(db);
    if (!link.address || !link.fingerprint) throw new UserError('尚未填写局端地址和证书指纹，不能同步（设置 → 数据交换 → 内网同步）', 'conflict');
    const made = makePackage(db, { user, auditEmpty: false });
    return { link, made, headers: signRequest({ method: EXCHANGE_METHOD, path: EXCHANGE_PATH, body: made.file, inviteId: site.inviteId!, signingKey: site.signingKey, now: Date.now() }) };
  });
  const { link, made } = prepared;
  try {
    const answer = await post(link, made.file, prepared.headers);
    if (answer.status !== 200) throw new UserError(`局端拒绝了本次同步：${answer.body.toString('utf8')}`, 'conflict');
    const applied = await run((db) => {
      const result = applyPackage(db, answer.body, user, { auditEmpty: false });
      recordSyncOutcome(db, startedAt, null);
      return result;
    });
    const bureauSaid = answer.outcome ?? '';
    return { sent: made.records, seq: made.seq, bureauSaid, message: `已与局端同步：发出 ${made.records} 条记录；${bureauSaid}；${applied.message}` };
  } catch (error) {
    const message = error instanceof PackageRefused ? `局端的答复未能导入：${error.message}` : linkDown(error, link);
    await run((db) => recordSyncOutcome(db, startedAt, message));
    throw new UserError(message, 'conflict');
  }
}
