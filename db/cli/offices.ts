// An office named on the command line (--office 城西司法所) → its id, from office.list.

import { UserError } from '../errors.ts';
import type { CliTransport } from './transport.ts';

export async function officeIdByName(transport: CliTransport, name: string): Promise<number> {
  const offices = await transport.call<{ id: number; name: string }[]>('office.list');
  const office = offices.find((candidate) => candidate.name === name);
  if (!office) {
    const names = [...offices].sort((a, b) => a.id - b.id).map((candidate) => candidate.name).join('、');
    throw new UserError(`没有名为「${name}」的单位（现有单位：${names || '无'}）`);
  }
  return office.id;
}
