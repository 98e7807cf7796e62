// Data-quality warnings and reminders (report.quality), each opening to the records it is
// about, every record a link into its register. Used by 首页 (as of today) and by 统计报表
// (as of the report's end).

import { Accordion, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconBell } from '@tabler/icons-react';
import type { QualityWarning } from '../../db/api/contract.ts';
import { formatCount } from './format.ts';
import { href, recordHref, registerOfTableName, registerPath } from './routes.ts';

/** Records listed per warning; the rest are in the register's list. */
const SHOWN_RECORDS = 30;

function WarningRecords({ warning }: { warning: QualityWarning }) {
  const register = warning.records[0] && registerOfTableName(warning.records[0].table);
  return (
    <>
      <List size="sm" spacing={2}>
        {warning.records.slice(0, SHOWN_RECORDS).map((record) => (
          <List.Item key={`${record.table}:${record.id}`}>
            {register ? <Anchor href={recordHref(register, record.id)}>{record.label}</Anchor> : record.label}
          </List.Item>
        ))}
      </List>
      {register && (
        <Anchor href={href(registerPath(register))} size="sm" mt={6} display="inline-block">
          {warning.count > SHOWN_RECORDS ? `另有 ${formatCount(warning.count - SHOWN_RECORDS)} 条，` : ''}到列表中查看
        </Anchor>
      )}
    </>
  );
}

export function QualityList({ warnings }: { warnings: readonly QualityWarning[] }) {
  return (
    <Accordion variant="separated" multiple data-testid="quality-warnings">
      {warnings.map((warning) => (
        <Accordion.Item key={warning.code} value={warning.code} data-code={warning.code}>
          <Accordion.Control
            icon={
              warning.level === 'warning' ? (
                <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" />
              ) : (
                <IconBell size={18} color="var(--mantine-color-indigo-6)" />
              )
            }
          >
            <Group justify="space-between" wrap="nowrap" pr="sm">
              <Text size="sm">{warning.message}</Text>
              <Badge variant="light" color={warning.level === 'warning' ? 'orange' : 'indigo'} className="figure">
                {formatCount(warning.count)}
              </Badge>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <WarningRecords warning={warning} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
