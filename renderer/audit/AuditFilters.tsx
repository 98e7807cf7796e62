// The audit log's filters: a period (typed dates), part of a username, one action, and text
// found in the entry (record number, a name, a field's value). Enter or 查询 applies them.

import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { auditActionLabels, type AuditAction } from '../../db/api/contract.ts';
import { DateField } from '../registers/common/DateField.tsx';
import { typedDay } from '../registers/common/field-values.ts';

export interface AuditFilter {
  readonly from: string | null;
  readonly to: string | null;
  readonly user: string | null;
  readonly action: AuditAction | null;
  readonly text: string | null;
}

export const noFilter: AuditFilter = { from: null, to: null, user: null, action: null, text: null };

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));

export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [user, setUser] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [text, setText] = useState('');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      from: typedDay(from),
      to: typedDay(to),
      user: user.trim() || null,
      action: action as AuditAction | null,
      text: text.trim() || null,
    });
  };

  return (
    <form onSubmit={apply}>
      <Group gap="sm" align="flex-end">
        <DateField label="日期起" value={from} onChange={setFrom} w={150} autoFocus />
        <DateField label="日期止" value={to} onChange={setTo} w={150} />
        <TextInput label="用户" placeholder="用户名" value={user} onChange={(event) => setUser(event.currentTarget.value)} w={150} />
        <Select label="操作" placeholder="全部操作" data={actionOptions} value={action} onChange={setAction} clearable searchable w={160} />
        <TextInput
          label="内容"
          placeholder="记录编号、姓名、字段值…"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={220}
        />
        <Button type="submit" leftSection={<IconSearch size={16} />}>
          查询
        </Button>
      </Group>
    </form>
  );
}
