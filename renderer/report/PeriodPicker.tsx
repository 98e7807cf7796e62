// Choosing the report's period in one click: 本年 / 上年, a year with 全年 · 上半年 · 下半年 ·
// a quarter · 1–N月, or 自定义 with two dates. Controlled; the page turns a choice into dates.

import { Button, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DateInput } from '@mantine/dates';
import { describePeriod, presetLabels, presetPeriod, type Period, type PresetKind } from '../common/periods.ts';

export interface PeriodChoice {
  readonly preset: PresetKind | 'custom';
  readonly year: number;
  /** N of 1–N月. */
  readonly months: number;
  readonly from: string | null;
  readonly to: string | null;
}

export function initialChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  return { preset: 'year', year, months: Number(today.slice(5, 7)), from: `${year}-01-01`, to: today };
}

/** The period a choice means, or null while a custom range is incomplete or reversed. */
export function periodOf(choice: PeriodChoice): Period | null {
  if (choice.preset !== 'custom') return presetPeriod(choice.preset, choice.year, choice.months);
  if (!choice.from || !choice.to || choice.from > choice.to) return null;
  return { from: choice.from, to: choice.to };
}

/** Dates typed and shown as 2024-03-01; the calendar's headings as 2024年3月. */
const dateInputFormat = { valueFormat: 'YYYY-MM-DD', monthLabelFormat: 'YYYY年M月', yearLabelFormat: 'YYYY年', w: 130 } as const;

const presetOptions = [
  ...(Object.keys(presetLabels) as PresetKind[]).map((kind) => ({ value: kind, label: presetLabels[kind] })),
  { value: 'custom', label: '自定义' },
];

interface PeriodPickerProps {
  readonly choice: PeriodChoice;
  readonly today: string;
  readonly onChange: (choice: PeriodChoice) => void;
  /** Shown at the end of the second row (the scope and the generate button). */
  readonly children?: ReactNode;
}

export function PeriodPicker({ choice, today, onChange, children }: PeriodPickerProps) {
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 12 }, (_, index) => String(thisYear - index));
  const set = (change: Partial<PeriodChoice>) => onChange({ ...choice, ...change });
  const period = periodOf(choice);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Button.Group>
          <Button variant="default" onClick={() => set({ preset: 'year', year: thisYear })}>
            本年
          </Button>
          <Button variant="default" onClick={() => set({ preset: 'year', year: thisYear - 1 })}>
            上年
          </Button>
        </Button.Group>
        <NativeSelect
          aria-label="年度"
          data={years.map((year) => ({ value: year, label: `${year}年` }))}
          value={String(choice.year)}
          onChange={(event) => set({ year: Number(event.currentTarget.value) })}
          disabled={choice.preset === 'custom'}
          w={96}
        />
        <SegmentedControl
          aria-label="期间"
          data={presetOptions}
          value={choice.preset}
          onChange={(value) => set({ preset: value as PeriodChoice['preset'] })}
        />
      </Group>
      <Group gap="sm" align="center" justify="space-between">
        <Group gap="sm" align="center">
          {choice.preset === 'monthsToDate' && (
            <NativeSelect
              aria-label="截至月份"
              leftSection={<Text size="sm">1月至</Text>}
              leftSectionWidth={44}
              data={Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: `${index + 1}月` }))}
              value={String(choice.months)}
              onChange={(event) => set({ months: Number(event.currentTarget.value) })}
              w={110}
            />
          )}
          {choice.preset === 'custom' && (
            <>
              <DateInput aria-label="起始日期" placeholder="起始日期" value={choice.from} onChange={(from) => set({ from })} {...dateInputFormat} />
              <Text size="sm">至</Text>
              <DateInput aria-label="截止日期" placeholder="截止日期" value={choice.to} onChange={(to) => set({ to })} {...dateInputFormat} />
            </>
          )}
          <Text size="sm" c={period ? 'dimmed' : 'red'} data-testid="period">
            {period ? describePeriod(period) : '请填写起止日期（起始不晚于截止）'}
          </Text>
        </Group>
        <Group gap="sm">{children}</Group>
      </Group>
    </Stack>
  );
}
