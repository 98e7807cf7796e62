// This install's part in the county (exchange.md "Sites"): a standalone bureau (no row), a
// bureau that has invited offices, or an office site. Also the office site's change log: SQLite
// triggers on the register tables and their child tables number every write in the same
// transaction that makes it, so nothing (API, importer, undo) can write a record unlogged.
// The triggers exist only at an office site: a bureau pays nothing for them.

import { randomBytes } from 'node:crypto';
import type { RegisterDatabase } from '../database.ts';
import { statement } from '../registers/register.ts';
import { childTables, exchangedTables } from './exchanged-tables.ts';

export interface Site {
  readonly role: 'bureau' | 'office';
  readonly countyId: string;
  readonly siteId: string;
  readonly bureauName: string;
  /** The office this site is (office sites only). */
  readonly officeId: number | null;
  readonly officeName: string | null;
  /** The invitation this office site joined with. */
  readonly inviteId: string | null;
  /** This site's Ed25519 private key (PEM). */
  readonly signingKey: string;
  readonly bureauPublicKey: string;
  /** The AES-256 key of the office's packages, base64 (office sites only). */
  readonly packageKey: string | null;
  readonly seq: number;
  readonly acked: number;
  readonly bureauSeq: number;
  readonly joinedAt: string;
  readonly lastSyncAt: string | null;
}

export function siteOf(db: RegisterDatabase): Site | null {
  const row = statement(
    db,
    `SELECT s.role, s.county_id AS countyId, s.site_id AS siteId, s.bureau_name AS bureauName, s.office_id AS officeId,
       o.name AS officeName, s.invite_id AS inviteId, s.signing_key AS signingKey, s.bureau_public_key AS bureauPublicKey, s.package_key AS packageKey,
       s.seq, s.acked, s.bureau_seq AS bureauSeq, s.joined_at AS joinedAt, s.last_sync_at AS lastSyncAt
     FROM exchange_site s LEFT JOIN office o ON o.id = s.office_id`,
  ).get() as Site | undefined;
  return row ?? null;
}

/** A record's identity across sites: 32 hex digits. */
export function newGid(): string {
  return randomBytes(16).toString('hex');
}

export const GID_SQL = 'lower(hex(randomblob(16)))';

/** Gives every record that has none its gid (before records leave the bureau in a join file or restore). */
export function assignGids(db: RegisterDatabase): void {
  for (const table of exchangedTables) db.exec(`UPDATE ${table} SET gid = ${GID_SQL} WHERE gid IS NULL`);
}

/** SQL that numbers one change of the record `gidSql` of `table`. */
function logChange(table: string, gidSql: string): string {
  return `UPDATE exchange_site SET seq = seq + 1;
  INSERT OR REPLACE INTO exchange_change (tbl, gid, seq) SELECT '${table}', g, (SELECT seq FROM exchange_site) FROM (SELECT ${gidSql} AS g) WHERE g IS NOT NULL;`;
}

/** Installs the office site's change log triggers (idempotent). */
export function installChangeLog(db: RegisterDatabase): void {
  for (const table of exchangedTables) {
    db.exec(`
CREATE TRIGGER IF NOT EXISTS exchange_${table}_insert AFTER INSERT ON ${table} BEGIN
  UPDATE ${table} SET gid = ${GID_SQL} WHERE id = NEW.id AND gid IS NULL;
  ${logChange(table, `(SELECT gid FROM ${table} WHERE id = NEW.id)`)}
END;
CREATE TRIGGER IF NOT EXISTS exchange_${table}_update AFTER UPDATE ON ${table} BEGIN
  ${logChange(table, 'NEW.gid')}
END;
CREATE TRIGGER IF NOT EXISTS exchange_${table}_delete AFTER DELETE ON ${table} BEGIN
  ${logChange(table, 'OLD.gid')}
END;`);
  }
  for (const [child, { parent, column }] of Object.entries(childTables)) {
    const parentGid = (row: 'NEW' | 'OLD') => `(SELECT gid FROM ${parent} WHERE id = ${row}.${column})`;
    db.exec(`
CREATE TRIGGER IF NOT EXISTS exchange_${child}_insert AFTER INSERT ON ${child} BEGIN ${logChange(parent, parentGid('NEW'))} END;
CREATE TRIGGER IF NOT EXISTS exchange_${child}_delete AFTER DELETE ON ${child} BEGIN ${logChange(parent, parentGid('OLD'))} END;
CREATE TRIGGER IF NOT EXISTS exchange_${child}_update AFTER UPDATE ON ${child} BEGIN ${logChange(parent, parentGid('NEW'))} END;`);
  }
}

/** Local time with offset, as people read it: 2025-01-05 16:20. */
export function shortTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
