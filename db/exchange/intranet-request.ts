// Signed requests over the intranet: the office signs every request with the Ed25519 key of
// its join (the one its packages are signed with), over method, path, time, a fresh nonce and
// the body's SHA-256; the bureau checks the signature against the office's public key, the time
// within ±5 minutes, and that the nonce was not seen in that window (replay). The one path served.

import { createHash, randomBytes } from 'node:crypto';
import { signBytes, verifyBytes } from './sealed-file.ts';

/** The only thing the listener serves: the office's package in, the bureau's package out. */
export const EXCHANGE_PATH = '/exchange/package';
export const EXCHANGE_METHOD = 'POST';

export const WINDOW_MS = 5 * 60 * 1000;

export const headerNames = {
  /** The invitation the office joined with (identifies the office and its key). */
  invite: 'x-sftz-invite',
  time: 'x-sftz-time',
  nonce: 'x-sftz-nonce',
  signature: 'x-sftz-signature',
  /** In the bureau's answer: what became of the office's package (Chinese, URI-encoded). */
  outcome: 'x-sftz-outcome',
} as const;

export type SignedHeaders = Record<(typeof headerNames)['invite' | 'time' | 'nonce' | 'signature'], string>;

function signedText(method: string, path: string, time: string, nonce: string, body: Buffer): Buffer {
  return Buffer.from(`${method}\n${path}\n${time}\n${nonce}\n${createHash('sha256').update(body).digest('hex')}`, 'utf8');
}

export function signRequest(request: { method: string; path: string; body: Buffer; inviteId: string; signingKey: string; now: number }): SignedHeaders {
  const time = String(request.now);
  const nonce = randomBytes(16).toString('hex');
  const signature = signBytes(signedText(request.method, request.path, time, nonce, request.body), request.signingKey).toString('base64');
  return { [headerNames.invite]: request.inviteId, [headerNames.time]: time, [headerNames.nonce]: nonce, [headerNames.signature]: signature } as SignedHeaders;
}

/** Nonces seen within the window, each forgotten once its request's time has left it. */
export class NonceMemory {
  readonly #seen = new Map<string, number>();

  /** false when the nonce was seen already; otherwise remembers it. */
  remember(nonce: string, time: number, now: number): boolean {
    for (const [old, at] of this.#seen) if (Math.abs(now - at) > WINDOW_MS) this.#seen.delete(old);
    if (this.#seen.has(nonce)) return false;
    this.#seen.set(nonce, time);
    return true;
  }
}

export interface RequestRefusal {
  readonly status: 401 | 403;
  readonly message: string;
}

/**
 * Why a request must be refused, or null. `publicKeyOf` gives the key of the office that joined
 * with the invitation (undefined: none). `startedAt`: a request timed before the listener
 * started is refused, so a restart (which forgets the nonces) opens no window for a replay.
 */
export function checkRequest(
  request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: Buffer },
  publicKeyOf: (inviteId: string) => string | undefined,
  nonces: NonceMemory,
  clock: { now: number; startedAt: number },
): RequestRefusal | null {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const inviteId = header(headerNames.invite);
  const time = header(headerNames.time);
  const nonce = header(headerNames.nonce);
  const signature = header(headerNames.signature);
  if (!inviteId || !time || !nonce || !signature) return { status: 401, message: '请求未签名，局端拒绝（只接受已加入本县的司法所用本所密钥签名的请求）' };
  const publicKey = publicKeyOf(inviteId);
  if (!publicKey) return { status: 403, message: '请求来自未加入本县（或加入文件已作废）的电脑，局端拒绝' };
  if (!verifyBytes(signedText(request.method, request.path, time, nonce, request.body), Buffer.from(signature, 'base64'), publicKey)) {
    return { status: 401, message: '请求的签名不符（内容被改动，或不是该所的密钥签的），局端拒绝' };
  }
  const at = Number(time);
  if (!Number.isFinite(at) || Math.abs(clock.now - at) > WINDOW_MS) {
    return { status: 401, message: '请求时间与局端电脑相差超过 5 分钟，局端拒绝：请校准两台电脑的时间后再同步' };
  }
  if (at < clock.startedAt) return { status: 401, message: '局端刚刚重新启动，这一请求早于启动，局端拒绝：请再同步一次' };
  if (!nonces.remember(nonce, at, clock.now)) return { status: 401, message: '重复的请求（可能被截获重放），局端拒绝' };
  return null;
}
