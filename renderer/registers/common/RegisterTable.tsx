// The page of records: the chosen columns plus row actions (edit and delete, or restore when
// showing deleted records) pinned at the right edge, sorting on the server, 50 rows a page with
// the total. A click on a row opens its detail. A record this site shows read-only (a joined
// office's, at the bureau) has no actions: its row carries the office and its 数据截至 instead.

import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useMemo } from 'react';
import { formatCount } from '../../common/format.ts';
import { usePermissions } from '../../session/session.ts';
import { readOnlyMark } from './catalogue.ts';
import { listColumns } from './list-columns.tsx';
import type { ApiRecord, Catalogue, RegisterView } from './types.ts';
import { PAGE_SIZE, type RegisterListState } from './use-register-list.ts';

/** On each row's 编辑: the record's id, for the page to put the focus back on it after a save. */
export const EDIT_BUTTON_ATTRIBUTE = 'data-edit-record';

export interface RegisterTableProps {
  readonly view: RegisterView;
  readonly catalogue: Catalogue;
  readonly list: RegisterListState;
  /** The columns shown (the column chooser's choice). */
  readonly columnNames: readonly string[];
  readonly onOpen: (record: ApiRecord) => void;
  readonly onEdit: (record: ApiRecord) => void;
  readonly onDelete: (record: ApiRecord) => void;
  readonly onRestore: (record: ApiRecord) => void;
}

export function RegisterTable({ view, catalogue, list, columnNames, onOpen, onEdit, onDelete, onRestore }: RegisterTableProps) {
  const columns = useMemo(() => listColumns(view, catalogue, columnNames), [view, catalogue, columnNames]);
  const { canEdit } = usePermissions();
  const marked = list.rows.some((record) => readOnlyMark(catalogue, record as ApiRecord) !== null);
  const actions: DataTableColumn<ApiRecord> = {
    accessor: 'actions',
    title: '',
    width: 96,
    textAlign: 'right',
    render: (record) => {
      const name = view.recordName(record, catalogue);
      const readOnly = readOnlyMark(catalogue, record);
      if (readOnly) {
        return (
          <Tooltip label={readOnly.whereToEdit} withinPortal>
            <Text size="xs" c="dimmed" data-testid="read-only-mark" title={readOnly.whereToEdit} lh={1.3} style={{ wordBreak: 'keep-all' }}>
              {readOnly.mark}
            </Text>
          </Tooltip>
        );
      }
      if (!canEdit) return null;
      return (
        <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(event) => event.stopPropagation()}>
          {record.deleted_at ? (
            <Button size="compact-xs" variant="light" onClick={() => onRestore(record)} aria-label={`恢复「${name}」`}>
              恢复
            </Button>
          ) : (
            <>
              <ActionIcon
                variant="subtle"
                onClick={() => onEdit(record)}
                aria-label={`编辑「${name}」`}
                {...{ [EDIT_BUTTON_ATTRIBUTE]: record.id }}
              >
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" onClick={() => onDelete(record)} aria-label={`删除「${name}」`}>
                <IconTrash size={16} />
              </ActionIcon>
            </>
          )}
        </Group>
      );
    },
  };
  const { query, change } = list;
  const filtered = query.search !== '' || query.officeId !== null || query.from !== '' || query.to !== '' || query.status !== null || Object.values(query.filters).some(Boolean);

  return (
    <DataTable<ApiRecord>
      withTableBorder
      striped
      highlightOnHover
      minHeight={list.rows.length === 0 ? 180 : undefined}
      records={list.rows}
      columns={canEdit || marked ? [...columns, actions] : columns}
      pinLastColumn={canEdit || marked}
      fetching={list.fetching}
      onRowClick={({ record }) => onOpen(record)}
      sortStatus={{ columnAccessor: query.sort, direction: query.descending ? 'desc' : 'asc' }}
      onSortStatusChange={(status) => change({ sort: String(status.columnAccessor), descending: status.direction === 'desc' })}
      totalRecords={list.total}
      recordsPerPage={PAGE_SIZE}
      page={query.page}
      onPageChange={(page) => change({ page })}
      paginationText={({ from, to, totalRecords }) => `第 ${from}–${to} 条，共 ${formatCount(totalRecords)} 条`}
      noRecordsText={query.deleted ? '没有已删除的记录' : filtered ? '没有符合条件的记录' : '还没有记录'}
      loadingText="正在读取…"
    />
  );
}
