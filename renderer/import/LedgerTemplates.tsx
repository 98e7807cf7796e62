// 空白模板 on the import page: any register's empty ledger, its header row exactly as the
// importer reads it — as .xlsx (each header noting what the column takes) or as CSV named
// after the register — to fill in and import.

import { Button, Group, Select, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client.ts';
import { saveExport } from '../common/files.ts';
import { notifyError, notifySuccess, useApi } from '../common/use-api.ts';
import type { RegisterDescription } from '../registers/common/types.ts';

type Format = 'xlsx' | 'csv';

/** The registers under their business lines (人民调解, 法律援助, 社区矫正), as the navigation has them. */
function groupedByLine(registers: readonly RegisterDescription[]) {
  const groups = [...new Set(registers.map((register) => register.group))];
  return groups.map((group) => ({
    group,
    items: registers.filter((register) => register.group === group).map((register) => ({ value: register.name, label: register.title })),
  }));
}

export function LedgerTemplates() {
  const registers = useApi('registers.describe', {});
  const [register, setRegister] = useState<string | null>(null);
  const [busy, setBusy] = useState<Format | null>(null);
  const chosen = (registers.data?.find((described) => described.name === register) ?? registers.data?.[0])?.name ?? null;

  const download = async (format: Format) => {
    if (!chosen) return;
    setBusy(format);
    const template = await call('ledger.template', { register: chosen, format });
    const saved = template.ok ? await saveExport(template.value) : template;
    setBusy(null);
    if (!saved.ok) notifyError(saved.error, '未能下载模板');
    else if (saved.value) notifySuccess(`已保存模板：${saved.value}`);
  };

  return (
    <Group gap="sm" align="center">
      <Text size="sm">空白模板：</Text>
      <Select
        aria-label="模板台账"
        data={groupedByLine(registers.data ?? [])}
        value={chosen}
        onChange={setRegister}
        allowDeselect={false}
        w={190}
      />
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy === 'xlsx'} disabled={!chosen} onClick={() => void download('xlsx')}>
        下载 Excel 模板
      </Button>
      <Button variant="default" leftSection={<IconFileTypeCsv size={16} />} loading={busy === 'csv'} disabled={!chosen} onClick={() => void download('csv')}>
        下载 CSV 模板
      </Button>
    </Group>
  );
}
