// 导出Excel, 导出Word and 打印 for the report on screen: the exports cover exactly its period and
// office; printing uses the print CSS (no navigation), or a PDF on the desktop.

import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client.ts';
import { printPage, saveExport } from '../common/files.ts';
import { notifyError, notifySuccess } from '../common/use-api.ts';
import type { ReportScope } from './report-types.ts';

type Action = 'xlsx' | 'docx' | 'print';

export function ExportButtons({ scope, title }: { scope: ReportScope; title: string }) {
  const [busy, setBusy] = useState<Action | null>(null);

  const exportAs = async (action: 'xlsx' | 'docx') => {
    setBusy(action);
    const exported = await call(action === 'xlsx' ? 'report.exportXlsx' : 'report.exportDocx', scope);
    const saved = exported.ok ? await saveExport(exported.value) : exported;
    setBusy(null);
    if (!saved.ok) notifyError(saved.error, '导出未完成');
    else if (saved.value) notifySuccess(`已导出：${saved.value}`);
  };

  const print = async () => {
    setBusy('print');
    const printed = await printPage(`${title}.pdf`);
    setBusy(null);
    if (!printed.ok) notifyError(printed.error, '打印未完成');
    else if (printed.value) notifySuccess(`已保存为 PDF：${printed.value}`);
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
