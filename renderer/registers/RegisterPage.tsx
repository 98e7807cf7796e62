// A register's page: its list (search, filters, sortable and paged), the one form for new and
// changed records, the detail of a record, delete with undo, 导出台账 of the list as narrowed, and
// the record of another register a save may lead to (a released person's 安置帮教). The same page
// serves every register; what differs between them is declared in their views (./views.ts).
// 保存并新增 opens the next new record with the saved one's office and date; after a save or
// a delete the focus is back on the list: on the saved record's 编辑 (found by its id, as a new
// record's name may need columns only the list joins in, e.g. an event's person), also when the
// form that 保存并新增 opened is closed untouched; else on the list itself.

import { Box, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatCount } from '../common/format.ts';
import { notifyError, notifySuccess } from '../common/use-api.ts';
import { usePermissions } from '../session/session.ts';
import { useCatalogue } from './common/catalogue.ts';
import { LedgerExportMenu } from './common/LedgerExportMenu.tsx';
import { ColumnChooser, offeredColumns, useColumnChoice } from './common/ColumnChooser.tsx';
import { columnHeader } from './common/list-columns.tsx';
import { ListToolbar } from './common/ListToolbar.tsx';
import { OfferedRecord } from './common/OfferedRecord.tsx';
import { RecordDetail } from './common/RecordDetail.tsx';
import { RecordForm } from './common/RecordForm.tsx';
import { EDIT_BUTTON_ATTRIBUTE, RegisterTable } from './common/RegisterTable.tsx';
import type { ApiRecord, Catalogue, FormValues, Offer, RegisterName, RegisterView } from './common/types.ts';
import { useRecordActions } from './common/use-record-actions.tsx';
import { useRecordLink } from './common/use-record-link.ts';
import { useRegisterList } from './common/use-register-list.ts';
import { registerViews } from './views.ts';

export function RegisterPage({ register }: { register: RegisterName }) {
  const { catalogue, error, reload } = useCatalogue(register);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!catalogue) {
    return (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }
  return <RegisterWorkspace view={registerViews[register]} catalogue={catalogue} />;
}

/**
 * The form is open for a new record (stored null, starting from `start`) or for a stored one;
 * `round` counts 保存并新增, and `saved` is the id of the record it saved last.
 */
type Editing = { readonly stored: ApiRecord | null; readonly start?: FormValues; readonly round: number; readonly saved?: number };

