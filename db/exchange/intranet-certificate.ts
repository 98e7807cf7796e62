// The bureau's own TLS certificate for the intranet listener (exchange.md "Over the intranet"):
// an ECDSA P-256 key made by Node's crypto, a self-signed X.509 certificate built with pkijs
// (Node makes keys but not certificates), and its SHA-256 fingerprint, which join files carry
// and offices pin. Nothing here trusts a certificate authority.

import { X509Certificate, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface BureauCertificate {
  /** PEM. */
  readonly certificate: string;
  /** PKCS#8 PEM. */
  readonly privateKey: string;
  readonly fingerprint: string;
}

// pkijs is typed with the DOM's WebCrypto types; Node's webcrypto is the same API.
type PkiCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
type PkiKey = Parameters<pkijs.Certificate['sign']>[0];

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as PkiCrypto });

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;

/** SHA-256 of the certificate's DER bytes, as AB:CD:… (what Node's TLS socket reports). */
export function certificateFingerprint(certificate: string | Buffer): string {
  return new X509Certificate(certificate).fingerprint256;
}

/** The fingerprint as typed (any case, colons, spaces or none), or null if it is not 32 bytes of hex. */
export function normalFingerprint(typed: string): string | null {
  const hex = typed.replace(/[\s:：-]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050 (UTCTime would read 2056 as 1956). */
const validityTime = (value: Date) =>
  new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime, value });

/** A new key and self-signed certificate, valid from yesterday for thirty years. */
export async function makeBureauCertificate(): Promise<BureauCertificate> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: webcrypto.getRandomValues(new Uint8Array(16)).map((byte, index) => (index === 0 ? byte & 0x7f : byte)) });
  const name = new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: 'sifa-taizhang bureau' }) });
  certificate.subject.typesAndValues.push(name);
  certificate.issuer.typesAndValues.push(name);
  const day = 24 * 3600 * 1000;
  certificate.notBefore = validityTime(new Date(Date.now() - day));
  certificate.notAfter = validityTime(new Date(Date.now() + 30 * 365 * day));
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey as unknown as PkiKey, engine);
  await certificate.sign(keys.privateKey as unknown as PkiKey, 'SHA-256', engine);
  const der = certificate.toSchema(true).toBER(false);
  const privateKey = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certificate: pem('CERTIFICATE', der), privateKey: pem('PRIVATE KEY', privateKey), fingerprint: certificateFingerprint(Buffer.from(der)) };
}
