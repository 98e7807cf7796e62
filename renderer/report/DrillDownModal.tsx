// The records behind one figure (report.drillDown), paged; the total shown is the figure
// itself (a rate lists its denominator's records, a 万元 figure the records summed). Each row's
// first cell is a link to the record (its detail, with 编辑 for those allowed): rows are in the
// Tab order and Enter opens them; the report stays as it was when the user comes back. The
// whole list exports to Excel.

import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import type { DrillDown, DrillDownRow } from '../../db/api/contract.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { figureKind, formatCount, formatFen } from '../common/format.ts';
import { notifyError, notifySuccess, useApi } from '../common/use-api.ts';
import { call } from '../api/client.ts';
import { saveExport } from '../common/files.ts';
import { recordHref, registerOfTableName } from '../common/routes.ts';
import { cellText } from './drill-columns.ts';
import type { ReportScope } from './report-types.ts';

const PAGE_SIZE = 15;

export interface DrillTarget {
  readonly id: string;
  readonly label: string;
}

/** The record's page in its register (#/mediation/cases?id=…), or null for a table no register owns. */
function recordLink(row: DrillDownRow): string | null {
  const register = registerOfTableName(row.table);
  return register ? recordHref(register, row.id) : null;
}

/** The drill-down's columns under their titles; none while there are no rows. */
function columnsOf(drill: DrillDown | null): DataTableColumn<DrillDownRow>[] {
  if (!drill || drill.rows.length === 0) return [];
  return drill.columns.map(({ key, title, numeric }, index) => ({
    accessor: key,
    title,
    textAlign: numeric ? 'right' : 'left',
    render: (row: DrillDownRow) => {
      const link = index === 0 ? recordLink(row) : null;
      return link ? <Anchor href={link} size="sm">{cellText(key, row[key])}</Anchor> : cellText(key, row[key]);
    },
  }));
}

function ExportDrillDown({ target, scope }: { target: DrillTarget; scope: ReportScope }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const exported = await call('report.exportDrillDown', { ...scope, id: target.id });
    const saved = exported.ok ? await saveExport(exported.value) : exported;
    setBusy(false);
    if (!saved.ok) notifyError(saved.error, '导出未完成');
    else if (saved.value) notifySuccess(`已导出：${saved.value}`);
  };
  return (
    <Button size="compact-sm" variant="light" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => void run()}>
      导出Excel
    </Button>
  );
}

function DrillDownTable({ target, scope }: { target: DrillTarget; scope: ReportScope }) {
  const [page, setPage] = useState(1);
  const drill = useApi('report.drillDown', {
    ...scope,
    id: target.id,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  if (drill.error) return <ErrorAlert error={drill.error} onRetry={drill.reload} />;
  const kind = figureKind(target.id);
  return (
    <Stack gap="sm">
      <Group gap="lg">
        <Text size="sm">
          {kind === 'rate' ? '分母记录' : '记录'}共 <b data-testid="drill-total">{drill.data ? formatCount(drill.data.total) : '…'}</b> 条
        </Text>
        {drill.data?.sum !== undefined && (
          <Text size="sm">
            合计 <b data-testid="drill-sum">{kind === 'wan' ? `${formatFen(drill.data.sum)} 元` : formatCount(drill.data.sum)}</b>
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {scope.from} 至 {scope.to}
        </Text>
        <ExportDrillDown target={target} scope={scope} />
      </Group>
      <DataTable<DrillDownRow>
        withTableBorder
        striped
        minHeight={200}
        height={440}
        fz="sm"
        idAccessor={(row) => `${row.table}:${row.id}`}
        records={drill.data?.rows ?? []}
        columns={columnsOf(drill.data)}
        fetching={drill.loading}
        totalRecords={drill.data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        onRowClick={({ record }) => {
          const link = recordLink(record);
          if (link) window.location.hash = link.slice(1);
        }}
        noRecordsText="没有记录"
        loadingText="读取中…"
        paginationText={({ from, to, totalRecords }) => `第 ${from}–${to} 条，共 ${formatCount(totalRecords)} 条`}
      />
    </Stack>
  );
}

export function DrillDownModal({ target, scope, onClose }: { target: DrillTarget | null; scope: ReportScope; onClose: () => void }) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target?.label} size="90%" centered>
      {target && <DrillDownTable key={target.id} target={target} scope={scope} />}
    </Modal>
  );
}
