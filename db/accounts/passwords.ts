// Password hashes of the accounts (app_user.password_hash): scrypt from node:crypto over the
// password and a random 16-byte salt of the user's own, stored with its parameters —
// `scrypt$N$r$p$<salt base64>$<hash base64>` — so the cost can be raised later without making
// old hashes unreadable. Also the scrypt derivation the key file's slots use. A password is
// never stored, logged or returned; comparison is in constant time.

import crypto from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MB and about 0.1 s per derivation on an office PC. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** scrypt of `secret` (a password or a recovery code) into `length` bytes. */
export function deriveKey(secret: string, salt: Buffer, params: ScryptParams, length = HASH_BYTES): Buffer {
  return crypto.scryptSync(secret.normalize('NFC'), salt, length, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

export function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): string {
  const salt = crypto.randomBytes(SALT_BYTES);
  const hash = deriveKey(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether `password` gives `stored`; false for a hash that cannot be read. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = deriveKey(password, Buffer.from(salt, 'base64'), params, expected.length);
  return expected.length > 0 && crypto.timingSafeEqual(actual, expected);
}
