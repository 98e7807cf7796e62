// The intranet part of 数据交换, as stored and as the administrator changes it (设置 → 数据交换 →
// 内网同步): at the bureau, whether and where the listener listens and its certificate (made
// once, when the listener is first turned on); at an office, the bureau's address, the pinned
// fingerprint, the sync interval, and how the last sync went. Kept in the `setting` table as JSON.
// Each change is audited in the transaction that makes it. No network here.

import { networkInterfaces } from 'node:os';
import { recordAudit } from '../audit/audit-log.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { statement } from '../registers/register.ts';
import { makeBureauCertificate, normalFingerprint, type BureauCertificate } from './intranet-certificate.ts';
import { siteOf } from './site.ts';

export interface ListenerSettings {
  readonly enabled: boolean;
  /** An address of this machine; '' until the administrator chooses one. */
  readonly address: string;
  readonly port: number;
}

export interface BureauLink {
  readonly enabled: boolean;
  readonly address: string;
  readonly port: number;
  /** The bureau certificate's SHA-256 fingerprint, AB:CD:…; '' until known. */
  readonly fingerprint: string;
  readonly intervalMinutes: number;
}

export interface SyncState {
  readonly lastSuccessAt: string | null;
  readonly lastAttemptAt: string | null;
  /** Chinese; null after a success. */
  readonly lastError: string | null;
}

/** What the join file tells an office about the bureau's listener. */
export interface JoinIntranet {
  readonly address: string;
  readonly port: number;
  readonly fingerprint: string;
}

export const DEFAULT_PORT = 8443;
export const DEFAULT_INTERVAL_MINUTES = 5;

const LISTENER = 'intranetListener';
const CERTIFICATE = 'intranetCertificate';
const LINK = 'intranetBureauLink';
const SYNC_STATE = 'intranetSyncState';

