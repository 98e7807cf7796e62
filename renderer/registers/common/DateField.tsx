// A date typed with the keyboard (2024-03-01; 2024/3/1, 2024.3.1, 20240301 are rewritten on
// leaving the field), with a calendar for the mouse. Holds `YYYY-MM-DD` text, or what was
// typed while it cannot be read.

import { ActionIcon, Popover } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import { readTypedDate } from './field-values.ts';
import { TypedInput, type TypedInputProps } from './TypedInput.tsx';

export type DateFieldProps = Omit<TypedInputProps, 'normalise' | 'rightSection'>;

export function DateField(props: DateFieldProps) {
  const [opened, { close, toggle }] = useDisclosure(false);
  const read = readTypedDate(props.value);
  const calendar = (
    <Popover opened={opened} onChange={(open) => !open && close()} position="bottom-end" shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" tabIndex={-1} aria-label="打开日历" onClick={toggle} disabled={props.disabled}>
          <IconCalendar size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={read.ok ? read.value : null}
          defaultDate={read.ok ? read.value : undefined}
          onChange={(day) => {
            if (day) props.onChange(day);
            close();
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
  return (
    <TypedInput
      placeholder="YYYY-MM-DD"
      autoComplete="off"
      {...props}
      normalise={readTypedDate}
      rightSection={calendar}
    />
  );
}
