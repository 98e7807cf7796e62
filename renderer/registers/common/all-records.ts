// Every record of a register that a query matches, for pickers and look-ups (organisations,
// an organisation's mediators, an office's roster): `R.list` page by page. Cells and inputs
// that ask the same question at the same moment (a page of 50 rows naming organisations)
// share one answer; a question asked again later is asked afresh.

import { useEffect, useState } from 'react';
import type { ApiError } from '../../../db/api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiRecord, RegisterName } from './types.ts';

const PAGE = 500;
/** How long an answer is shared with whoever asks the same (one render of a page). */
const SHARE_MS = 2000;

type Answer = { ok: true; records: ApiRecord[] } | { ok: false; error: ApiError };

async function listAll(register: RegisterName, query: object): Promise<Answer> {
  const records: ApiRecord[] = [];
  for (;;) {
    const result = await call(`${register}.list`, { ...query, offset: records.length, limit: PAGE });
    if (!result.ok) return result;
    records.push(...result.value.rows);
    if (result.value.rows.length === 0 || records.length >= result.value.total) return { ok: true, records };
  }
}

const recent = new Map<string, { at: number; answer: Promise<Answer> }>();

function listAllShared(register: RegisterName, query: object): Promise<Answer> {
  const key = `${register}:${JSON.stringify(query)}`;
  const now = Date.now();
  const shared = recent.get(key);
  if (shared && now - shared.at < SHARE_MS) return shared.answer;
  const answer = listAll(register, query);
  recent.set(key, { at: now, answer });
  return answer;
}

export interface AllRecords {
  /** null while loading (or while `query` is null). */
  readonly records: readonly ApiRecord[] | null;
  readonly error: ApiError | null;
}

/** The records `query` matches; `query === null` waits (e.g. until an organisation is chosen). */
export function useAllRecords(register: RegisterName, query: object | null): AllRecords {
  const key = query === null ? null : JSON.stringify(query);
  const [state, setState] = useState<{ key: string | null; answer: AllRecords }>({ key: null, answer: { records: null, error: null } });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    void listAllShared(register, JSON.parse(key)).then((answer) => {
      if (!current) return;
      setState({ key, answer: answer.ok ? { records: answer.records, error: null } : { records: [], error: answer.error } });
    });
    return () => {
      current = false;
    };
  }, [register, key]);

  return state.key === key ? state.answer : { records: null, error: null };
}
