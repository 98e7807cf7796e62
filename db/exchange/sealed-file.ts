// The package file (数据包): one file, encrypted and signed, with Node's crypto only.
//   "SFTZPKG1" | u32 header length | header (JSON, in clear) | AES-256-GCM ciphertext | 16-byte tag | 64-byte Ed25519 signature
// The header says which county, office and data version the package is for, so a package can
// be refused for those reasons before it is opened; it is the GCM cipher's associated data, and
// the signature covers every byte before it, so changing any byte makes the file refused.
// Ed25519 for signatures (small keys, deterministic, in Node since 12); AES-256-GCM with a key
// per office that travels in the join file (no key agreement to get wrong; AES is in hardware
// on every office PC); the body is gzip-compressed JSON.

import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PackageRefused } from './portable-records.ts';

const MAGIC = Buffer.from('SFTZPKG1', 'latin1');
const TAG_BYTES = 16;
const SIGNATURE_BYTES = 64;

export interface PackageHeader {
  readonly kind: 'office' | 'bureau';
  readonly countyId: string;
  readonly bureauName: string;
  /** The office the package is from (office) or for (bureau). */
  readonly office: string;
  /** The invitation the sender's keys came with. */
  readonly inviteId: string;
  readonly dataVersion: number;
  readonly madeAt: string;
  readonly iv: string;
}

export interface KeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

export function newSigningKeys(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function newPackageKey(): string {
  return randomBytes(32).toString('base64');
}

export function signBytes(bytes: Buffer, privateKey: string): Buffer {
  return sign(null, bytes, createPrivateKey(privateKey));
}

export function verifyBytes(bytes: Buffer, signature: Buffer, publicKey: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKey), signature);
  } catch {
    return false;
  }
}

export function sealPackage(header: Omit<PackageHeader, 'iv'>, body: unknown, packageKey: string, signingKey: string): Buffer {
  const iv = randomBytes(12);
  const headerBytes = Buffer.from(JSON.stringify({ ...header, iv: iv.toString('base64') }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(packageKey, 'base64'), iv);
  cipher.setAAD(headerBytes);
  const ciphertext = Buffer.concat([cipher.update(gzipSync(JSON.stringify(body))), cipher.final(), cipher.getAuthTag()]);
  const signed = Buffer.concat([MAGIC, length, headerBytes, ciphertext]);
  return Buffer.concat([signed, signBytes(signed, signingKey)]);
}

export interface OpenedFrame {
  readonly header: PackageHeader;
  /** Every byte the signature covers. */
  readonly signed: Buffer;
  readonly signature: Buffer;
  readonly headerBytes: Buffer;
  readonly ciphertext: Buffer;
}

const NOT_A_PACKAGE = '该文件不是数据包，或已损坏（格式不符）';

/** The file's parts and its header, before anything is trusted. */
export function readFrame(file: Buffer): OpenedFrame {
  if (file.length < MAGIC.length + 4 + TAG_BYTES + SIGNATURE_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new PackageRefused(NOT_A_PACKAGE);
  }
  const headerLength = file.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd + TAG_BYTES + SIGNATURE_BYTES > file.length) throw new PackageRefused(NOT_A_PACKAGE);
  const headerBytes = file.subarray(MAGIC.length + 4, headerEnd);
  let header: PackageHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as PackageHeader;
  } catch {
    throw new PackageRefused(`${NOT_A_PACKAGE}，可能在复制中被改动`);
  }
  if (typeof header !== 'object' || header === null || typeof header.countyId !== 'string' || typeof header.office !== 'string') {
    throw new PackageRefused(NOT_A_PACKAGE);
  }
  const signedEnd = file.length - SIGNATURE_BYTES;
  return {
    header,
    signed: file.subarray(0, signedEnd),
    signature: file.subarray(signedEnd),
    headerBytes,
    ciphertext: file.subarray(headerEnd, signedEnd),
  };
}

/** The body of a frame whose signature has been checked. */
export function openBody(frame: OpenedFrame, packageKey: string): unknown {
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(packageKey, 'base64'), Buffer.from(frame.header.iv, 'base64'));
    decipher.setAAD(frame.headerBytes);
    decipher.setAuthTag(frame.ciphertext.subarray(frame.ciphertext.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(frame.ciphertext.subarray(0, frame.ciphertext.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(gunzipSync(plain).toString('utf8'));
  } catch {
    throw new PackageRefused('数据包已被改动或损坏（无法解密），未导入任何数据');
  }
}
