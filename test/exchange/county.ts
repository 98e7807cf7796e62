// Test support for the exchange: plain databases in a temp folder, records written as the API
// writes them (validated, then through the store), and what a database holds, for comparing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { officeRecords, type PortableRecord } from '../../db/exchange/portable-records.ts';
import { registerByName, registers } from '../../db/registers/index.ts';
import type { RegisterName, RegisterRecord } from '../../db/registers/register.ts';
import { insertRecord, loadVocabulary, setDeleted, updateRecord, validateRecord } from '../../db/registers/store.ts';

export const USER = '测试';

export function tempFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sftz-${prefix}-`));
}

export function newDatabase(folder: string, name: string): RegisterDatabase {
  return openDatabase(path.join(folder, `${name}.sqlite`), { create: true });
}

function valid(db: RegisterDatabase, name: RegisterName, record: RegisterRecord, id?: number): RegisterRecord {
  const result = validateRecord(db, registerByName.get(name)!, loadVocabulary(db), record, id);
  if (!result.ok) throw new Error(`invalid ${name}: ${JSON.stringify(result.fieldErrors)}`);
  return result.record;
}

export function create(db: RegisterDatabase, name: RegisterName, record: RegisterRecord): number {
  return db.transaction(() => insertRecord(db, registerByName.get(name)!, valid(db, name, record)))();
}

export function edit(db: RegisterDatabase, name: RegisterName, id: number, record: RegisterRecord): void {
  db.transaction(() => updateRecord(db, registerByName.get(name)!, id, valid(db, name, record, id)))();
}

export function setRemoved(db: RegisterDatabase, name: RegisterName, id: number, removed: boolean): boolean {
  return setDeleted(db, registerByName.get(name)!, id, removed);
}

export function officeId(db: RegisterDatabase, name: string): number {
  const id = db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(name) as number | undefined;
  if (id !== undefined) return id;
  return Number(db.prepare('INSERT INTO office (name) VALUES (?)').run(name).lastInsertRowid);
}

/** A granted application case of the office, valid by the register's rules. */
export function legalAidCase(caseNo: string, office: number, receivedOn = '2024-03-01'): RegisterRecord {
  return {
    case_no: caseNo,
    office_id: office,
    received_on: receivedOn,
    source: 'application',
    category: 'civil',
    review_result: 'granted',
    recipient_name: `受援人${caseNo}`,
    recipient_sex: 'female',
    recipient_birth_date: '1980-01-01',
    handler_name: '王律师',
    handler_type: 'lawyer',
  };
}

/** Every row of every register table and child table, in a stable order (ids left out: they differ by machine). */
export function registerContent(db: RegisterDatabase): string {
  const tables = [...registers.map((register) => register.table), 'mediation_party', 'mediation_case_mediator', 'correction_activity_attendee', 'office', 'list_item'];
  return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
}

/** Everything a refused package or join file must leave as it was. */
export function everything(db: RegisterDatabase): string {
  return JSON.stringify([
    registerContent(db),
    db.prepare('SELECT * FROM exchange_site').all(),
    db.prepare('SELECT * FROM exchange_office ORDER BY office_id').all(),
    db.prepare('SELECT * FROM exchange_change ORDER BY tbl, gid').all(),
    db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  ]);
}

/** An office's records in portable form, sorted by gid, for comparing two sites. */
export function portableOf(db: RegisterDatabase, office: string): PortableRecord[] {
  const id = db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(office) as number;
  return officeRecords(db, id).sort((a, b) => (a.t + a.gid < b.t + b.gid ? -1 : 1));
}
