// The state of one record's form, for create and edit alike: the fields in form order, what
// each input holds, which fields the record makes relevant, the values that follow from
// others (sex and birth date from a 身份证号码 …), and saving — typed text is read into the
// record (dates, fen, whole numbers), the backend validates, and on failure every value
// stays as typed while the errors are set on their fields. A picker holding text that matches
// no option stops the save. The summary names the fields still in error, so it goes as soon
// as they are fixed. No DOM here (RecordForm.tsx).

import { useCallback, useMemo, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { emptyFormValue, toFormValue, toRecordValue } from './field-values.ts';
import { UNMATCHED_TEXT } from './Picker.tsx';
import type { ApiRecord, Catalogue, FieldDescription, FormValues, RegisterView } from './types.ts';

export type FieldErrors = Record<string, string>;

/** The register's fields and the view's extra ones, in the view's form order. */
export function formFields(view: RegisterView, catalogue: Catalogue): FieldDescription[] {
  const fields = [...catalogue.register.fields, ...(view.extraFields ?? [])].map((field) =>
    view.labels?.[field.name] ? { ...field, header: view.labels[field.name]! } : field,
  );
  const rank = (name: string) => {
    const position = view.formOrder?.indexOf(name) ?? -1;
    return position === -1 ? Number.MAX_SAFE_INTEGER : position;
  };
  return fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => rank(a.field.name) - rank(b.field.name) || a.index - b.index)
    .map(({ field }) => field);
}

function initialValues(view: RegisterView, fields: FieldDescription[], stored: ApiRecord | null, defaults: FormValues): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const editor = view.editors?.[field.name];
    if (!stored) values[field.name] = editor ? editor.empty : emptyFormValue(field);
    else if (editor) values[field.name] = editor.fromRecord ? editor.fromRecord(stored[field.name]) : stored[field.name];
    else values[field.name] = toFormValue(field, stored[field.name]);
  }
  return stored ? values : { ...values, ...view.defaults, ...defaults };
}

export interface RecordFormState {
  readonly fields: readonly FieldDescription[];
  /** What the inputs show: typed values, with derived ones in place. */
  readonly values: FormValues;
  /** Fields whose values follow from others (view.derived), shown but not typed. */
  readonly derived: ReadonlySet<string>;
  readonly isShown: (name: string) => boolean;
  /** Sets a field's value and clears its error; the same function for the form's life. */
  readonly set: (name: string, value: unknown) => void;
  /** Sets a value only while it still holds what `expected` says (for proposals). */
  readonly propose: (name: string, value: unknown, expected: (current: unknown) => boolean) => void;
  readonly errors: FieldErrors;
  /** What is wrong, in one line: the fields still in error, or a refusal not about a field. */
  readonly message: string | null;
  /** A picker's text that matches no option (null: it no longer holds any). */
  readonly reportUnmatched: (name: string, text: string | null) => void;
  readonly saving: boolean;
  readonly dirty: boolean;
  /** Saves; when not saved, the errors are set and `errorFields` names their fields. */
  readonly save: () => Promise<SaveOutcome>;
}

export interface SaveOutcome {
  readonly saved: ApiRecord | null;
  readonly errorFields: readonly string[];
}

export function useRecordForm(view: RegisterView, catalogue: Catalogue, stored: ApiRecord | null, defaults: FormValues): RecordFormState {
  const fields = useMemo(() => formFields(view, catalogue), [view, catalogue]);
  /** What the form started with; a proposal (the next case number) is part of it, not something typed. */
  const [initial, setInitial] = useState(() => initialValues(view, fields, stored, defaults));
  const [typed, setTyped] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** A refusal that names no field (no right, the database busy …). */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const derivedValues = view.derived?.from(typed) ?? {};
  const values = { ...typed, ...derivedValues };
  const isShown = (name: string) => view.shownWhen?.[name]?.(values) ?? true;

  const clearError = useCallback((name: string) => {
    setErrors((previous) => {
      if (!(name in previous)) return previous;
      const rest = { ...previous };
      delete rest[name];
      return rest;
    });
  }, []);

  const set = useCallback(
    (name: string, value: unknown) => {
      setTyped((previous) => ({ ...previous, [name]: value }));
      clearError(name);
    },
    [clearError],
  );

  const reportUnmatched = useCallback(
    (name: string, text: string | null) => {
      setUnmatched((previous) => {
        if ((text !== null) === previous.has(name)) return previous;
        const next = new Set(previous);
        if (text === null) next.delete(name);
        else next.add(name);
        return next;
      });
      if (text === null) clearError(name);
    },
    [clearError],
  );

  const propose = useCallback((name: string, value: unknown, expected: (current: unknown) => boolean) => {
    setTyped((previous) => (expected(previous[name]) ? { ...previous, [name]: value } : previous));
    setInitial((previous) => (expected(previous[name]) ? { ...previous, [name]: value } : previous));
  }, []);

  /** The record to send, or the fields whose text cannot be read. */
  const readRecord = (): { record: Record<string, unknown>; problems: FieldErrors } => {
    const record: Record<string, unknown> = {};
    const problems: FieldErrors = {};
    for (const field of fields) {
      const editor = view.editors?.[field.name];
      const held = isShown(field.name) ? values[field.name] : editor ? editor.empty : emptyFormValue(field);
      const read = editor ? (editor.toRecord?.(held) ?? { ok: true, value: held }) : toRecordValue(field, held);
      if (read.ok) record[field.name] = read.value;
      else problems[field.name] = read.reason;
      if (unmatched.has(field.name) && isShown(field.name)) problems[field.name] = UNMATCHED_TEXT;
    }
    return { record, problems };
  };

  const save = async (): Promise<SaveOutcome> => {
    if (savingRef.current) return { saved: null, errorFields: [] };
    const { record, problems } = readRecord();
    const problemFields = Object.keys(problems);
    setRefusal(null);
    if (problemFields.length > 0) {
      setErrors(problems);
      return { saved: null, errorFields: problemFields };
    }
    savingRef.current = true;
    setSaving(true);
    const result = stored
      ? await call(`${view.name}.update`, { id: stored.id, record })
      : await call(`${view.name}.create`, { record });
    savingRef.current = false;
    setSaving(false);
    if (result.ok) return { saved: result.value, errorFields: [] };
    const all = result.error.fieldErrors ?? {};
    const fieldErrors = Object.fromEntries(Object.entries(all).filter(([name]) => fields.some((field) => field.name === name) && isShown(name)));
    setErrors(fieldErrors);
    // A refusal about no field of the form (no right …, or a field it does not show) is said as the backend says it.
    if (Object.keys(fieldErrors).length < Object.keys(all).length || Object.keys(all).length === 0) setRefusal(result.error.message);
    return { saved: null, errorFields: Object.keys(fieldErrors) };
  };

  const errorHeaders = fields.filter((field) => field.name in errors).map((field) => field.header);
  const message = errorHeaders.length > 0 ? `还有 ${errorHeaders.length} 项需要更正：${errorHeaders.join('、')}` : refusal;

  return {
    fields,
    values,
    derived: new Set(Object.keys(derivedValues)),
    isShown,
    set,
    propose,
    errors,
    message,
    reportUnmatched,
    saving,
    dirty: JSON.stringify(typed) !== JSON.stringify(initial),
    save,
  };
}
