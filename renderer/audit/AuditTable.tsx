// A page of the audit log, newest first, as a person reads it (db/audit/readable-entry.ts):
// number, local time, the user's name, the action, the record by its number or name and the
// labels of the fields it changed; each entry opens (its ▸ button, or a click on the row) to the
// record before and after.

import { ActionIcon, Badge, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import type { ReadableLogEntry } from '../../db/api/contract.ts';
import { DASH, formatCount } from '../common/format.ts';
import { AuditEntryDetails } from './AuditEntryDetails.tsx';

export const AUDIT_PAGE_SIZE = 50;

const actionColours: Readonly<Record<string, string>> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  restore_backup: 'red',
  login_failed: 'orange',
  view: 'grape',
};

export interface AuditTableProps {
  readonly rows: ReadableLogEntry[];
  readonly total: number;
  readonly page: number;
  readonly fetching: boolean;
  readonly onPageChange: (page: number) => void;
}

export function AuditTable({ rows, total, page, fetching, onPageChange }: AuditTableProps) {
  const [expanded, setExpanded] = useState<number[]>([]);
  const toggle = (id: number) => setExpanded((open) => (open.includes(id) ? open.filter((other) => other !== id) : [...open, id]));

  return (
    <DataTable<ReadableLogEntry>
      withTableBorder
      striped
      fz="sm"
      minHeight={rows.length === 0 ? 160 : undefined}
      records={rows}
      idAccessor="id"
      columns={[
        {
          accessor: 'expand',
          title: '',
          width: 40,
          render: (entry) => (
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={`${expanded.includes(entry.id) ? '收起' : '展开'}第 ${entry.id} 条`}
              aria-expanded={expanded.includes(entry.id)}
              onClick={(event) => {
                event.stopPropagation();
                toggle(entry.id);
              }}
            >
              {expanded.includes(entry.id) ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          ),
        },
        { accessor: 'id', title: '序号', width: 70, textAlign: 'right', cellsClassName: 'figure' },
        { accessor: 'at', title: '时间', width: 170, cellsClassName: 'figure', render: (entry) => entry.readable.time },
        { accessor: 'user', title: '用户', width: 140, render: (entry) => entry.readable.userName },
        {
          accessor: 'actionLabel',
          title: '操作',
          width: 130,
          render: (entry) => (
            <Badge variant="light" color={actionColours[entry.action] ?? 'gray'} tt="none" fw={500} data-action={entry.action}>
              {entry.readable.actionText}
            </Badge>
          ),
        },
        { accessor: 'table', title: '对象', width: 200, render: (entry) => entry.readable.object || DASH },
        {
          accessor: 'changedFields',
          title: '修改的字段',
          // As wide as the window leaves it, cut with … (the entry opened shows every field): zero
          // width to the table's layout, so a long list never pushes the column past the window.
          render: (entry) => (
            <Text size="sm" truncate="end" w={0} miw="100%" title={entry.readable.changes.map((change) => change.label).join('、')}>
              {entry.readable.changes.map((change) => change.label).join('、')}
            </Text>
          ),
        },
      ]}
      rowExpansion={{
        allowMultiple: true,
        expanded: { recordIds: expanded, onRecordIdsChange: (ids: unknown[]) => setExpanded(ids as number[]) },
        content: ({ record }) => <AuditEntryDetails entry={record} />,
      }}
      fetching={fetching}
      totalRecords={total}
      recordsPerPage={AUDIT_PAGE_SIZE}
      page={page}
      onPageChange={onPageChange}
      paginationText={({ from, to, totalRecords }) => `第 ${from}–${to} 条，共 ${formatCount(totalRecords)} 条`}
      noRecordsText="没有符合条件的日志"
      loadingText="正在读取…"
    />
  );
}
