// The value lists of registers.md: configurable ones (纠纷类型, 专业领域, 身份背景, 特殊群体,
// 监管等级 …) open to their items and can be extended here; the fixed ones are a read-only table.

import { Accordion, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ValueList } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, useApi } from '../common/use-api.ts';


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
    <form noValidate onSubmit={add}>
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

function FixedLists({ lists }: { lists: readonly ValueList[] }) {
  return (
    <Table fz="sm" withTableBorder verticalSpacing={4} data-testid="fixed-lists">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>固定分类</Table.Th>
          <Table.Th>项目（不能增加）</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lists.map((list) => (
          <Table.Tr key={list.name}>
            <Table.Td>{list.title}</Table.Td>
            <Table.Td c="dimmed">{list.items.map((item) => item.label).join(' · ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ListsPanel() {
  const lists = useApi('lists.get', {});
  if (lists.error) return <ErrorAlert error={lists.error} onRetry={lists.reload} />;
  const all = lists.data ?? [];
  return (
    <Stack gap="md">
      <Accordion multiple variant="contained" data-testid="value-lists">
        {all
          .filter((list) => list.configurable)
          .map((list) => (
            <Accordion.Item key={list.name} value={list.name}>
              <Accordion.Control>
                <Group gap="sm">
                  <Text size="sm" fw={500}>
                    {list.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {list.items.length} 项，可增加
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
                  <AddItemForm list={list} onAdded={lists.reload} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
      </Accordion>
      <FixedLists lists={all.filter((list) => !list.configurable)} />
    </Stack>
  );
}
