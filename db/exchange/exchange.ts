// Invitations, joining, and packages both ways (exchange.md): what the CLI, the API and the
// intranet sync call. Every refusal is a PackageRefused (or UserError) with a Chinese reason,
// thrown before anything is written; everything a package writes is one transaction.

import { gunzipSync, gzipSync } from 'node:zlib';
import { recordAudit } from '../audit/audit-log.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { registers } from '../registers/index.ts';
import { firstValue, firstValues } from './first-column.ts';
import { statement } from '../registers/register.ts';
import { migrations } from '../schema/migrations.ts';
import { officeKindOfName } from '../settings/office-kinds.ts';
import { joinIntranet, takeJoinIntranet, type JoinIntranet } from './intranet-settings.ts';
import { whileApplying } from './ownership.ts';
import {
  PackageRefused,
  officeRecords,
  readPortableByGid,
  writePortables,
  type PortableRecord,
} from './portable-records.ts';
import {
  newPackageKey,
  newSigningKeys,
  openBody,
  readFrame,
  sealPackage,
  signBytes,
  verifyBytes,
  type OpenedFrame,
  type PackageHeader,
} from './sealed-file.ts';
import type { OfficeDataAsOf } from './data-as-of.ts';
import { assignGids, installChangeLog, newGid, shortTime, siteOf, type Site } from './site.ts';

interface ListRow {
  readonly list: string;
  readonly code: string;
  readonly label: string;
  readonly sort: number;
}

/** What the bureau shares with every office: the office list (with each office's kind) and the configurable lists. */
interface SharedLists {
  readonly bureauName: string;
  readonly offices: string[];
  /** 单位类别 by office name; a package made before offices had kinds has none. */
  readonly officeKinds?: Record<string, string>;
  readonly lists: ListRow[];
}

interface JoinBody extends SharedLists {
  readonly kind: 'join';
  readonly countyId: string;
  readonly bureauPublicKey: string;
  readonly office: string;
  readonly inviteId: string;
  readonly officePrivateKey: string;
  readonly packageKey: string;
  readonly dataVersion: number;
  readonly records: PortableRecord[];
  /** The bureau's listener and the fingerprint to pin, when it was on at the invitation. */
  readonly intranet?: JoinIntranet | null;
}

interface OfficeBody {
  readonly siteId: string;
  readonly seq: number;
  readonly records: PortableRecord[];
}

interface BureauBody extends SharedLists {
  readonly bureauSeq: number;
  readonly ack: number;
  readonly restore: boolean;
  readonly records: PortableRecord[];
}

export interface PackageMade {
  readonly file: Buffer;
  readonly office: string;
  readonly records: number;
  readonly seq: number;
}

export interface PackageApplied {
  readonly applied: boolean;
  readonly office: string;
  readonly records: number;
  readonly message: string;
}

const now = () => new Date().toISOString();
const dataVersion = () => migrations.length;

function sharedLists(db: RegisterDatabase, bureauName: string): SharedLists {
  return {
    bureauName,
    offices: firstValues(db, 'SELECT name FROM office WHERE deleted_at IS NULL ORDER BY sort, id') as string[],
    officeKinds: Object.fromEntries(
      (statement(db, 'SELECT name, kind FROM office WHERE deleted_at IS NULL').all() as { name: string; kind: string }[]).map((office) => [office.name, office.kind]),
    ),
    lists: statement(db, 'SELECT list, code, label, sort FROM list_item WHERE configurable = 1 ORDER BY list, sort').all() as ListRow[],
  };
}

/** Takes the bureau's lists: offices added by name with the bureau's kind for each, configurable lists replaced. */
function applySharedLists(db: RegisterDatabase, shared: SharedLists): void {
  for (const name of shared.offices) {
    const kind = shared.officeKinds?.[name] ?? officeKindOfName(name);
    statement(db, 'INSERT INTO office (name, kind) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind').run(name, kind);
  }
  statement(db, 'DELETE FROM list_item WHERE configurable = 1').run();
  for (const item of shared.lists) {
    statement(db, 'INSERT OR REPLACE INTO list_item (list, code, label, sort, configurable) VALUES (?, ?, ?, ?, 1)').run(
      item.list,
      item.code,
      item.label,
      item.sort,
    );
  }
  statement(db, 'INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)').run('bureauName', shared.bureauName);
}

function bureauName(db: RegisterDatabase): string {
  return (firstValue(db, "SELECT value FROM setting WHERE key = 'bureauName'") as string | undefined) ?? '司法局';
}

