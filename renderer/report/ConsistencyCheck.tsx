// The roster identity the report checks before it is trusted (indicators.md):
// 列管 = 期初在册 + 接收 = 在册在矫 + 解除 + 终止 + 迁出. Green when it holds, red otherwise.

import { Alert, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { CorrectionIdentity } from '../../db/api/contract.ts';
import { formatCount } from '../common/format.ts';

export function ConsistencyCheck({ identity }: { identity: CorrectionIdentity }) {
  return (
    <Alert
      color={identity.ok ? 'teal' : 'red'}
      icon={identity.ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
      title={identity.ok ? '社区矫正人数核对一致' : '社区矫正人数核对不一致，请检查矫正对象台账'}
      data-testid="consistency-check"
      data-ok={identity.ok}
    >
      <Text size="sm" className="figure">
        列管 {formatCount(identity.managed)} ＝ 期初在册＋接收 {formatCount(identity.activeStartPlusReceived)} ＝
        在册在矫＋解除＋终止＋迁出 {formatCount(identity.activeEndPlusExits)}
      </Text>
    </Alert>
  );
}
