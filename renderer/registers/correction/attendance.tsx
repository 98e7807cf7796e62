// A group activity's attendance: people ticked from the office's roster of that day (who was
// in correction on the activity's date). Type part of a name or number and press Enter to
// tick the first match; Tab reaches the ticks themselves. 参加人数 follows the ticks.

import { Button, Checkbox, Group, Input, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DASH } from '../../common/format.ts';
import { useAllRecords } from '../common/all-records.ts';
import { typedDay } from '../common/field-values.ts';
import { enterSkipsAttribute, picksOnEnterAttribute } from '../common/enter-navigation.ts';
import { defineEditor, type ApiRecord, type Derivation, type EditorProps, type FormValues } from '../common/types.ts';
import { inCorrectionOn, matchesStint, stintLabel } from './roster.ts';

function useRosterOn(officeId: unknown, day: string | null) {
  const { records, error } = useAllRecords('correctionStint', officeId && day ? { officeId: Number(officeId), to: day, sort: 'name' } : null);
  return { roster: records && day ? records.filter((stint) => inCorrectionOn(stint, day)) : null, error };
}

function AttendancePicker({ field, value, onChange, error, form }: EditorProps<number[]>) {
  const day = typedDay(form.values.held_on);
  const { roster, error: loadError } = useRosterOn(form.values.office_id, day);
  const [typed, setTyped] = useState('');
  const ticked = new Set(value);
  const shown = (roster ?? []).filter((stint) => matchesStint(stint, typed));
  const toggle = (id: number) => onChange(ticked.has(id) ? value.filter((other) => other !== id) : [...value, id]);
  const outside = value.filter((id) => !roster?.some((stint) => stint.id === id)).length;

  const ready = Boolean(day && form.values.office_id);
  return (
    <Input.Wrapper label={field.header} error={error ?? loadError?.message} description="勾选参加的社区矫正对象，参加人数随之计算">
      {!ready ? (
        <Text size="sm" c="dimmed" mt={4}>
          先填写日期和单位，再勾选当日在矫人员
        </Text>
      ) : (
        <Stack gap="xs" mt={4}>
          <Group gap="xs">
            <TextInput
              {...picksOnEnterAttribute}
              aria-label="查找参加人员"
              placeholder="输入姓名或身份证号码，Enter 勾选"
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' || event.nativeEvent.isComposing || typed.trim() === '') return;
                event.preventDefault();
                const first = shown.find((stint) => !ticked.has(stint.id));
                if (!first) return;
                toggle(first.id);
                setTyped('');
              }}
              error={roster && typed.trim() !== '' && shown.length === 0 ? '当日名册中没有匹配的人员' : undefined}
              w={260}
            />
            <Button variant="default" size="xs" onClick={() => onChange([...new Set([...value, ...shown.map((stint) => stint.id)])])}>
              全选{typed ? '匹配的' : ''}
            </Button>
            <Button variant="default" size="xs" onClick={() => onChange([])}>
              清空
            </Button>
            <Text size="sm">
              {roster
                ? `已勾选 ${value.length} 人（名册 ${roster.length} 人${outside ? `，另有 ${outside} 人不在当日名册中` : ''}）`
                : '正在读取名册…'}
            </Text>
          </Group>
          <ScrollArea.Autosize mah={200} type="auto">
            <SimpleGrid cols={2} spacing={4} verticalSpacing={4}>
              {shown.map((stint) => (
                <Checkbox
                  key={stint.id}
                  {...enterSkipsAttribute}
                  label={stintLabel(stint)}
                  checked={ticked.has(stint.id)}
                  onChange={() => toggle(stint.id)}
                  size="xs"
                />
              ))}
            </SimpleGrid>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Input.Wrapper>
  );
}

function AttendeeNames({ record }: { record: ApiRecord }) {
  const ids = (record.attendee_stint_ids as number[] | undefined) ?? [];
  const { roster } = useRosterOn(ids.length ? record.office_id : null, String(record.held_on));
  if (ids.length === 0) return <>{DASH}</>;
  if (!roster) return <>{ids.length} 人</>;
  return <>{ids.map((id) => roster.find((stint) => stint.id === id)?.name ?? `（编号 ${id}）`).join('、')}</>;
}

/** Ticked stint ids; saved as `attendee_stint_ids`. */
export const attendanceEditor = defineEditor<number[]>({
  empty: [],
  fromRecord: (ids) => (ids as number[] | null) ?? [],
  Input: AttendancePicker,
  Display: AttendeeNames,
  wide: true,
});

/** 参加人数 is the number ticked, once anyone is ticked. */
export const attendanceFromTicks: Derivation = {
  note: '按勾选人数计算',
  from: (values: FormValues) => {
    const ticked = (values.attendee_stint_ids as number[] | undefined) ?? [];
    return ticked.length ? { attendance: String(ticked.length) } : {};
  },
};