function newerVersion(version: number): string | null {
  return version > dataVersion()
    ? `该文件由更新版本的司法台账生成（数据版本 ${version}，本机 ${dataVersion()}），请先把本机程序升级到同一版本再导入，未导入任何数据`
    : null;
}

// ---- at the bureau ----

/** The bureau site, made on the first invitation (a standalone bureau has none). */
function bureauSite(db: RegisterDatabase): Site {
  const site = siteOf(db);
  if (site?.role === 'office') throw new UserError(`本机是${site.officeName ?? ''}的电脑（司法所），只有局端才能邀请司法所`, 'conflict');
  if (site) return site;
  const keys = newSigningKeys();
  statement(
    db,
    `INSERT INTO exchange_site (id, role, county_id, site_id, bureau_name, signing_key, bureau_public_key, joined_at)
     VALUES (1, 'bureau', ?, ?, ?, ?, ?, ?)`,
  ).run(newGid(), newGid(), bureauName(db), keys.privateKey, keys.publicKey, now());
  return siteOf(db)!;
}

/**
 * A join file for the office `officeName` (added to the office list if it is not there). A new
 * invitation replaces the office's keys: packages made with an older join file are refused.
 */
export function inviteOffice(db: RegisterDatabase, officeName: string, user: string): { file: Buffer; records: number } {
  const name = officeName.trim();
  if (!name) throw new UserError('请给出司法所名称');
  return db.transaction(() => {
    const site = bureauSite(db);
    statement(db, 'INSERT OR IGNORE INTO office (name, kind) VALUES (?, ?)').run(name, officeKindOfName(name));
    const office = statement(db, 'SELECT id, deleted_at FROM office WHERE name = ?').get(name) as { id: number; deleted_at: string | null };
    if (office.deleted_at) throw new UserError(`单位「${name}」已删除，请先恢复该单位`, 'conflict');
    const keys = newSigningKeys();
    const inviteId = newGid();
    const packageKey = newPackageKey();
    statement(
      db,
      `INSERT OR REPLACE INTO exchange_office (office_id, invite_id, public_key, package_key, invited_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(office.id, inviteId, keys.publicKey, packageKey, now());
    assignGids(db);
    const records = officeRecords(db, office.id);
    const body: JoinBody = {
      kind: 'join',
      ...sharedLists(db, site.bureauName),
      countyId: site.countyId,
      bureauPublicKey: site.bureauPublicKey,
      office: name,
      inviteId,
      officePrivateKey: keys.privateKey,
      packageKey,
      dataVersion: dataVersion(),
      records,
      intranet: joinIntranet(db),
    };
    const text = JSON.stringify(body);
    const signature = signBytes(Buffer.from(text, 'utf8'), site.signingKey).toString('base64');
    recordAudit(db, { user, action: 'export', method: 'exchange.invite', details: { office: name, records: records.length } });
    return { file: gzipSync(JSON.stringify({ join: text, signature })), records: records.length };
  })();
}

const registerTables = registers.map((register) => register.table);

/** Makes an empty (or new) database the site of the office the join file is for. */
export function joinCounty(db: RegisterDatabase, file: Buffer, user: string): { office: string; records: number } {
  let body: JoinBody;
  try {
    const outer = JSON.parse(gunzipSync(file).toString('utf8')) as { join: string; signature: string };
    body = JSON.parse(outer.join) as JoinBody;
    if (body.kind !== 'join' || !verifyBytes(Buffer.from(outer.join, 'utf8'), Buffer.from(outer.signature, 'base64'), body.bureauPublicKey)) {
      throw new Error('signature');
    }
  } catch {
    throw new PackageRefused('该文件不是加入文件，或已被改动、损坏，未做任何改动');
  }
  const newer = newerVersion(body.dataVersion);
  if (newer) throw new PackageRefused(newer);
  const site = siteOf(db);
  if (site) {
    throw new PackageRefused(
      site.role === 'office'
        ? `本机已是${site.officeName ?? ''}的电脑（已加入${site.bureauName}），加入文件不能再用一次`
        : '本机是局端，不能用加入文件加入',
    );
  }
  for (const table of registerTables) {
    if (statement(db, `SELECT 1 FROM ${table} LIMIT 1`).get()) {
      throw new PackageRefused('本机已有台账记录：只有新的或空的数据库才能加入（请在新的数据库上加入，记录会从局端带来）');
    }
  }
  db.transaction(() => {
    applySharedLists(db, body);
    const officeId = firstValue(db, 'SELECT id FROM office WHERE name = ?', body.office) as number;
    statement(
      db,
      `INSERT INTO exchange_site (id, role, county_id, site_id, bureau_name, office_id, invite_id, signing_key, bureau_public_key, package_key, joined_at)
       VALUES (1, 'office', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(body.countyId, newGid(), body.bureauName, officeId, body.inviteId, body.officePrivateKey, body.bureauPublicKey, body.packageKey, now());
    whileApplying(db, () => writePortables(db, body.records));
    takeJoinIntranet(db, body.intranet ?? undefined);
    installChangeLog(db);
    recordAudit(db, { user, action: 'import', method: 'exchange.join', details: { office: body.office, records: body.records.length } });
  })();
  return { office: body.office, records: body.records.length };
}

// ---- making packages ----

function requireSite(db: RegisterDatabase): Site {
  const site = siteOf(db);
  if (!site) throw new UserError('本机尚未参加数据交换：局端请先邀请司法所，司法所请先用加入文件加入本县', 'conflict');
  return site;
}

interface OfficeRow {
  readonly office_id: number;
  readonly name: string;
  readonly invite_id: string;
  readonly public_key: string;
  readonly package_key: string;
  readonly site_id: string | null;
  readonly last_seq: number;
  readonly last_made_at: string | null;
  readonly sent_seq: number;
  readonly went_back_at: string | null;
}

const officeRowSql = `SELECT x.*, o.name FROM exchange_office x JOIN office o ON o.id = x.office_id`;

function invitedOffice(db: RegisterDatabase, name: string): OfficeRow | undefined {
  return statement(db, `${officeRowSql} WHERE o.name = ?`).get(name) as OfficeRow | undefined;
}

/**
 * Whether a package that carries no record leaves an audit entry: yes for the files a user makes
 * and imports; no for the intranet's syncs every few minutes, which would otherwise fill the log
 * (their last success time says they ran; a package with records is always audited).
 */
export interface AuditOfEmpty {
  readonly auditEmpty?: boolean;
}

const audits = (options: AuditOfEmpty, records: number): boolean => options.auditEmpty !== false || records > 0;

/**
 * The package this site sends: an office's carries every record changed and not yet
 * acknowledged; the bureau's to `office` carries the acknowledgement, the shared lists and,
 * when `restore` (or after the office's sequence went back), the office's records.
 */
export function makePackage(db: RegisterDatabase, options: { office?: string; restore?: boolean; user: string } & AuditOfEmpty): PackageMade {
  const site = requireSite(db);
  return db.transaction(() => {
    const base = { countyId: site.countyId, bureauName: site.bureauName, dataVersion: dataVersion(), madeAt: now() };
    if (site.role === 'office') {
      const changes = statement(db, 'SELECT tbl, gid FROM exchange_change WHERE seq > ? ORDER BY seq').all(site.acked) as {
        tbl: string;
        gid: string;
      }[];
      const records = changes.map((change) => readPortableByGid(db, change.tbl, change.gid, site.officeName!));
      const body: OfficeBody = { siteId: site.siteId, seq: site.seq, records };
      const header = { ...base, kind: 'office' as const, office: site.officeName!, inviteId: site.inviteId! };
      if (audits(options, records.length)) {
        recordAudit(db, { user: options.user, action: 'export', method: 'exchange.export', details: { office: site.officeName, records: records.length, seq: site.seq } });
      }
      return { file: sealPackage(header, body, site.packageKey!, site.signingKey), office: site.officeName!, records: records.length, seq: site.seq };
    }
    if (!options.office) throw new UserError('请用 --office 指定数据包给哪个司法所');
    const office = invitedOffice(db, options.office);
    if (!office) throw new UserError(`「${options.office}」尚未被邀请加入本县数据交换，请先生成加入文件`, 'not_found');
    const bureauSeq = office.sent_seq + 1;
    statement(db, 'UPDATE exchange_office SET sent_seq = ? WHERE office_id = ?').run(bureauSeq, office.office_id);
    const restore = options.restore === true || office.went_back_at !== null;
    if (restore) assignGids(db);
    const records = restore ? officeRecords(db, office.office_id) : [];
    const body: BureauBody = { ...sharedLists(db, site.bureauName), bureauSeq, ack: office.last_seq, restore, records };
    const header = { ...base, kind: 'bureau' as const, office: office.name, inviteId: office.invite_id };
    if (audits(options, records.length)) {
      recordAudit(db, { user: options.user, action: 'export', method: 'exchange.export', details: { office: office.name, records: records.length, seq: bureauSeq, restore } });
    }
    return { file: sealPackage(header, body, office.package_key, site.signingKey), office: office.name, records: records.length, seq: bureauSeq };
  })();
}

// ---- applying packages ----

/** Applies a package made by the other side; refused whole (PackageRefused) or applied whole. */
export function applyPackage(db: RegisterDatabase, file: Buffer, user: string, options: AuditOfEmpty = {}): PackageApplied {
  const frame = readFrame(file);
  const site = siteOf(db);
  if (!site) throw new PackageRefused('本机尚未参加数据交换（局端尚未邀请任何司法所，或本机尚未加入），不能导入数据包');
  const { header } = frame;
  if (header.countyId !== site.countyId) {
    throw new PackageRefused(`该数据包属于另一个县（${String(header.bureauName)}），不是本县（${site.bureauName}）的，未导入任何数据`);
  }
  return site.role === 'bureau' ? applyOfficePackage(db, site, frame, user, options) : applyBureauPackage(db, site, frame, user, options);
}

function checkVersion(header: PackageHeader): void {
  const newer = newerVersion(header.dataVersion);
  if (newer) throw new PackageRefused(newer);
}

function applyOfficePackage(db: RegisterDatabase, site: Site, frame: OpenedFrame, user: string, options: AuditOfEmpty): PackageApplied {
  const { header } = frame;
  if (header.kind !== 'office') throw new PackageRefused('这是局端生成的数据包，应在司法所的电脑上导入');
  const office = invitedOffice(db, header.office);
  if (!office) throw new PackageRefused(`数据包来自未加入本县的单位「${header.office}」：请先为该单位生成加入文件，未导入任何数据`);
  if (!verifyBytes(frame.signed, frame.signature, office.public_key)) {
    const signer = (statement(db, officeRowSql).all() as OfficeRow[]).find((other) => verifyBytes(frame.signed, frame.signature, other.public_key));
    if (signer) throw new PackageRefused(`该数据包由${signer.name}签发，却自称来自${header.office}，未导入任何数据`);
    if (header.inviteId !== office.invite_id) {
      throw new PackageRefused(`该数据包来自${header.office}已作废的加入文件（之后已重新邀请），请在该所电脑上用新的加入文件加入，未导入任何数据`);
    }
    throw new PackageRefused('数据包已被改动或损坏（签名不符），未导入任何数据');
  }
  checkVersion(header);
  const body = openBody(frame, office.package_key) as OfficeBody;
  if (typeof body.seq !== 'number' || typeof body.siteId !== 'string' || !Array.isArray(body.records)) {
    throw new PackageRefused('数据包内容不完整，未导入任何数据');
  }
  if (office.site_id !== null && office.site_id !== body.siteId) {
    throw new PackageRefused(
      `${office.name}的加入文件已在另一台电脑上使用过：同一个加入文件只能用一次。如该所换了电脑，请重新生成加入文件，未导入任何数据`,
    );
  }
  const foreign = [...new Set(body.records.filter((record) => record.office !== office.name).map((record) => record.office))];
  for (const record of body.records) {
    const owner = firstValue(db, `SELECT o.name FROM ${tableOf(record)} t JOIN office o ON o.id = ${officeSqlOf(record)} WHERE t.gid = ?`, record.gid) as string | undefined;
    if (owner !== undefined && owner !== office.name) foreign.push(owner);
  }
  if (foreign.length > 0) {
    throw new PackageRefused(`${office.name}的数据包中夹带了其他单位（${[...new Set(foreign)].join('、')}）的记录，未导入任何数据`);
  }
  if (office.last_made_at !== null && body.seq <= office.last_seq) {
    if (body.seq < office.last_seq && header.madeAt > office.last_made_at) {
      statement(db, 'UPDATE exchange_office SET went_back_at = ?, went_back_seq = ? WHERE office_id = ?').run(now(), body.seq, office.office_id);
      throw new PackageRefused(
        `${office.name}的数据序号倒退（本包 ${body.seq}，局端已收到 ${office.last_seq}，数据截至 ${shortTime(office.last_made_at)}）：` +
          `该所电脑可能从旧备份恢复或被复制到另一台电脑。为免旧数据覆盖新数据，本包未导入；` +
          `请给该所生成数据包（将带上局端保存的该所全部记录），在该所导入后再生成新的数据包`,
      );
    }
    return { applied: false, office: office.name, records: 0, message: `该数据包（序号 ${body.seq}）已导入过，或已有更新的数据包，未做改动` };
  }
  db.transaction(() => {
    whileApplying(db, () => writePortables(db, body.records));
    statement(
      db,
      `UPDATE exchange_office SET site_id = ?, last_seq = ?, last_made_at = ?, last_received_at = ?, last_records = ?,
         went_back_at = NULL, went_back_seq = NULL WHERE office_id = ?`,
    ).run(body.siteId, body.seq, header.madeAt, now(), body.records.length, office.office_id);
    if (audits(options, body.records.length)) {
      recordAudit(db, { user, action: 'import', method: 'exchange.import', details: { office: office.name, records: body.records.length, seq: body.seq } });
    }
  })();
  return { applied: true, office: office.name, records: body.records.length, message: `已导入${office.name}的数据包（序号 ${body.seq}，${body.records.length} 条记录）` };
}

const tableOf = (record: PortableRecord) => {
  const register = registers.find((candidate) => candidate.table === record.t);
  if (!register) throw new PackageRefused(`数据包中有不认识的台账「${record.t}」`);
  return register.table;
};
const officeSqlOf = (record: PortableRecord) => registers.find((candidate) => candidate.table === record.t)!.officeSql;

function applyBureauPackage(db: RegisterDatabase, site: Site, frame: OpenedFrame, user: string, options: AuditOfEmpty): PackageApplied {
  const { header } = frame;
  if (header.kind !== 'bureau') throw new PackageRefused('这是司法所生成的数据包，应在局端的电脑上导入');
  if (header.office !== site.officeName) {
    throw new PackageRefused(`这是给${header.office}的数据包，本机是${site.officeName ?? ''}的电脑，未导入任何数据`);
  }
  if (!verifyBytes(frame.signed, frame.signature, site.bureauPublicKey)) {
    throw new PackageRefused('数据包已被改动或损坏（签名不符），或不是本县局端生成的，未导入任何数据');
  }
  if (header.inviteId !== site.inviteId) {
    throw new PackageRefused(`该数据包是局端按另一份加入文件生成的（本所已被重新邀请），请用新的加入文件在新的数据库上加入，未导入任何数据`);
  }
  checkVersion(header);
  const body = openBody(frame, site.packageKey!) as BureauBody;
  if (typeof body.bureauSeq !== 'number' || typeof body.ack !== 'number' || !Array.isArray(body.records)) {
    throw new PackageRefused('数据包内容不完整，未导入任何数据');
  }
  const foreign = [...new Set(body.records.filter((record) => record.office !== site.officeName).map((record) => record.office))];
  if (foreign.length > 0) throw new PackageRefused(`数据包中夹带了其他单位（${foreign.join('、')}）的记录，未导入任何数据`);
  if (body.bureauSeq <= site.bureauSeq) {
    return { applied: false, office: site.officeName!, records: 0, message: `该数据包（局端序号 ${body.bureauSeq}）已导入过，或已有更新的数据包，未做改动` };
  }
  if (!body.restore && body.ack > site.seq) {
    throw new PackageRefused(
      `局端已收到本所序号 ${body.ack} 的数据，本机只到 ${site.seq}：本机可能从旧备份恢复或被复制到另一台电脑。` +
        `本包未导入；请局端给本所生成数据包（局端会带上本所全部记录），导入后即恢复`,
    );
  }
  db.transaction(() => {
    applySharedLists(db, body);
    if (body.restore) restoreRecords(db, site, body);
    else statement(db, 'UPDATE exchange_site SET acked = max(acked, ?), bureau_seq = ?, last_sync_at = ?').run(body.ack, body.bureauSeq, now());
    if (audits(options, body.records.length)) {
      recordAudit(db, { user, action: 'import', method: 'exchange.import', details: { office: site.officeName, records: body.records.length, seq: body.bureauSeq, restore: body.restore } });
    }
  })();
  const what = body.restore ? `，已从局端恢复本所记录 ${body.records.length} 条` : '';
  return { applied: true, office: site.officeName!, records: body.records.length, message: `已导入局端的数据包（局端序号 ${body.bureauSeq}）${what}` };
}

/**
 * 从局端恢复本所数据: the bureau's copy of every record replaces this site's; changes made here
 * that the bureau has not got are kept and numbered after what the bureau acknowledged, so they
 * go in the next package.
 */
function restoreRecords(db: RegisterDatabase, site: Site, body: BureauBody): void {
  const before = site.seq;
  whileApplying(db, () => writePortables(db, body.records));
  statement(db, 'DELETE FROM exchange_change WHERE seq > ?').run(before);
  for (const record of body.records) statement(db, 'DELETE FROM exchange_change WHERE tbl = ? AND gid = ?').run(record.t, record.gid);
  const base = Math.max(before, body.ack);
  statement(db, 'UPDATE exchange_change SET seq = seq + ?').run(base);
  statement(db, 'UPDATE exchange_site SET seq = ?, acked = ?, bureau_seq = ?, last_sync_at = ?').run(base + before, body.ack, body.bureauSeq, now());
}

// ---- status ----

export interface OfficeExchangeStatus {
  readonly office: string;
  readonly invitedAt: string;
  readonly joined: boolean;
  /** The sequence of the newest package applied, when it was made (数据截至) and received, how many records it carried. */
  readonly lastSeq: number;
  readonly dataAsOf: string | null;
  readonly lastReceivedAt: string | null;
  readonly lastRecords: number;
  /** Packages made for the office. */
  readonly sentSeq: number;
  /** When a package showed the office's sequence going back (cleared by its next package). */
  readonly wentBackAt: string | null;
}

export interface ExchangeStatus {
  readonly role: 'standalone' | 'bureau' | 'office';
  readonly bureauName: string;
  readonly office: string | null;
  readonly seq: number;
  readonly acked: number;
  readonly pending: number;
  readonly bureauSeq: number;
  readonly lastSyncAt: string | null;
  readonly offices: OfficeExchangeStatus[];
}

export function exchangeStatus(db: RegisterDatabase): ExchangeStatus {
  const site = siteOf(db);
  const rows = statement(db, `${officeRowSql} ORDER BY o.sort, o.id`).all() as (OfficeRow & {
    invited_at: string;
    last_received_at: string | null;
    last_records: number;
  })[];
  return {
    role: site?.role ?? 'standalone',
    bureauName: site?.bureauName ?? bureauName(db),
    office: site?.officeName ?? null,
    seq: site?.seq ?? 0,
    acked: site?.acked ?? 0,
    pending: site?.role === 'office' ? (firstValue(db, 'SELECT count(*) FROM exchange_change WHERE seq > ?', site.acked) as number) : 0,
    bureauSeq: site?.bureauSeq ?? 0,
    lastSyncAt: site?.lastSyncAt ?? null,
    offices: rows.map((row) => ({
      office: row.name,
      invitedAt: row.invited_at,
      joined: row.site_id !== null,
      lastSeq: row.last_seq,
      dataAsOf: row.last_made_at,
      lastReceivedAt: row.last_received_at,
      lastRecords: row.last_records,
      sentSeq: row.sent_seq,
      wentBackAt: row.went_back_at,
    })),
  };
}

/** "城西司法所 · 数据截至 2025-01-05 16:20": how the bureau marks a joined office's records and figures. */
const dataAsOfText = (office: string, madeAt: string | null) => `${office} · 数据截至 ${madeAt === null ? '（尚未收到数据包）' : shortTime(madeAt)}`;

/**
 * Each joined office's "数据截至" beside a report ending on `to`, or only `office`'s (a one-office
 * report); an empty list at a standalone bureau or an office site.
 */
export function dataAsOf(db: RegisterDatabase, to: string, onlyOffice: string | null = null): OfficeDataAsOf[] {
  const site = siteOf(db);
  if (site?.role !== 'bureau') return [];
  const offices = exchangeStatus(db).offices.filter((candidate) => onlyOffice === null || candidate.office === onlyOffice);
  return offices.map((office) => {
    const stale = office.dataAsOf === null || shortTime(office.dataAsOf).slice(0, 10) <= to;
    const text = dataAsOfText(office.office, office.dataAsOf);
    return { office: office.office, dataAsOf: office.dataAsOf, stale, text: stale ? `${text}，早于统计期末 ${to}，该所的数字可能不全` : text };
  });
}

/**
 * At the bureau, the offices whose records are read-only here (they joined: ownership.ts), each
 * with the mark their rows carry in the lists ("城西司法所 · 数据截至 …"); empty anywhere else.
 */
export function readOnlyOfficeMarks(db: RegisterDatabase): Map<number, string> {
  if (siteOf(db)?.role !== 'bureau') return new Map();
  const rows = statement(db, officeRowSql).all() as OfficeRow[];
  return new Map(rows.map((row) => [row.office_id, dataAsOfText(row.name, row.last_made_at)]));
}
