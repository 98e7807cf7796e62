// Calling the API from components: `useApi` loads a value and keeps loading/error state (it
// reloads when the input changes); `notifyError`/`notifySuccess` show the Chinese message as
// a Mantine notification. No component talks to the client without going through these or
// `call` itself.

import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';

export interface ApiState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  /** Load again (after a write elsewhere on the page). */
  readonly reload: () => void;
}

/** Loads `method(input)`; `input === null` waits (nothing is called until it is given). */
export function useApi<T>(method: string, input: unknown = {}): ApiState<T> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    void call<T>(method, JSON.parse(key)).then((result) => {
      if (!current) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: null, error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}

export function notifyError(error: ApiError | { message: string }, title = '操作未完成'): void {
  notifications.show({ color: 'red', title, message: error.message, autoClose: 8000 });
}

export function notifySuccess(message: string, title = '完成'): void {
  notifications.show({ color: 'teal', title, message });
}

/** Runs a write; shows its error as a notification and returns null, or returns the value. */
export async function runAction<T>(method: string, input: unknown, success?: string): Promise<T | null> {
  const result = await call<T>(method, input);
  if (!result.ok) {
    notifyError(result.error);
    return null;
  }
  if (success) notifySuccess(success);
  return result.value;
}
