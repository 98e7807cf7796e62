// A mediation case's parties (当事人): name, 身份证号码 and role per row. The editor always ends
// with a blank row, so the clerk just keeps typing: name, Enter, number, Enter, role, Enter
// lands on the next blank row; Enter on a blank name leaves the table. Blank rows are not saved.
// 涉及人数 follows the parties named while it is empty or smaller (it may be larger: not every
// person involved is a party).

import { ActionIcon, Group, Input, Stack, Table, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { toHalfWidth } from '../../../db/api/contract.ts';
import { DASH } from '../../common/format.ts';
import { enterExitAttribute, enterGroupAttribute } from '../common/enter-navigation.ts';
import { readIdNumberText } from '../common/field-values.ts';
import { defineEditor, type ApiRecord, type EditorProps } from '../common/types.ts';
import { TypedInput } from '../common/TypedInput.tsx';

interface PartyRow {
  readonly name: string;
  readonly id_number: string;
  readonly role: string;
}

interface StoredParty {
  readonly name: string;
  readonly id_number: string | null;
  readonly role: string | null;
}

const blankRow: PartyRow = { name: '', id_number: '', role: '' };
const isBlank = (row: PartyRow) => row.name.trim() === '' && row.id_number.trim() === '' && row.role.trim() === '';

/** The form's 涉及人数 when the parties named are more than it says (or it is empty), else null. */
export function peopleCountFor(parties: readonly PartyRow[], peopleCount: unknown): string | null {
  const named = parties.filter((row) => row.name.trim() !== '').length;
  const typed = String(peopleCount ?? '').trim();
  if (named === 0) return null;
  if (typed === '') return String(named);
  return /^\d+$/.test(typed) && Number(typed) < named ? String(named) : null;
}

function PartiesInput({ field, value, onChange, error, form }: EditorProps<PartyRow[]>) {
  const rows = [...value, blankRow];
  const update = (index: number, change: Partial<PartyRow>) => {
    const next = rows.map((row, at) => (at === index ? { ...row, ...change } : row)).filter((row, at) => at < value.length || !isBlank(row));
    onChange(next);
    const count = 'people_count' in form.values ? peopleCountFor(next, form.values.people_count) : null;
    if (count !== null) form.set('people_count', count);
  };
  const remove = (index: number) => onChange(value.filter((_row, at) => at !== index));

  return (
    <Input.Wrapper label={field.header} withAsterisk={field.requiredColumn} error={error} description="每行一名当事人；在空行的姓名处按 Enter 结束填写">
      <Stack gap={6} mt={4} {...enterGroupAttribute}>
        {rows.map((row, index) => {
          const trailing = index === value.length;
          const label = `第${index + 1}名当事人`;
          return (
            <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={`${label}姓名`}
                placeholder="姓名"
                value={row.name}
                onChange={(event) => update(index, { name: event.currentTarget.value })}
                w={150}
                {...(trailing ? enterExitAttribute : {})}
              />
              <TypedInput
                aria-label={`${label}身份证号码`}
                placeholder="身份证号码（可不填）"
                value={row.id_number}
                onChange={(idNumber) => update(index, { id_number: idNumber })}
                normalise={readIdNumberText}
                maxLength={18}
                w={220}
              />
              <TextInput
                aria-label={`${label}角色`}
                placeholder="申请人 / 被申请人"
                value={row.role}
                onChange={(event) => update(index, { role: event.currentTarget.value })}
                w={150}
              />
              {!trailing && (
                <ActionIcon variant="subtle" color="gray" mt={4} onClick={() => remove(index)} aria-label={`删除${label}`}>
                  <IconX size={16} />
                </ActionIcon>
              )}
            </Group>
          );
        })}
      </Stack>
    </Input.Wrapper>
  );
}

function PartiesTable({ record }: { record: ApiRecord }) {
  const parties = (record.parties as StoredParty[] | undefined) ?? [];
  if (parties.length === 0) return <>{(record.party_names as string | undefined) || DASH}</>;
  return (
    <Table withTableBorder withColumnBorders fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>姓名</Table.Th>
          <Table.Th>身份证号码</Table.Th>
          <Table.Th>角色</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parties.map((party, index) => (
          <Table.Tr key={index}>
            <Table.Td>{party.name}</Table.Td>
            <Table.Td>{party.id_number ?? DASH}</Table.Td>
            <Table.Td>{party.role ?? DASH}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Rows as typed; saved as {name, id_number, role} with blanks as null and blank rows dropped. */
export const partiesEditor = defineEditor<PartyRow[]>({
  empty: [],
  fromRecord: (stored) =>
    ((stored as StoredParty[] | null) ?? []).map((party) => ({ name: party.name, id_number: party.id_number ?? '', role: party.role ?? '' })),
  toRecord: (rows) => ({
    ok: true,
    value: rows
      .filter((row) => !isBlank(row))
      .map((row) => ({
        name: row.name.trim(),
        id_number: toHalfWidth(row.id_number).trim().toUpperCase() || null,
        role: row.role.trim() || null,
      })),
  }),
  Input: PartiesInput,
  Display: PartiesTable,
  wide: true,
});
