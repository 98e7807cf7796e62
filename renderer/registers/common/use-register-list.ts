// One register's list as the clerk narrows it: search, office, period on the register's date
// field, status, code filters, deleted records or not, sort and page — and the page of rows `R.list`
// returns for it. Any change of the query goes back to page 1; an answer that arrives after
// a newer question is dropped, and a failed one empties the list.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../db/api/contract.ts';
import { call } from '../../api/client.ts';
import { typedDay } from './field-values.ts';
import type { ApiRecord, RegisterName } from './types.ts';

export const PAGE_SIZE = 50;

export interface ListQuery {
  /** What the search box holds once the clerk pauses typing. */
  readonly search: string;
  readonly officeId: string | null;
  /** As typed; only a readable date narrows the list. */
  readonly from: string;
  readonly to: string;
  readonly filters: Readonly<Record<string, string | null>>;
  /** One of the register's statuses, or all. */
  readonly status: string | null;
  readonly deleted: boolean;
  readonly sort: string;
  readonly descending: boolean;
  readonly page: number;
}

/** The query as the list method takes it, without its page: what 导出台账 takes out. */
export interface ListNarrowing {
  readonly officeId: number | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly search: string | null;
  readonly filters: Readonly<Record<string, string>>;
  readonly status: string | null;
  readonly sort: string;
  readonly descending: boolean;
  readonly deleted: boolean;
}

export interface RegisterListState {
  readonly query: ListQuery;
  readonly narrowing: ListNarrowing;
  /** Changes the query and goes back to page 1 (unless the change is the page). */
  readonly change: (change: Partial<ListQuery>) => void;
  readonly rows: ApiRecord[];
  readonly total: number;
  readonly fetching: boolean;
  readonly error: ApiError | null;
  readonly reload: () => void;
}

export function useRegisterList(register: RegisterName, dateField: string): RegisterListState {
  const [query, setQuery] = useState<ListQuery>({
    search: '',
    officeId: null,
    from: '',
    to: '',
    filters: {},
    status: null,
    deleted: false,
    sort: dateField,
    descending: true,
    page: 1,
  });
  const [answer, setAnswer] = useState<{ rows: ApiRecord[]; total: number; error: ApiError | null }>({ rows: [], total: 0, error: null });
  const [fetching, setFetching] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  const narrowing: ListNarrowing = {
    officeId: query.officeId ? Number(query.officeId) : null,
    from: typedDay(query.from),
    to: typedDay(query.to),
    search: query.search.trim() || null,
    filters: Object.fromEntries(Object.entries(query.filters).filter((entry): entry is [string, string] => entry[1] !== null)),
    status: query.status,
    sort: query.sort,
    descending: query.descending,
    deleted: query.deleted,
  };
  const input = { ...narrowing, offset: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const key = JSON.stringify(input);

  useEffect(() => {
    const ticket = ++latest.current;
    setFetching(true);
    void call(`${register}.list`, JSON.parse(key)).then((result) => {
      if (ticket !== latest.current) return;
      setFetching(false);
      // A failed question shows no rows: the previous answer is not the answer to it.
      setAnswer(result.ok ? { ...result.value, error: null } : { rows: [], total: 0, error: result.error });
    });
  }, [register, key, generation]);

  const change = useCallback(
    (next: Partial<ListQuery>) => setQuery((previous) => ({ ...previous, page: 1, ...next })),
    [],
  );
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { query, narrowing, change, rows: answer.rows, total: answer.total, fetching, error: answer.error, reload };
}
