// What the importer cannot recognise, with a choice for each (registers.md §5): an unknown column
// → a field of its register or 忽略此列; an unknown value → one of its field's values; a CSV whose
// name and columns say no register → the register. Each answer re-checks the files; the answers
// can be saved as MAPPING.json for the command line, and are remembered after a commit.

import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ImportOutcome } from '../../db/api/contract.ts';
import { answerColumn, answerValue, hasAnswers, type ImportAnswers } from './answers.ts';

const IGNORE = '（忽略此列）';

interface MappingChoicesProps {
  readonly outcome: ImportOutcome;
  readonly answers: ImportAnswers;
  readonly register: string | null;
  readonly onAnswers: (answers: ImportAnswers) => void;
  readonly onRegister: (register: string) => void;
  readonly onSave: () => void;
}

export function MappingChoices({ outcome, answers, register, onAnswers, onRegister, onSave }: MappingChoicesProps) {
  const undecided = outcome.problems.some((problem) => problem.reason.startsWith('无法判断是哪一种台账'));
  const nothingToAsk = outcome.unknownColumns.length === 0 && outcome.unknownValues.length === 0 && !undecided;
  if (nothingToAsk && !hasAnswers(answers)) return null;
  return (
    <Stack gap="xs" data-testid="mapping-choices">
      <Text fw={600}>需要您指定的内容（指定后自动重新检查，导入后会记住，下次同样的表头不再询问）</Text>
      {undecided && (
        <Select
          label="CSV 文件是哪一种台账"
          placeholder="请选择台账种类"
          data={outcome.registerChoices}
          value={register}
          onChange={(value) => value && onRegister(value)}
          w={260}
        />
      )}
      {outcome.unknownColumns.length > 0 && (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>工作表</Table.Th>
              <Table.Th>不认识的列</Table.Th>
              <Table.Th>读作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcome.unknownColumns.map((column) => (
              <Table.Tr key={`${column.file}|${column.sheet}|${column.header}`}>
                <Table.Td>{column.sheet}</Table.Td>
                <Table.Td>{column.header}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`列「${column.header}」读作`}
                    data={[IGNORE, ...column.choices]}
                    value={column.header in answers.columns ? (answers.columns[column.header] ?? IGNORE) : null}
                    placeholder="请选择"
                    onChange={(value) => value && onAnswers(answerColumn(answers, column.header, value === IGNORE ? null : value))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {outcome.unknownValues.length > 0 && (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>列</Table.Th>
              <Table.Th>不认识的值</Table.Th>
              <Table.Th>行数</Table.Th>
              <Table.Th>读作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcome.unknownValues.map((value) => (
              <Table.Tr key={`${value.file}|${value.sheet}|${value.field}|${value.value}`}>
                <Table.Td>{value.field}</Table.Td>
                <Table.Td>{value.value}</Table.Td>
                <Table.Td>
                  {value.count}（首见第 {value.firstRow} 行）
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${value.field}「${value.value}」读作`}
                    data={value.choices}
                    value={answers.values[value.field]?.[value.value] ?? null}
                    placeholder="请选择"
                    onChange={(canonical) => canonical && onAnswers(answerValue(answers, value.field, value.value, canonical))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {hasAnswers(answers) && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconDownload size={16} />} onClick={onSave}>
            保存为映射文件（MAPPING.json）
          </Button>
          <Text size="xs" c="dimmed">
            命令行导入时用 --mapping MAPPING.json 给出同样的指定。
          </Text>
        </Group>
      )}
    </Stack>
  );
}
