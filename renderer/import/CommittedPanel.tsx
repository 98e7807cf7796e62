// What an import wrote: how many records were added and updated, per sheet, and any file the
// commit still had to reject (data changed between preview and commit).

import { Alert, Stack } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ImportOutcome } from '../../db/api/contract.ts';
import { formatCount } from '../common/format.ts';
import { usePermissions } from '../session/session.ts';
import { ProblemsTable } from './ProblemsTable.tsx';
import { SheetCounts } from './SheetCounts.tsx';

export function CommittedPanel({ outcome }: { outcome: ImportOutcome }) {
  const added = outcome.sheets.reduce((sum, sheet) => sum + sheet.added, 0);
  const updated = outcome.sheets.reduce((sum, sheet) => sum + sheet.updated, 0);
  const { officeId } = usePermissions();
  return (
    <Stack gap="sm" data-testid="import-committed">
      <Alert color="teal" icon={<IconCheck size={18} />} title="已导入">
        新增 {formatCount(added)} 条，更新 {formatCount(updated)} 条记录。{officeId === null ? '可在下方导入记录中撤销本次导入。' : '如需撤销本次导入，请联系局机关。'}
      </Alert>
      {outcome.rejectedFiles.length > 0 && (
        <>
          <Alert color="red" title="以下文件在导入时发现问题，没有写入">
            {outcome.rejectedFiles.join('、')}
          </Alert>
          <ProblemsTable problems={outcome.problems} />
        </>
      )}
      <SheetCounts sheets={outcome.sheets} />
    </Stack>
  );
}
