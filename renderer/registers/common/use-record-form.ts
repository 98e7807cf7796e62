// The state of one record's form, for create and edit alike: the fields in form order, what
// each input holds, which fields the record makes relevant, the values that follow from
// others (sex and birth date from a 身份证号码 …), and saving — typed text is read into the
// record (dates, fen, whole numbers), the backend validates, and on failure every value
// stays as typed while the errors are set on their fields. No DOM here (RecordForm.tsx).

import { useCallback, useMemo, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { emptyFormValue, toFormValue, toRecordValue } from './field-values.ts';
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
  readonly message: string | null;
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
  const [initial] = useState(() => initialValues(view, fields, stored, defaults));
  const [typed, setTyped] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const derivedValues = view.derived?.from(typed) ?? {};
  const values = { ...typed, ...derivedValues };
  const isShown = (name: string) => view.shownWhen?.[name]?.(values) ?? true;

  const set = useCallback((name: string, value: unknown) => {
    setTyped((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => {
      if (!(name in previous)) return previous;
      const rest = { ...previous };
      delete rest[name];
      return rest;
    });
  }, []);

  const propose = useCallback(
    (name: string, value: unknown, expected: (current: unknown) => boolean) =>
      setTyped((previous) => (expected(previous[name]) ? { ...previous, [name]: value } : previous)),
    [],
  );

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
    }
    return { record, problems };
  };

  const save = async (): Promise<SaveOutcome> => {
    if (savingRef.current) return { saved: null, errorFields: [] };
    const { record, problems } = readRecord();
    const problemFields = Object.keys(problems);
    if (problemFields.length > 0) {
      setErrors(problems);
      setMessage(`有 ${problemFields.length} 项无法识别，请更正后再保存`);
      return { saved: null, errorFields: problemFields };
    }
    savingRef.current = true;
    setSaving(true);
    const result = stored
      ? await call<ApiRecord>(`${view.name}.update`, { id: stored.id, record })
      : await call<ApiRecord>(`${view.name}.create`, { record });
    savingRef.current = false;
    setSaving(false);
    if (result.ok) return { saved: result.value, errorFields: [] };
    const fieldErrors = result.error.fieldErrors ?? {};
    setErrors(fieldErrors);
    setMessage(result.error.message);
    return { saved: null, errorFields: Object.keys(fieldErrors) };
  };

  return {
    fields,
    values,
    derived: new Set(Object.keys(derivedValues)),
    isShown,
    set,
    propose,
    errors,
    message,
    saving,
    dirty: JSON.stringify(typed) !== JSON.stringify(initial),
    save,
  };
}
