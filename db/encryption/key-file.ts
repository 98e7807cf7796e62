// The key file beside an encrypted database (`sftz.sqlite.keys`, JSON, written atomically).
//
// Key design. A random 256-bit data key encrypts the database (SQLite3 Multiple Ciphers, see
// db/database.ts). The data key itself is stored only wrapped, in key slots: one per account —
// the data key sealed with AES-256-GCM under a key derived by scrypt from that account's
// password and the slot's own random salt — and one recovery slot, sealed under a key derived
// from the recovery code shown once at setup (6 groups of 5 characters from an alphabet without
// 0/O/1/I/L: 148 bits). So each account's password unlocks the database, a password change or
// reset rewraps only that account's slot, and the data key never changes: every backup, taken
// before or after any password change, opens with the same key. Each slot's GCM additional data
// names what it is for (`user:<name>` or `recovery`), so a slot cannot be passed off as
// another's. Without a password or the recovery code the file reveals nothing but the bureau's
// name, the user names and failed-login counts; a lost key file loses the database, which is why
// a copy goes beside every backup (db/backup/take-backup.ts).
//
// The file also keeps what must survive while the database is still locked: the lock after
// failed logins per account (db/accounts/lockout.ts) — mirrored into app_user when the database
// is open — and failed logins not yet written to the audit log, which the next unlock writes.
// Every change reads the file afresh and replaces it whole (temporary file, fsync, rename).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LockoutState } from '../accounts/lockout.ts';
import { SCRYPT_PARAMS, deriveKey, type ScryptParams } from '../accounts/passwords.ts';
import { syncFolder } from '../durable-files.ts';
import { UserError } from '../errors.ts';

export interface KeySlot {
  readonly kdf: ScryptParams & { readonly name: 'scrypt'; readonly salt: string };
  /** AES-256-GCM, base64. */
  readonly iv: string;
  readonly tag: string;
  readonly wrappedKey: string;
}

/** A failed login while the database was locked, waiting for the audit log. */
export interface PendingFailedLogin {
  /** ISO time. */
  readonly at: string;
  readonly user: string;
  readonly method: string;
  readonly details: Record<string, unknown>;
}

export interface KeyFileContent {
  readonly format: 'sftz-keys';
  readonly version: 1;
  /** Shown on the login page before the database is open. */
  readonly bureauName: string;
  /** Slots by user name, in the file's case fold (userKey). */
  readonly users: Readonly<Record<string, KeySlot>>;
  readonly recovery: KeySlot;
  readonly lockouts: Readonly<Record<string, LockoutState>>;
  readonly pendingFailedLogins: readonly PendingFailedLogin[];
}

const DATA_KEY_BYTES = 32;

export function keyFileOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.keys`;
}

/** User names compare without regard to ASCII case, as app_user's COLLATE NOCASE does. */
export function userKey(username: string): string {
  return username.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(DATA_KEY_BYTES);
}

// ---- slots ------------------------------------------------------------------------------------

const RECOVERY_PURPOSE = 'recovery';
const userPurpose = (username: string) => `user:${userKey(username)}`;

function seal(dataKey: Buffer, secret: string, purpose: string): KeySlot {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(secret, salt, SCRYPT_PARAMS), iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const wrappedKey = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrappedKey.toString('base64'),
  };
}

/** The data key, or null when `secret` is not the one the slot was sealed with. */
function open(slot: KeySlot, secret: string, purpose: string): Buffer | null {
  try {
    const { N, r, p, salt } = slot.kdf;
    const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(secret, Buffer.from(salt, 'base64'), { N, r, p }), Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export function sealForUser(dataKey: Buffer, username: string, password: string): KeySlot {
  return seal(dataKey, password, userPurpose(username));
}

export function openUserSlot(content: KeyFileContent, username: string, password: string): Buffer | null {
  const slot = content.users[userKey(username)];
  return slot ? open(slot, password, userPurpose(username)) : null;
}

function sealForRecovery(dataKey: Buffer, recoveryCode: string): KeySlot {
  return seal(dataKey, normaliseRecoveryCode(recoveryCode), RECOVERY_PURPOSE);
}

export function openRecoverySlot(content: KeyFileContent, recoveryCode: string): Buffer | null {
  return open(content.recovery, normaliseRecoveryCode(recoveryCode), RECOVERY_PURPOSE);
}

// ---- recovery codes ---------------------------------------------------------------------------

/** No 0/O, 1/I/L: nothing to misread from paper. 31 characters: 30 of them carry 148 bits. */
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RECOVERY_GROUPS = 6;
const RECOVERY_GROUP_LENGTH = 5;

/** E.g. `7KQ2M-XH9PD-…`, six groups of five. */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < RECOVERY_GROUPS; group++) {
    let text = '';
    for (let i = 0; i < RECOVERY_GROUP_LENGTH; i++) text += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}

/** As typed back: case, spaces and dashes do not matter. */
function normaliseRecoveryCode(text: string): string {
  return text.toUpperCase().replace(/[\s\-－—_]/g, '');
}

// ---- the file ---------------------------------------------------------------------------------

export function newKeyFile(options: {
  readonly bureauName: string;
  readonly dataKey: Buffer;
  readonly username: string;
  readonly password: string;
  readonly recoveryCode: string;
}): KeyFileContent {
  return {
    format: 'sftz-keys',
    version: 1,
    bureauName: options.bureauName,
    users: { [userKey(options.username)]: sealForUser(options.dataKey, options.username, options.password) },
    recovery: sealForRecovery(options.dataKey, options.recoveryCode),
    lockouts: {},
    pendingFailedLogins: [],
  };
}

/** The key file's content; null when there is none (a plain database, or none set up yet). */
export function readKeyFile(file: string): KeyFileContent | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw new UserError(`无法读取密钥文件「${file}」：${(error as Error).message}`, 'conflict');
  }
  try {
    const content = JSON.parse(text) as KeyFileContent;
    if (content.format !== 'sftz-keys' || content.version !== 1 || !content.recovery || typeof content.users !== 'object') {
      throw new Error('format');
    }
    return content;
  } catch {
    throw new UserError(`密钥文件「${file}」已损坏，无法解密数据库。请把备份文件夹中的同名文件复制回来`, 'conflict');
  }
}

/** Replaces the file whole: a crash leaves the old file or the new one, never a mix. */
export function writeKeyFile(file: string, content: KeyFileContent): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeFileSync(fd, `${JSON.stringify(content, null, 1)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}

/** Reads the file afresh, changes it, writes it back; the new content. */
export function updateKeyFile(file: string, change: (content: KeyFileContent) => KeyFileContent): KeyFileContent {
  const content = readKeyFile(file);
  if (!content) throw new UserError(`找不到密钥文件「${file}」`, 'conflict');
  const changed = change(content);
  writeKeyFile(file, changed);
  return changed;
}

/** A copy of the database's key file into `folder` (beside backups), replaced atomically. */
export function copyKeyFile(dbFile: string, folder: string): string | null {
  const content = readKeyFile(keyFileOf(dbFile));
  if (!content) return null;
  const copy = path.join(folder, path.basename(keyFileOf(dbFile)));
  if (path.resolve(copy) !== keyFileOf(dbFile)) writeKeyFile(copy, content);
  return copy;
}
