// Choosing the report's period in one click: 本年 / 上年, a year with 全年 · 上半年 · 下半年 ·
// a quarter · 1–N月, or 自定义 with two dates. Controlled; the page turns a choice into dates.

import { Button, Group, NativeSelect, SegmentedControl, Text } from '@mantine/core';
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

const presetOptions = [
  ...(Object.keys(presetLabels) as PresetKind[]).map((kind) => ({ value: kind, label: presetLabels[kind] })),
  { value: 'custom', label: '自定义' },
];

export function PeriodPicker({ choice, today, onChange }: { choice: PeriodChoice; today: string; onChange: (choice: PeriodChoice) => void }) {
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 12 }, (_, index) => String(thisYear - index));
  const set = (change: Partial<PeriodChoice>) => onChange({ ...choice, ...change });
  const period = periodOf(choice);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Button.Group>
        <Button variant="default" onClick={() => set({ preset: 'year', year: thisYear })}>
          本年
        </Button>
        <Button variant="default" onClick={() => set({ preset: 'year', year: thisYear - 1 })}>
          上年
        </Button>
      </Button.Group>
      <NativeSelect
        label="年度"
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
      {choice.preset === 'monthsToDate' && (
        <NativeSelect
          label="截至"
          aria-label="截至月份"
          data={Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: `${index + 1}月` }))}
          value={String(choice.months)}
          onChange={(event) => set({ months: Number(event.currentTarget.value) })}
          w={80}
        />
      )}
      {choice.preset === 'custom' && (
        <>
          <DateInput label="起始日期" aria-label="起始日期" valueFormat="YYYY-MM-DD" value={choice.from} onChange={(from) => set({ from })} w={130} />
          <DateInput label="截止日期" aria-label="截止日期" valueFormat="YYYY-MM-DD" value={choice.to} onChange={(to) => set({ to })} w={130} />
        </>
      )}
      <Text size="sm" c={period ? 'dimmed' : 'red'} pb={8} data-testid="period">
        {period ? describePeriod(period) : '请填写起止日期（起始不晚于截止）'}
      </Text>
    </Group>
  );
}
