// Which columns a register's list shows: the view's default columns unless the clerk chose
// others with the column chooser (a box of ticks over every column the view offers), kept in
// this browser's localStorage per register, so the choice is there on the next visit.

import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { RegisterView } from './types.ts';

const storageKey = (view: RegisterView) => `sftz.list-columns.${view.name}`;

/** Every column the view offers, in its order: the default ones, then the further ones. */
export function offeredColumns(view: RegisterView): readonly string[] {
  return [...view.columns, ...(view.moreColumns ?? [])];
}

function storedChoice(view: RegisterView): readonly string[] | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(view)) ?? 'null');
    if (!Array.isArray(stored)) return null;
    const offered = new Set(offeredColumns(view));
    const chosen = stored.filter((name): name is string => typeof name === 'string' && offered.has(name));
    return chosen.length > 0 ? chosen : null;
  } catch {
    return null;
  }
}

export interface ColumnChoice {
  /** The columns shown, in the view's order. */
  readonly shown: readonly string[];
  readonly toggle: (name: string) => void;
  readonly reset: () => void;
}

export function useColumnChoice(view: RegisterView): ColumnChoice {
  const [chosen, setChosen] = useState<readonly string[] | null>(() => storedChoice(view));
  const shown = useMemo(() => offeredColumns(view).filter((name) => (chosen ?? view.columns).includes(name)), [view, chosen]);
  const keep = (next: readonly string[] | null) => {
    setChosen(next);
    if (next) localStorage.setItem(storageKey(view), JSON.stringify(next));
    else localStorage.removeItem(storageKey(view));
  };
  return {
    shown,
    toggle: (name) => {
      const next = shown.includes(name) ? shown.filter((column) => column !== name) : [...shown, name];
      // At least one column stays: a list of row actions alone says nothing.
      if (next.length > 0) keep(next);
    },
    reset: () => keep(null),
  };
}

export function ColumnChooser({ choice, headers }: { choice: ColumnChoice; headers: ReadonlyMap<string, string> }) {
  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          显示列
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="显示列">
        <Stack gap="xs">
          {[...headers].map(([name, header]) => (
            <Checkbox key={name} label={header} checked={choice.shown.includes(name)} onChange={() => choice.toggle(name)} />
          ))}
          <Button size="compact-sm" variant="subtle" onClick={choice.reset}>
            恢复默认列
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
