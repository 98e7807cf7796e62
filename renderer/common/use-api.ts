// Calling the API from components: `useApi` loads a value and keeps loading/error state (it
// reloads when the input changes); `useFormCall` submits a form and puts the backend's errors
// on its fields; `notifyError`/`notifySuccess` show the Chinese message as a Mantine
// notification. No component talks to the client without going through these or `call` itself.

import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { AnyMethodName, ApiError, MethodInput, MethodOutput } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';

export interface ApiState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  /** Load again (after a write elsewhere on the page). */
  readonly reload: () => void;
}

/** Loads `method(input)`; `input === null` waits (nothing is called until it is given). */
export function useApi<M extends AnyMethodName>(method: M, input: MethodInput<M> | null): ApiState<MethodOutput<M>> {
  type T = MethodOutput<M>;
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
    void call(method, JSON.parse(key)).then((result) => {
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
export async function runAction<M extends AnyMethodName>(method: M, input: MethodInput<M>, success?: string): Promise<MethodOutput<M> | null> {
  const result = await call(method, input);
  if (!result.ok) {
    notifyError(result.error);
    return null;
  }
  if (success) notifySuccess(success);
  return result.value;
}

export interface FormCall<Input, T> {
  readonly busy: boolean;
  /** Per-field messages from the backend, for the form's fields. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** The backend's message when no field of the form carries it; shown above the buttons. */
  readonly message: string | null;
  /** Calls the method; the value, or null with the errors set. */
  readonly submit: (input: Input) => Promise<T | null>;
  /** Clears a field's message as the field is typed in, or all with no field. */
  readonly clear: (field?: string) => void;
  /** Shows a message found before calling (two passwords that differ …). */
  readonly fail: (field: string, message: string) => void;
}

/**
 * A form's call of one method: its errors go on the form's `fields` (the backend's field
 * names), anything else becomes the form's message. The form keeps what was typed.
 */
export function useFormCall<M extends AnyMethodName>(method: M, fields: readonly string[]): FormCall<MethodInput<M>, MethodOutput<M>> {
  type T = MethodOutput<M>;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fieldErrors: Record<string, string>; message: string | null }>({ fieldErrors: {}, message: null });

  const submit = async (input: MethodInput<M>): Promise<T | null> => {
    setBusy(true);
    const result = await call(method, input);
    setBusy(false);
    if (result.ok) {
      setErrors({ fieldErrors: {}, message: null });
      return result.value;
    }
    const fieldErrors = Object.fromEntries(Object.entries(result.error.fieldErrors ?? {}).filter(([field]) => fields.includes(field)));
    setErrors({ fieldErrors, message: Object.keys(fieldErrors).length > 0 ? null : result.error.message });
    return null;
  };
  const clear = (field?: string) =>
    setErrors((previous) =>
      field === undefined
        ? { fieldErrors: {}, message: null }
        : { ...previous, fieldErrors: Object.fromEntries(Object.entries(previous.fieldErrors).filter(([name]) => name !== field)) },
    );
  const fail = (field: string, message: string) => setErrors((previous) => ({ ...previous, fieldErrors: { ...previous.fieldErrors, [field]: message } }));
  return { busy, fieldErrors: errors.fieldErrors, message: errors.message, submit, clear, fail };
}
