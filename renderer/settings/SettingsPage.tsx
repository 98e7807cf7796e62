// 设置: the bureau's name, its offices, the working rules (调解中 threshold, case numbering),
// the value lists, and the exchange with the offices.

import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BureauNameForm } from './BureauNameForm.tsx';
import { ExchangePanel } from './ExchangePanel.tsx';
import { IntranetPanel } from './IntranetPanel.tsx';
import { ListsPanel } from './ListsPanel.tsx';
import { OfficesPanel } from './OfficesPanel.tsx';
import { WorkingRulesForm } from './WorkingRulesForm.tsx';

export function SettingsPage() {
  return (
    <Stack gap="md">
      <Title order={2}>设置</Title>
      <SimpleGrid cols={2} spacing="md">
        <Stack gap="md">
          <Paper withBorder p="md">
            <BureauNameForm />
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                单位
              </Title>
              <OfficesPanel />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <WorkingRulesForm />
          </Paper>
        </Stack>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              分类列表
            </Title>
            <Text size="sm" c="dimmed">
              录入和导入时可选的值。可增加的列表可按本地情况增加项目（新增的纠纷类型会出现在统计报表中）；固定分类不能更改。
            </Text>
            <ListsPanel />
          </Stack>
        </Paper>
      </SimpleGrid>
      {/* 数据交换: the bureau and its offices (db/exchange/) */}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            数据交换
          </Title>
          <ExchangePanel />
          <IntranetPanel />
        </Stack>
      </Paper>
    </Stack>
  );
}
