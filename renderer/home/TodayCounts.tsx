// This year's work at a glance: cases received per register from 1 January to today, and the
// correction roster today (在册在矫). Each card leads to its register.

import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { RegisterName, Report } from '../../db/api/contract.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatCount, formatRate } from '../common/format.ts';
import { href, registerPath } from '../common/routes.ts';
import { useApi } from '../common/use-api.ts';

interface Card {
  readonly label: string;
  readonly id: string;
  readonly register: RegisterName;
  readonly unit: string;
  /** A second figure under the main one. */
  readonly detail?: (figures: Report['indicators']) => string;
}

const cards: readonly Card[] = [
  {
    label: '人民调解 受理纠纷',
    id: 'mediation.cases.received',
    register: 'mediationCase',
    unit: '宗',
    detail: (f) => `调解成功 ${formatCount(f['mediation.cases.succeeded'])} 宗 · 成功率 ${formatRate(f['mediation.cases.success_rate'])}`,
  },
  {
    label: '法律援助 受理案件',
    id: 'legal_aid.cases.received',
    register: 'legalAidCase',
    unit: '宗',
    detail: (f) => `办结 ${formatCount(f['legal_aid.cases.closed'])} 宗 · 未结 ${formatCount(f['legal_aid.cases.open_end'])} 宗`,
  },
  {
    label: '社区矫正 接收',
    id: 'correction.received',
    register: 'correctionStint',
    unit: '人',
    detail: (f) => `解除 ${formatCount(f['correction.released'])} 人 · 终止 ${formatCount(f['correction.terminated'])} 人`,
  },
  {
    label: '在册在矫（今天）',
    id: 'correction.active_end',
    register: 'correctionStint',
    unit: '人',
    detail: (f) => `缓刑 ${formatCount(f['correction.active_end.probation'])} · 假释 ${formatCount(f['correction.active_end.parole'])} · 暂予监外 ${formatCount(f['correction.active_end.medical_parole'])}`,
  },
];

export function TodayCounts({ today }: { today: string }) {
  const report = useApi('report.run', { from: `${today.slice(0, 4)}-01-01`, to: today });
  if (report.error) return <ErrorAlert error={report.error} onRetry={report.reload} />;
  return (
    <SimpleGrid cols={4} spacing="md">
      {cards.map((card) => (
        <Paper key={card.id} withBorder p="md" data-indicator-id={card.id}>
          <Stack gap={4}>
            <Anchor href={href(registerPath(card.register))} size="sm" c="dimmed">
              {card.label}
            </Anchor>
            {report.data ? (
              <Group gap={4} align="baseline">
                <Text fz={28} fw={700} className="figure">
                  {formatCount(report.data.indicators[card.id])}
                </Text>
                <Text size="sm" c="dimmed">
                  {card.unit}
                </Text>
              </Group>
            ) : (
              <Skeleton h={36} w={80} />
            )}
            <Text size="xs" c="dimmed">
              {report.data && card.detail ? card.detail(report.data.indicators) : ' '}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
