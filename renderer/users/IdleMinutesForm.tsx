// 自动锁定: after how many minutes without keyboard or mouse the app locks itself, for every
// user on this computer (session.setIdleMinutes). Enter saves.

import { Button, Group, NumberInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { notifySuccess, useFormCall } from '../common/use-api.ts';
import { useSession } from '../session/session.ts';

export function IdleMinutesForm() {
  const { idleMinutes, setIdleMinutes } = useSession();
  const [minutes, setMinutes] = useState<number | string>(idleMinutes);
  const save = useFormCall('session.setIdleMinutes', ['minutes']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.submit({ minutes: Number(minutes) });
    if (!saved) return;
    setIdleMinutes(saved.idleMinutes);
    notifySuccess(`无操作 ${saved.idleMinutes} 分钟后自动锁定`);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Group align="flex-end">
        <NumberInput
          label="无操作自动锁定"
          description="键盘和鼠标都没有动作这么久后，程序锁定，需重新输入密码"
          suffix=" 分钟"
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={(value) => {
            setMinutes(value);
            save.clear();
          }}
          error={save.fieldErrors.minutes ?? save.message}
          w={360}
        />
        <Button type="submit" loading={save.busy} disabled={Number(minutes) === idleMinutes}>
          保存
        </Button>
      </Group>
    </form>
  );
}
