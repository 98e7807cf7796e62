// 导出台账 above a register's list: the rows of the list as the clerk has narrowed it (office,
// period, search, status, filters, sort), as an Excel ledger to print or as CSV to hand over or
// import elsewhere. 身份证号码 are masked unless a 管理员 or 录入员 ticks 完整身份证号码 (the backend
// checks the role again and logs that export as a view of personal numbers).

import { Button, Checkbox, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconFileSpreadsheet, IconFileTypeCsv, IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { formatCount } from '../../common/format.ts';
import { saveExport } from '../../common/files.ts';
import { notifyError, notifySuccess } from '../../common/use-api.ts';
import { usePermissions } from '../../session/session.ts';
import type { Catalogue, RegisterName } from './types.ts';
import type { ListNarrowing } from './use-register-list.ts';

type Format = 'xlsx' | 'csv';

export interface LedgerExportMenuProps {
  readonly register: RegisterName;
  readonly catalogue: Catalogue;
  readonly narrowing: ListNarrowing;
  readonly total: number;
}

export function LedgerExportMenu({ register, catalogue, narrowing, total }: LedgerExportMenuProps) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [fullIdNumbers, setFullIdNumbers] = useState(false);
  // Mirrors db/accounts/permissions.ts: 管理员 and 录入员 may take the numbers out in full.
  const { canEdit } = usePermissions();
  const hasIdNumbers = catalogue.register.fields.some((field) => field.kind === 'idNumber' || field.header === '身份证号码');
  const offerFull = canEdit && hasIdNumbers;

  const exportAs = async (format: Format) => {
    setBusy(format);
    const exported = await call('ledger.export', {
      ...narrowing,
      register,
      format,
      fullIdNumbers: offerFull && fullIdNumbers,
    });
    const saved = exported.ok ? await saveExport(exported.value) : exported;
    setBusy(null);
    if (!saved.ok) notifyError(saved.error, '导出未完成');
    else if (saved.value && exported.ok) notifySuccess(`已导出 ${formatCount(exported.value.rows)} 条：${saved.value}`);
  };

  return (
    <Menu position="bottom-end" shadow="md" width={260} closeOnItemClick>
      <Menu.Target>
        <Button variant="light" leftSection={<IconTableExport size={18} />} rightSection={<IconChevronDown size={14} />} loading={busy !== null}>
          导出台账
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>按当前筛选导出 {formatCount(total)} 条</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportAs('xlsx')}>
          Excel 台账（.xlsx，可打印）
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void exportAs('csv')}>
          CSV 文件（.csv，可再导入）
        </Menu.Item>
        {offerFull && (
          <>
            <Menu.Divider />
            <Checkbox
              px="sm"
              py={6}
              label="完整身份证号码"
              description={<Text span size="xs">不勾选时脱敏；勾选后的导出记入操作日志</Text>}
              checked={fullIdNumbers}
              onChange={(event) => setFullIdNumbers(event.currentTarget.checked)}
            />
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
