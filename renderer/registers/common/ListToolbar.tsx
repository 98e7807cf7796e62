// Above a register's list: the search box (names and case numbers), office, period on the
// register's date field, its status (在矫/已解矫 …), the view's code filters, and whether
// deleted records are shown.
// `/` puts the cursor in the search box.

import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePermissions } from '../../session/session.ts';
import { DateField } from './DateField.tsx';
import { codeOptions, selectBehaviour } from './FieldInput.tsx';
import type { Catalogue, RegisterView } from './types.ts';
import type { ListQuery } from './use-register-list.ts';

export interface ListToolbarProps {
  readonly view: RegisterView;
  readonly catalogue: Catalogue;
  readonly query: ListQuery;
  readonly change: (change: Partial<ListQuery>) => void;
}

/**
 * The search box: keeps what is typed to itself and hands it on ~200 ms after typing stops, or
 * at once when a whole word arrives in one go — a name committed by the input method (Chinese
 * is typed that way), or pasted.
 */
function SearchBox({ hint, search, onSearch }: { hint: string; search: string; onSearch: (search: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(search);
  const [settled] = useDebouncedValue(typed, 200);
  // What was last handed on: a word searched at once is not searched again when the pause ends.
  const handed = useRef(search);
  const handOn = useCallback(
    (text: string) => {
      if (text === handed.current) return;
      handed.current = text;
      onSearch(text);
    },
    [onSearch],
  );
  useHotkeys([['/', () => ref.current?.focus()]]);
  // Handed on when the pause ends, that is when `settled` changes (not when onSearch does).
  const lastSettled = useRef(settled);
  useEffect(() => {
    if (settled === lastSettled.current) return;
    lastSettled.current = settled;
    handOn(settled);
  }, [settled, handOn]);
  return (
    <TextInput
      ref={ref}
      aria-label="搜索"
      placeholder={`搜索${hint}`}
      leftSection={<IconSearch size={16} />}
      value={typed}
      onChange={(event) => {
        const input = event.nativeEvent as InputEvent;
        const wholeWord = !input.isComposing && (input.data?.length ?? 0) > 1;
        setTyped(event.currentTarget.value);
        if (wholeWord || input.inputType === 'insertFromPaste') handOn(event.currentTarget.value);
      }}
      onCompositionEnd={(event) => handOn(event.currentTarget.value)}
      w={260}
      autoFocus
    />
  );
}

export function ListToolbar({ view, catalogue, query, change }: ListToolbarProps) {
  const fields = new Map(catalogue.register.fields.map((field) => [field.name, field]));
  const dateHeader = fields.get(catalogue.register.dateField)?.header ?? '日期';
  const filterSelect = { ...selectBehaviour, clearable: true, w: 150 };
  const { officeId: userOffice } = usePermissions();

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchBox hint={view.searchHint} search={query.search} onSearch={(search) => change({ search })} />
      <Select
        {...filterSelect}
        aria-label="单位"
        placeholder="全部单位"
        data={catalogue.offices.map((office) => ({ value: String(office.id), label: office.name }))}
        value={userOffice === null ? query.officeId : String(userOffice)}
        onChange={(officeId) => change({ officeId })}
        disabled={userOffice !== null}
        w={170}
      />
      <DateField aria-label={`${dateHeader}起`} placeholder={`${dateHeader}起`} value={query.from} onChange={(from) => change({ from })} w={150} />
      <DateField aria-label={`${dateHeader}止`} placeholder={`${dateHeader}止`} value={query.to} onChange={(to) => change({ to })} w={150} />
      {catalogue.register.statuses.length > 0 && (
        <Select
          {...filterSelect}
          aria-label="状态"
          placeholder="全部状态"
          data={catalogue.register.statuses.map((status) => ({ value: status.code, label: status.label }))}
          value={query.status}
          onChange={(status) => change({ status })}
          w={120}
        />
      )}
      {(view.filters ?? []).map((name) => {
        const field = fields.get(name)!;
        return (
          <Select
            key={name}
            {...filterSelect}
            aria-label={field.header}
            placeholder={`全部${field.header}`}
            data={codeOptions(catalogue, field.list)}
            value={query.filters[name] ?? null}
            onChange={(code) => change({ filters: { ...query.filters, [name]: code } })}
          />
        );
      })}
      <Switch
        label="显示已删除"
        checked={query.deleted}
        onChange={(event) => change({ deleted: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