function read<T>(db: RegisterDatabase, key: string): T | null {
  const row = statement(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

function write(db: RegisterDatabase, key: string, value: unknown): void {
  statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export const listenerSettings = (db: RegisterDatabase): ListenerSettings => read<ListenerSettings>(db, LISTENER) ?? { enabled: false, address: '', port: DEFAULT_PORT };

export const bureauCertificate = (db: RegisterDatabase): BureauCertificate | null => read<BureauCertificate>(db, CERTIFICATE);

export const bureauLink = (db: RegisterDatabase): BureauLink =>
  read<BureauLink>(db, LINK) ?? { enabled: false, address: '', port: DEFAULT_PORT, fingerprint: '', intervalMinutes: DEFAULT_INTERVAL_MINUTES };

export const syncState = (db: RegisterDatabase): SyncState => read<SyncState>(db, SYNC_STATE) ?? { lastSuccessAt: null, lastAttemptAt: null, lastError: null };

export function recordSyncOutcome(db: RegisterDatabase, at: string, error: string | null): void {
  const before = syncState(db);
  write(db, SYNC_STATE, { lastAttemptAt: at, lastSuccessAt: error === null ? at : before.lastSuccessAt, lastError: error });
}

/** This machine's IPv4 and IPv6 addresses, loopback first: what the listener may be bound to. */
export function interfaceAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  return [...new Set([...all.filter((entry) => entry.internal), ...all.filter((entry) => !entry.internal)].map((entry) => entry.address))];
}

/** The listener's address and pin for a join file made now; null while the listener is off. */
export function joinIntranet(db: RegisterDatabase): JoinIntranet | null {
  const listener = listenerSettings(db);
  const certificate = bureauCertificate(db);
  return listener.enabled && certificate ? { address: listener.address, port: listener.port, fingerprint: certificate.fingerprint } : null;
}

const portProblem = (port: number) => (Number.isInteger(port) && port >= 1 && port <= 65535 ? null : '端口应为 1 至 65535 的整数');

/**
 * Turns the bureau's listener on or off, on one of this machine's addresses. The certificate is
 * made the first time it is turned on (made before the transaction: pkijs signs asynchronously).
 */
export async function setListener(db: RegisterDatabase, wanted: ListenerSettings, user: string): Promise<ListenerSettings> {
  const site = siteOf(db);
  if (site?.role === 'office') throw new UserError(`本机是${site.officeName ?? ''}的电脑（司法所），内网同步服务只能在局端开启；司法所请填写局端地址`, 'conflict');
  const address = wanted.address.trim();
  const problems: Record<string, string> = {};
  if (wanted.enabled && !address) problems.address = '请选择本机的一个地址';
  else if (address && !interfaceAddresses().includes(address)) problems.address = `「${address}」不是本机的地址，请从列表中选择`;
  if (address === '0.0.0.0' || address === '::') problems.address = '不能在所有网卡上监听，请选择本机的一个地址';
  const port = portProblem(wanted.port);
  if (port) problems.port = port;
  if (Object.keys(problems).length > 0) throw new UserError(`内网同步设置未保存：${Object.values(problems).join('；')}`, 'validation', problems);
  const made = wanted.enabled && !bureauCertificate(db) ? await makeBureauCertificate() : null;
  const after: ListenerSettings = { enabled: wanted.enabled, address, port: wanted.port };
  db.transaction(() => {
    const before = listenerSettings(db);
    if (made && !bureauCertificate(db)) write(db, CERTIFICATE, made);
    write(db, LISTENER, after);
    recordAudit(db, {
      user,
      action: 'settings',
      method: 'exchange.setListener',
      table: 'setting',
      before,
      after: { ...after, fingerprint: bureauCertificate(db)?.fingerprint ?? null },
    });
  })();
  return after;
}

/** The office's link to the bureau: address, port, pinned fingerprint and interval, typed or from the join file. */
export function setBureauLink(db: RegisterDatabase, wanted: BureauLink, user: string): BureauLink {
  const site = siteOf(db);
  if (site?.role !== 'office') throw new UserError('只有已加入本县的司法所电脑才需要填写局端地址；局端请开启内网同步服务', 'conflict');
  const problems: Record<string, string> = {};
  const address = wanted.address.trim();
  if (wanted.enabled && !address) problems.address = '请填写局端电脑的地址';
  else if (address && !/^[0-9A-Za-z.:\-[\]]+$/.test(address)) problems.address = '地址应为局端电脑的网络地址（如 192.168.1.10）或计算机名';
  const port = portProblem(wanted.port);
  if (port) problems.port = port;
  const fingerprint = wanted.fingerprint.trim() ? normalFingerprint(wanted.fingerprint) : '';
  if (fingerprint === null) problems.fingerprint = '证书指纹应为 64 位十六进制数字（可带冒号），请按局端设置页显示的照抄';
  else if (wanted.enabled && !fingerprint) problems.fingerprint = '请填写局端证书指纹（见局端 设置 → 数据交换 → 内网同步）';
  if (!Number.isInteger(wanted.intervalMinutes) || wanted.intervalMinutes < 1 || wanted.intervalMinutes > 120) {
    problems.intervalMinutes = '同步间隔应为 1 至 120 分钟';
  }
  if (Object.keys(problems).length > 0) throw new UserError(`局端地址未保存：${Object.values(problems).join('；')}`, 'validation', problems);
  const after: BureauLink = { enabled: wanted.enabled, address, port: wanted.port, fingerprint: fingerprint!, intervalMinutes: wanted.intervalMinutes };
  db.transaction(() => {
    const before = bureauLink(db);
    write(db, LINK, after);
    recordAudit(db, { user, action: 'settings', method: 'exchange.setBureauLink', table: 'setting', before, after });
  })();
  return after;
}

/** At joining: the link the join file gives, on when the bureau's listener was on. */
export function takeJoinIntranet(db: RegisterDatabase, intranet: JoinIntranet | undefined): void {
  if (!intranet) return;
  write(db, LINK, { ...bureauLink(db), enabled: true, address: intranet.address, port: intranet.port, fingerprint: intranet.fingerprint });
}
