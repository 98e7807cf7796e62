// The one form for creating and editing a record, in a drawer, generated from the register's
// fields and the view's declarations. Keyboard-first: the first field has focus, Enter moves
// on, Ctrl+S saves, Ctrl+Enter saves and starts the next record (same office and date), Esc
// closes with one press (asking first when something was typed). A failed save keeps every
// value and marks the fields the backend named; the line below the fields names the fields
// still in error. The fields scroll above the buttons, so nothing covers the field in use.

import { Alert, Box, Button, Drawer, Group, SimpleGrid, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useRef, type KeyboardEvent } from 'react';
import { mayBeTownship } from '../../../db/api/contract.ts';
import { usePermissions } from '../../session/session.ts';
import { confirm } from './confirm.tsx';
import { enterableInputs, enterNavigation, focusFirstInput } from './enter-navigation.ts';
import { FieldInput, isMultiline } from './FieldInput.tsx';
import { UnmatchedTextContext } from './Picker.tsx';
import type { ApiRecord, Catalogue, FieldDescription, FormAccess, FormValues, Office, RegisterView } from './types.ts';
import { useCaseNumberProposal } from './use-case-number.ts';
import { useRecordForm, type RecordFormState } from './use-record-form.ts';
import { useUsedValues } from './use-used-values.ts';

export interface RecordFormProps {
  readonly view: RegisterView;
  readonly catalogue: Catalogue;
  /** The record being edited (list row merged with `get`), or null for a new one. */
  readonly stored: ApiRecord | null;
  /** Values a new record starts with (the office the list is showing …). */
  readonly defaults: FormValues;
  readonly onClose: () => void;
  /** After a save; `next` holds the values the next record starts with when 保存并新增 was asked for. */
  readonly onSaved: (record: ApiRecord, next: FormValues | null) => void;
}

/** The offices a user may put a record in: their own (an office account), only those that may be a 司法所 (by 单位类别) where the field asks for one. */
export function offeredOffices(catalogue: Catalogue, userOffice: number | null, townshipOnly: boolean, current: unknown): Office[] {
  return catalogue.offices.filter(
    (office) =>
      String(office.id) === current ||
      ((userOffice === null || office.id === userOffice) && (!townshipOnly || mayBeTownship(office.kind))),
  );
}

interface FormFieldProps {
  readonly view: RegisterView;
  readonly form: RecordFormState;
  readonly access: FormAccess;
  readonly field: FieldDescription;
  readonly userOffice: number | null;
  readonly usedValues: ReadonlyMap<string, readonly string[]>;
}

/** One field: the view's editor for a custom field, else the input for its kind. */
function FormField({ view, form, access, field, userOffice, usedValues }: FormFieldProps) {
  const editor = view.editors?.[field.name];
  const error = form.errors[field.name];
  if (editor) return <editor.Input field={field} value={form.values[field.name]} onChange={(value) => form.set(field.name, value)} error={error} form={access} />;
  const derived = form.derived.has(field.name);
  return (
    <FieldInput
      field={field}
      value={form.values[field.name]}
      set={form.set}
      error={error}
      catalogue={access.catalogue}
      disabled={derived}
      description={derived ? view.derived?.note : undefined}
      offices={
        field.kind === 'office'
          ? offeredOffices(access.catalogue, userOffice, view.townshipOffices?.includes(field.name) ?? false, form.values[field.name])
          : undefined
      }
      suggestions={usedValues.get(field.name)}
    />
  );
}

function isWide(view: RegisterView, field: FieldDescription): boolean {
  return field.kind === 'codeSet' || isMultiline(field) || Boolean(view.editors?.[field.name]?.wide);
}

