// What 校验 found (audit.verify walks the whole hash chain): intact, with the number of
// entries read, or every entry found edited or removed.

import { Alert, List } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import type { AuditVerification } from '../../db/api/contract.ts';
import { formatCount } from '../common/format.ts';

export function AuditVerificationResult({ result, checkedAt }: { result: AuditVerification; checkedAt: string }) {
  if (result.ok) {
    return (
      <Alert color="teal" icon={<IconShieldCheck size={18} />} title="日志完整" data-testid="audit-verification" data-ok="true">
        {checkedAt} 校验了全部 {formatCount(result.entries)} 条日志：哈希链完整，没有发现被修改或删除的日志。
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title="日志被改动过" data-testid="audit-verification" data-ok="false">
      {checkedAt} 校验了 {formatCount(result.entries)} 条日志，发现 {formatCount(result.problems.length)} 处问题（程序以外对数据库的修改）：
      <List size="sm" mt={4}>
        {result.problems.map((problem) => (
          <List.Item key={`${problem.id}:${problem.message}`}>{problem.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