function RegisterWorkspace({ view, catalogue }: { view: RegisterView; catalogue: Catalogue }) {
  const list = useRegisterList(view.name, catalogue.register.dateField);
  const actions = useRecordActions(view, catalogue, list.reload);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [viewing, setViewing] = useState<ApiRecord | null>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  const offerDone = useCallback(() => setOffer(null), []);
  const listRef = useRef<HTMLDivElement>(null);
  /** After a save or a close: the record whose 编辑 takes the focus once the list shows it (id null: the list itself). */
  const [focusRow, setFocusRow] = useState<{ readonly id: number | null } | null>(null);
  const { canEdit, officeId: userOffice } = usePermissions();
  const columnChoice = useColumnChoice(view);
  const title = catalogue.register.title;

  /** The list row with the full record (child rows: parties, mediators, attendees …). */
  const loadFull = async (row: ApiRecord): Promise<ApiRecord | null> => {
    const result = await call(`${view.name}.get`, { id: row.id });
    if (result.ok) return { ...row, ...result.value };
    notifyError(result.error, '未能读取记录');
    return null;
  };
  const openDetail = async (row: ApiRecord) => setViewing(await loadFull(row));
  // A link to one record (drill-down, reminders) opens its detail.
  const openLinked = useCallback(
    (id: number) =>
      void call(`${view.name}.get`, { id }).then((result) => {
        if (result.ok) setViewing(result.value);
        else notifyError(result.error, '未能读取记录');
      }),
    [view.name],
  );
  const forgetLink = useRecordLink(openLinked);
  const closeDetail = () => {
    setViewing(null);
    forgetLink();
  };
  const openEdit = async (row: ApiRecord) => {
    const stored = await loadFull(row);
    if (!stored) return;
    setViewing(null);
    setEditing({ stored, round: 0 });
  };
  const openNew = () => setEditing({ stored: null, round: 0 });
  // Not over an open form: that would drop what is typed there without asking.
  useHotkeys([['alt+N', () => editing === null && canEdit && openNew()]], []);

  const officeField = catalogue.register.fields.find((field) => field.kind === 'office');
  const singleOffice = catalogue.offices.length === 1 ? String(catalogue.offices[0]!.id) : null;
  const defaults: FormValues = officeField ? { [officeField.name]: list.query.officeId ?? (userOffice === null ? singleOffice : String(userOffice)) } : {};

  /** The rows shown when the focus was asked for: the wait ends once the list has been read again. */
  const rowsWhenAsked = useRef(list.rows);
  useEffect(() => {
    if (editing || viewing || focusRow === null) return;
    const row = focusRow.id === null ? null : listRef.current?.querySelector<HTMLElement>(`button[${EDIT_BUTTON_ATTRIBUTE}="${focusRow.id}"]`);
    if (row) row.focus();
    else if (!listRef.current?.contains(document.activeElement)) listRef.current?.focus();
    if (row || (list.rows !== rowsWhenAsked.current && !list.fetching)) setFocusRow(null);
  }, [focusRow, editing, viewing, list.rows, list.fetching]);
  const focusOn = (id: number | null) => {
    rowsWhenAsked.current = list.rows;
    setFocusRow({ id });
  };
  const focusList = () => focusOn(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{title}</Title>
          <Text c="dimmed" size="sm">
            共 {formatCount(list.total)} 条
          </Text>
        </Group>
        <Group gap="sm">
          <LedgerExportMenu register={view.name} catalogue={catalogue} narrowing={list.narrowing} total={list.total} />
          <ColumnChooser choice={columnChoice} headers={new Map(offeredColumns(view).map((name) => [name, columnHeader(name, catalogue)]))} />
          {canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={openNew} title="Alt+N">
              新增{title}
            </Button>
          )}
        </Group>
      </Group>
      <ListToolbar view={view} catalogue={catalogue} query={list.query} change={list.change} />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Box ref={listRef} tabIndex={-1} aria-label={`${title}列表`} style={{ outline: 'none' }}>
      <RegisterTable
        view={view}
        catalogue={catalogue}
        list={list}
        columnNames={columnChoice.shown}
        onOpen={(row) => void openDetail(row)}
        onEdit={(row) => void openEdit(row)}
        onDelete={(row) => void actions.remove(row).then((deleted) => deleted && focusList())}
        onRestore={(row) => void actions.restore(row)}
      />
      </Box>
      {editing && (
        <RecordForm
          key={editing.round}
          view={view}
          catalogue={catalogue}
          stored={editing.stored}
          defaults={editing.start ?? defaults}
          onClose={() => {
            setEditing(null);
            focusOn(editing.saved ?? null);
          }}
          onSaved={(record, next) => {
            const name = view.recordName({ ...editing.stored, ...record }, catalogue);
            setEditing(next ? { stored: null, start: next, round: editing.round + 1, saved: record.id } : null);
            notifySuccess(`已保存「${name}」`);
            list.reload();
            const offered = view.offerAfterSave?.(record, editing.stored) ?? null;
            setOffer(offered);
            if (!next && !offered) focusOn(record.id);
          }}
        />
      )}
      {offer && <OfferedRecord offer={offer} onDone={offerDone} />}
      {viewing && (
        <RecordDetail
          view={view}
          catalogue={catalogue}
          record={viewing}
          onClose={closeDetail}
          onEdit={() => void openEdit(viewing)}
          onDelete={() =>
            void actions.remove(viewing).then((deleted) => {
              if (!deleted) return;
              setViewing(null);
              focusList();
            })
          }
          onRestore={() => void actions.restore(viewing).then((restored) => restored && setViewing(null))}
        />
      )}
    </Stack>
  );
}
