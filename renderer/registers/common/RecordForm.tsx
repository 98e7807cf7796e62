// The one form for creating and editing a record, in a drawer, generated from the register's
// fields and the view's declarations. Keyboard-first: the first field has focus, Enter moves
// on, Ctrl+S saves, Esc closes (asking first when something was typed). A failed save keeps
// every value, marks the fields the backend named and says why below the fields.

import { Alert, Box, Button, Drawer, Group, SimpleGrid, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import { confirm } from './confirm.tsx';
import { enterableInputs, enterNavigation, focusFirstInput } from './enter-navigation.ts';
import { FieldInput, isMultiline } from './FieldInput.tsx';
import type { ApiRecord, Catalogue, FieldDescription, FormAccess, FormValues, RegisterView } from './types.ts';
import { useCaseNumberProposal } from './use-case-number.ts';
import { useRecordForm, type RecordFormState } from './use-record-form.ts';

export interface RecordFormProps {
  readonly view: RegisterView;
  readonly catalogue: Catalogue;
  /** The record being edited (list row merged with `get`), or null for a new one. */
  readonly stored: ApiRecord | null;
  /** Values a new record starts with (the office the list is showing …). */
  readonly defaults: FormValues;
  readonly onClose: () => void;
  readonly onSaved: (record: ApiRecord) => void;
}

/** One field: the view's editor for a custom field, else the input for its kind. */
function FormField({ view, form, access, field }: { view: RegisterView; form: RecordFormState; access: FormAccess; field: FieldDescription }) {
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

  const submit = async () => {
    const outcome = await form.save();
    if (outcome.saved) {
      onSaved(outcome.saved);
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
      focus: 'cancel',
    });
    confirming.current = false;
    if (discard) onClose();
  };

  useHotkeys([['mod+S', () => void submit()]], []);

  const title = stored ? `编辑${catalogue.register.title}：${view.recordName(stored, catalogue)}` : `新增${catalogue.register.title}`;
  return (
    <Drawer opened onClose={() => void requestClose()} title={title} position="right" size={760} padding="md">
      <Box ref={attachBody} {...enterNavigation(() => saveRef.current?.focus())}>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          {form.fields
            .filter((field) => form.isShown(field.name))
            .map((field) => (
              <Box key={field.name} data-field={field.name} style={isWide(view, field) ? { gridColumn: '1 / -1' } : undefined}>
                <FormField view={view} form={form} access={access} field={field} />
              </Box>
            ))}
        </SimpleGrid>
      </Box>
      <Box pos="sticky" bottom={0} bg="var(--mantine-color-body)" pt="md" pb="md" mt="md" style={{ zIndex: 2 }}>
        {form.message && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="sm" role="alert">
            {form.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Enter 下一项 · Ctrl+S 保存 · Esc 关闭
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => void requestClose()}>
              取消
            </Button>
            <Button ref={saveRef} onClick={() => void submit()} loading={form.saving}>
              保存
            </Button>
          </Group>
        </Group>
      </Box>
    </Drawer>
  );
}
