// 工作规则 in 设置: the reminders' day counts (调解中, 法律援助 open, 矫正期满 coming; the home page's
// reminders and the report's warnings both use them) and, for each numbered register, how its case numbers are written and whether
// the series runs per office or county-wide. The backend checks the rules (db/settings).

import { Button, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { reminderDayRules, type NumberedRegister, type ReminderDayRule, type WorkingRules } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, useApi } from '../common/use-api.ts';

const numberedTitles: Readonly<Record<NumberedRegister, { title: string; example: string }>> = {
  mediationCase: { title: '人民调解案件编号', example: '({年}){单位}调字第{序号}号' },
  legalAidCase: { title: '法律援助案件编号', example: '({年})湘法援字第{序号}号' },
};

export function WorkingRulesForm() {
  const stored = useApi('workingRules.get', {});
  const [rules, setRules] = useState<WorkingRules | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setRules(stored.data), [stored.data]);

  if (stored.error) return <ErrorAlert error={stored.error} onRetry={stored.reload} />;
  if (!rules) return null;

  const numbering = (register: NumberedRegister, change: Partial<WorkingRules['caseNumbering'][NumberedRegister]>) =>
    setRules({ ...rules, caseNumbering: { ...rules.caseNumbering, [register]: { ...rules.caseNumbering[register], ...change } } });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await call('workingRules.update', rules);
    setSaving(false);
    if (!result.ok) return setErrors(result.error.fieldErrors ?? { _: result.error.message });
    setErrors({});
    notifySuccess('工作规则已保存');
    stored.reload();
  };

  return (
    <form onSubmit={save}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          工作规则
        </Title>
        <Text size="sm" c="dimmed">
          首页提醒和统计报表的数据质量提示都用以下天数
        </Text>
        {(Object.keys(reminderDayRules) as ReminderDayRule[]).map((name) => (
          <NumberInput
            key={name}
            label={reminderDayRules[name].label}
            min={1}
            max={365}
            allowDecimal={false}
            value={rules[name]}
            onChange={(days) => setRules({ ...rules, [name]: typeof days === 'number' ? days : Number(days) })}
            error={errors[name]}
            suffix=" 天"
            w={300}
          />
        ))}
        {(Object.keys(numberedTitles) as NumberedRegister[]).map((register) => {
          const rule = rules.caseNumbering[register];
          return (
            <Stack key={register} gap={4}>
              <Text size="sm" fw={500}>
                {numberedTitles[register].title}
              </Text>
              <SegmentedControl
                aria-label={`${numberedTitles[register].title}的编号范围`}
                data={[
                  { value: 'office', label: '各单位分别编号' },
                  { value: 'county', label: '全县统一编号' },
                ]}
                value={rule.series}
                onChange={(series) => numbering(register, { series: series as 'office' | 'county' })}
                w={300}
              />
              <TextInput
                label={`${numberedTitles[register].title}格式`}
                description={`{年}为受理年度，{单位}为单位简称（如“城西”），{序号}为顺序号；留空则沿用已有编号的写法。例如：${numberedTitles[register].example}`}
                placeholder={numberedTitles[register].example}
                value={rule.pattern ?? ''}
                onChange={(event) => numbering(register, { pattern: event.currentTarget.value.trim() === '' ? null : event.currentTarget.value })}
                error={errors[`caseNumbering.${register}.pattern`]}
              />
            </Stack>
          );
        })}
        {errors._ && <Text c="red" size="sm">{errors._}</Text>}
        <Button type="submit" loading={saving} w={120}>
          保存
        </Button>
      </Stack>
    </form>
  );
}