export function RecordForm({ view, catalogue, stored, defaults, onClose, onSaved }: RecordFormProps) {
  const form = useRecordForm(view, catalogue, stored, defaults);
  useCaseNumberProposal(view.caseNumber, form, stored === null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const confirming = useRef(false);
  /** The drawer's focus trap focuses what carries data-autofocus once it opens. */
  const attachBody = useCallback((node: HTMLDivElement | null) => {
    bodyRef.current = node;
    if (node) enterableInputs(node)[0]?.setAttribute('data-autofocus', 'true');
  }, []);
  const access = { values: form.values, set: form.set, catalogue };
  const { officeId: userOffice } = usePermissions();
  const usedValues = useUsedValues(view.name, view.suggested ?? []);

  /** The values 保存并新增 carries to the next record: its offices, its date and the view's own. */
  const carried = (): FormValues => {
    const names = form.fields
      .filter((field) => field.kind === 'office' || field.name === catalogue.register.dateField || view.carriedToNext?.includes(field.name))
      .map((field) => field.name);
    return Object.fromEntries(names.map((name) => [name, form.values[name]]));
  };

  const submit = async (andNew = false) => {
    const next = andNew ? carried() : null;
    const outcome = await form.save();
    if (outcome.saved) {
      onSaved(outcome.saved, next);
      return;
    }
    const first = form.fields.find((field) => outcome.errorFields.includes(field.name) && form.isShown(field.name));
    if (first) focusFirstInput(bodyRef.current?.querySelector<HTMLElement>(`[data-field="${first.name}"]`) ?? null);
  };

  const requestClose = async () => {
    if (!form.dirty) return onClose();
    if (confirming.current) return;
    confirming.current = true;
    const discard = await confirm({
      title: '放弃未保存的内容？',
      message: '表单中有尚未保存的内容，关闭后将丢失。',
      confirmLabel: '放弃并关闭',
      cancelLabel: '继续填写',
    });
    confirming.current = false;
    if (discard) onClose();
  };

  useHotkeys(
    [
      ['mod+S', () => void submit()],
      ['mod+Enter', () => void submit(!stored)],
    ],
    [],
  );

  /** Esc in an open picker closes the form too (the drawer alone would leave it to the picker). */
  const escapeFromPicker = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing && (event.target as HTMLElement).hasAttribute('data-mantine-stop-propagation')) {
      void requestClose();
    }
  };

  const navigation = enterNavigation(() => saveRef.current?.focus());
  const title = stored ? `编辑${catalogue.register.title}：${view.recordName(stored, catalogue)}` : `新增${catalogue.register.title}`;
  return (
    <Drawer
      opened
      onClose={() => void requestClose()}
      title={title}
      position="right"
      size={760}
      padding="md"
      returnFocus={false}
      styles={{
        content: { display: 'flex', flexDirection: 'column', overflow: 'hidden' },
        body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', paddingBottom: 0 },
      }}
    >
      <UnmatchedTextContext.Provider value={form.reportUnmatched}>
        <Box
          ref={attachBody}
          {...navigation}
          onKeyDownCapture={(event) => {
            escapeFromPicker(event);
            navigation.onKeyDownCapture(event);
          }}
          style={{ flex: 1, minHeight: 0, overflowY: 'auto', paddingRight: 4 }}
        >
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm" pb="xs">
            {form.fields
              .filter((field) => form.isShown(field.name))
              .map((field) => (
                <Box key={field.name} data-field={field.name} style={isWide(view, field) ? { gridColumn: '1 / -1' } : undefined}>
                  <FormField view={view} form={form} access={access} field={field} userOffice={userOffice} usedValues={usedValues} />
                </Box>
              ))}
          </SimpleGrid>
        </Box>
      </UnmatchedTextContext.Provider>
      <Box pt="sm" pb="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {form.message && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="sm" py={6} role="alert">
            {form.message}
          </Alert>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            Enter 下一项 · Ctrl+S 保存{stored ? '' : ' · Ctrl+Enter 保存并新增'} · Esc 关闭
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={() => void requestClose()}>
              取消
            </Button>
            {!stored && (
              <Button variant="light" onClick={() => void submit(true)} loading={form.saving} title="Ctrl+Enter">
                保存并新增
              </Button>
            )}
            <Button ref={saveRef} onClick={() => void submit()} loading={form.saving} title="Ctrl+S">
              保存
            </Button>
          </Group>
        </Group>
      </Box>
    </Drawer>
  );
}
