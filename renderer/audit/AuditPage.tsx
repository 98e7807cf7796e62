// 审计日志 (管理员): who did what and when — searched by period, user, action and text, 50
// entries a page, each opening to the record before and after; 校验 checks the whole hash
// chain; 导出Excel saves what the filters find (with the verification result).

import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconShieldSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditVerification } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { saveExport } from '../common/files.ts';
import { notifyError, notifySuccess, useApi } from '../common/use-api.ts';
import { AuditFilters, noFilter, type AuditFilter } from './AuditFilters.tsx';
import { AUDIT_PAGE_SIZE, AuditTable } from './AuditTable.tsx';
import { AuditVerificationResult } from './AuditVerification.tsx';

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const [page, setPage] = useState(1);
  const log = useApi('audit.search', {
    ...filter,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
    limit: AUDIT_PAGE_SIZE,
  });
  const [busy, setBusy] = useState<'verify' | 'export' | null>(null);
  const [verification, setVerification] = useState<{ result: AuditVerification; checkedAt: string } | null>(null);

  const verify = async () => {
    setBusy('verify');
    const result = await call('audit.verify', {});
    setBusy(null);
    if (result.ok) setVerification({ result: result.value, checkedAt: dayjs().format('YYYY-MM-DD HH:mm:ss') });
    else notifyError(result.error, '未能校验');
  };

  const exportXlsx = async () => {
    setBusy('export');
    const exported = await call('audit.export', filter);
    const saved = exported.ok ? await saveExport(exported.value) : exported;
    setBusy(null);
    if (!saved.ok) notifyError(saved.error, '导出未完成');
    else if (saved.value) notifySuccess(`已导出：${saved.value}`);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>审计日志</Title>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconShieldSearch size={18} />} loading={busy === 'verify'} onClick={() => void verify()}>
            校验
          </Button>
          <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} loading={busy === 'export'} onClick={() => void exportXlsx()}>
            导出Excel
          </Button>
        </Group>
      </Group>
      {verification && <AuditVerificationResult {...verification} />}
      <Paper withBorder p="sm">
        <AuditFilters
          onApply={(next) => {
            setFilter(next);
            setPage(1);
            log.reload();
          }}
        />
      </Paper>
      {log.error && <ErrorAlert error={log.error} onRetry={log.reload} />}
      <AuditTable
        rows={log.data?.rows ?? []}
        total={log.data?.total ?? 0}
        page={page}
        fetching={log.loading}
        onPageChange={setPage}
      />
    </Stack>
  );
}
