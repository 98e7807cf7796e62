// The value lists of registers.md: configurable ones (纠纷类型, 专业领域, 身份背景, 特殊群体,
// 监管等级 …) can be extended here; the statutory ones are shown read-only.

import { Accordion, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, useApi } from '../common/use-api.ts';

interface ValueList {
  readonly name: string;
  readonly title: string;
  readonly configurable: boolean;
  readonly items: readonly { code: string; label: string }[];
}

function AddItemForm({ list, onAdded }: { list: ValueList; onAdded: () => void }) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await call('lists.addItem', { list: list.name, label });
    if (!result.ok) return setError(result.error.fieldErrors?.label ?? result.error.message);
    notifySuccess(`已在「${list.title}」中增加「${label.trim()}」`);
    setLabel('');
    onAdded();
  };
  return (
    <form onSubmit={add}>
      <Group gap="xs" align="flex-start">
        <TextInput
          size="xs"
          aria-label={`${list.title}新项目`}
          placeholder="新项目名称"
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          w={220}
        />
        <Button size="xs" type="submit" variant="light">
          增加
        </Button>
      </Group>
    </form>
  );
}

export function ListsPanel() {
  const lists = useApi<ValueList[]>('lists.get');
  if (lists.error) return <ErrorAlert error={lists.error} onRetry={lists.reload} />;
  const ordered = [...(lists.data ?? [])].sort((a, b) => Number(b.configurable) - Number(a.configurable));
  return (
    <Accordion multiple variant="separated" data-testid="value-lists">
      {ordered.map((list) => (
        <Accordion.Item key={list.name} value={list.name}>
          <Accordion.Control>
            <Group gap="sm">
              <Text fw={500}>{list.title}</Text>
              <Badge size="sm" variant="light" color={list.configurable ? 'indigo' : 'gray'}>
                {list.configurable ? '可增加' : '法定分类'}
              </Badge>
              <Text size="xs" c="dimmed">
                {list.items.length} 项
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <Group gap={6}>
                {list.items.map((item) => (
                  <Badge key={item.code} variant="outline" color="gray" tt="none" size="lg" fw={400}>
                    {item.label}
                  </Badge>
                ))}
              </Group>
              {list.configurable ? (
                <AddItemForm list={list} onAdded={lists.reload} />
              ) : (
                <Text size="xs" c="dimmed">法定分类，不能增加。</Text>
              )}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
