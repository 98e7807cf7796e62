// 首页: today's work — this year's counts, reminders from the data-quality checks, and, on an
// empty database, the way to sample data (管理员) or an import (bureau-level 录入员 too).

import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useAppInfo } from '../common/app-info.ts';
import { IMPORT, href } from '../common/routes.ts';
import { usePermissions } from '../session/session.ts';
import { loadSampleData } from './load-sample.ts';
import { Reminders } from './Reminders.tsx';
import { TodayCounts } from './TodayCounts.tsx';

function emptyHint(canAdminister: boolean, canImport: boolean, canEdit: boolean): string {
  if (canAdminister) return '可以导入现有的 Excel/CSV 台账，或先载入示例数据看看各页面和年度报表。';
  if (canImport) return '可以导入现有的 Excel/CSV 台账，或在各台账页面中录入。';
  if (canEdit) return '可以在各台账页面中录入本单位的记录。';
  return '录入员录入或导入台账后，这里会显示今年的工作情况。';
}

function EmptyDatabase() {
  const { refresh } = useAppInfo();
  const { canEdit, canImport, canAdminister } = usePermissions();
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    if (await loadSampleData()) refresh();
    setLoading(false);
  };
  return (
    <Alert color="indigo" icon={<IconDatabaseImport size={18} />} title="数据库还是空的">
      <Group justify="space-between">
        <Text size="sm">{emptyHint(canAdminister, canImport, canEdit)}</Text>
        <Group gap="xs">
          {canImport && (
            <Button component="a" href={href(IMPORT)} variant="default" size="xs">
              导入台账
            </Button>
          )}
          {canAdminister && (
            <Button size="xs" onClick={() => void load()} loading={loading}>
              载入示例数据
            </Button>
          )}
        </Group>
      </Group>
    </Alert>
  );
}

export function HomePage() {
  const { info } = useAppInfo();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2}>今日工作</Title>
        <Text c="dimmed" size="sm">
          {info.today.slice(0, 4)}年1月1日至今 · 今天 {info.today}
        </Text>
      </Group>
      {info.recordCount === 0 && <EmptyDatabase />}
      <TodayCounts today={info.today} />
      <Reminders today={info.today} />
    </Stack>
  );
}
