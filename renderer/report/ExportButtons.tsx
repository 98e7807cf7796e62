// 导出Excel, 导出Word and 打印 for the report on screen: the exports cover exactly its period and
// office; printing uses the print CSS (no navigation), or a PDF on the desktop.

import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client.ts';
import { printPage, saveExport, type ExportedFile } from '../common/files.ts';
import { notifyError, notifySuccess } from '../common/use-api.ts';
import type { ReportScope } from './report-types.ts';

type Action = 'xlsx' | 'docx' | 'print';

export function ExportButtons({ scope, title }: { scope: ReportScope; title: string }) {
  const [busy, setBusy] = useState<Action | null>(null);

  const exportAs = async (action: 'xlsx' | 'docx') => {
    setBusy(action);
    const result = await call<ExportedFile>(action === 'xlsx' ? 'report.exportXlsx' : 'report.exportDocx', scope);
    const problem = result.ok ? await saveExport(result.value) : result.error;
    setBusy(null);
    if (problem) notifyError(problem, '导出未完成');
    else if (result.ok) notifySuccess(`已导出 ${result.value.fileName}`);
  };

  const print = async () => {
    setBusy('print');
    const problem = await printPage(`${title}.pdf`);
    setBusy(null);
    if (problem) notifyError(problem, '打印未完成');
  };

  return (
    <Group gap="xs" className="no-print">
      <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} loading={busy === 'xlsx'} onClick={() => void exportAs('xlsx')}>
        导出Excel
      </Button>
      <Button variant="light" leftSection={<IconFileTypeDocx size={18} />} loading={busy === 'docx'} onClick={() => void exportAs('docx')}>
        导出Word
      </Button>
      <Button variant="light" leftSection={<IconPrinter size={18} />} loading={busy === 'print'} onClick={() => void print()}>
        打印
      </Button>
    </Group>
  );
}
