// The exchange through the API, as the settings page uses it: invite at the bureau, join at an
// office, a record typed at the office travels in a package, the bureau's edit of it is refused
// with where to make it, an office refuses another office's record, and an altered package is
// refused in Chinese with nothing written.

import { beforeEach, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { everything, legalAidCase } from './county.ts';

let bureauDb: RegisterDatabase;
let officeDb: RegisterDatabase;
let bureau: ApiCall;
let office: ApiCall;

async function value<T>(call: ApiCall, method: string, input: unknown = {}): Promise<T> {
  const result = (await call(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function refusal(call: ApiCall, method: string, input: unknown): Promise<string> {
  const result = await call(method, input);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.message;
}

const idOf = (db: RegisterDatabase, name: string) => db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(name) as number;

beforeEach(async () => {
  bureauDb = openDatabase(':memory:', { create: true });
  officeDb = openDatabase(':memory:', { create: true });
  bureau = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: bureauDb, user: '局管理员', today: () => '2025-01-05' });
  office = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: officeDb, user: '所管理员', today: () => '2025-01-05' });
  await value(bureau, 'office.create', { name: '城东司法所' });
  const invitation = await value<{ fileName: string; content: string; records: number }>(bureau, 'exchange.invite', { office: '城西司法所' });
  expect(invitation.fileName).toBe('城西司法所.join');
  expect(await value(office, 'exchange.join', { content: invitation.content })).toEqual({ office: '城西司法所', records: 0 });
});

describe('the exchange through the API', () => {
  it('carries a record typed at the office to the bureau, where it is read-only', async () => {
    const created = await value<{ id: number }>(office, 'legalAidCase.create', { record: legalAidCase('西-1', idOf(officeDb, '城西司法所')) });
    const made = await value<{ content: string; records: number; seq: number }>(office, 'exchange.export', {});
    expect(made.records).toBe(1);
    const applied = await value<{ applied: boolean; records: number }>(bureau, 'exchange.import', { content: made.content });
    expect(applied).toMatchObject({ applied: true, records: 1 });
    const atBureau = bureauDb.prepare("SELECT id FROM legal_aid_case WHERE case_no = '西-1'").pluck().get() as number;
    expect(await refusal(bureau, 'legalAidCase.delete', { id: atBureau })).toBe('该记录属于城西司法所，城西司法所已加入本县数据交换，请在城西司法所的电脑上修改');
    expect(await refusal(bureau, 'legalAidCase.update', { id: atBureau, record: { ...legalAidCase('西-1', idOf(bureauDb, '城西司法所')), note: '改' } })).toContain(
      '请在城西司法所的电脑上修改',
    );
    const status = await value<{ offices: { office: string; lastSeq: number; lastRecords: number; dataAsOf: string | null }[] }>(bureau, 'exchange.status');
    expect(status.offices[0]).toMatchObject({ office: '城西司法所', lastSeq: made.seq, lastRecords: 1 });
    const madeDay = status.offices[0]!.dataAsOf!;
    const shown = (iso: string) => {
      const at = new Date(iso);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
    };
    const lastYear = `${Number(shown(madeDay).slice(0, 4)) - 1}-12-31`;
    expect(await value(bureau, 'exchange.dataAsOf', { to: lastYear })).toEqual([
      { office: '城西司法所', dataAsOf: madeDay, stale: false, text: `城西司法所 · 数据截至 ${shown(madeDay)}` },
    ]);
    const thisYear = `${shown(madeDay).slice(0, 4)}-12-31`;
    expect(await value(bureau, 'exchange.dataAsOf', { to: thisYear })).toEqual([
      { office: '城西司法所', dataAsOf: madeDay, stale: true, text: `城西司法所 · 数据截至 ${shown(madeDay)}，早于统计期末 ${thisYear}，该所的数字可能不全` },
    ]);
    await value(office, 'legalAidCase.delete', { id: created.id });
    const back = await value<{ content: string }>(bureau, 'exchange.export', { office: '城西司法所' });
    expect(await value(office, 'exchange.import', { content: back.content })).toMatchObject({ applied: true });
    expect(await value<{ pending: number; acked: number }>(office, 'exchange.status')).toMatchObject({ pending: 1, acked: made.seq });
  });

  it('keeps the shared lists the bureau’s, and a joined office’s name fixed', async () => {
    expect(await refusal(office, 'office.create', { name: '城北司法所' })).toContain('请在局端修改');
    expect(await refusal(office, 'lists.addItem', { list: 'disputeType', label: '网络购物' })).toContain('请在局端修改');
    expect(await refusal(bureau, 'office.rename', { id: idOf(bureauDb, '城西司法所'), name: '城西镇司法所' })).toBe(
      '「城西司法所」已加入本县数据交换，各台电脑凭单位名称识别它，不能改名',
    );
    await value(bureau, 'office.rename', { id: idOf(bureauDb, '城东司法所'), name: '城东镇司法所' });
  });

  it('an office refuses another office’s record', async () => {
    expect(await refusal(office, 'legalAidCase.create', { record: legalAidCase('东-1', idOf(officeDb, '城东司法所')) })).toBe(
      '本机是城西司法所的电脑，只能登记本所的记录，不能登记或修改城东司法所的记录',
    );
  });

  it('refuses an altered package in Chinese, nothing written', async () => {
    await value(office, 'legalAidCase.create', { record: legalAidCase('西-1', idOf(officeDb, '城西司法所')) });
    const made = await value<{ content: string }>(office, 'exchange.export', {});
    const bytes = Buffer.from(made.content, 'base64');
    bytes[bytes.length - 100]! ^= 1;
    const before = everything(bureauDb);
    expect(await refusal(bureau, 'exchange.import', { content: bytes.toString('base64') })).toContain('已被改动或损坏');
    expect(everything(bureauDb)).toBe(before);
  });
});
