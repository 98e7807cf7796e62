// What an import would do, shown before anything is written: how each sheet was read, the
// choices for what was not recognised, per-sheet counts, every problem, notices, and the files
// that would be rejected. 「确认导入」 is offered only for a clean preview;
// a rejected file must be fixed or taken out of the selection first, so nothing is written
// that the clerk did not see.

import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ImportOutcome } from '../../db/api/contract.ts';
import { formatCount } from '../common/format.ts';
import type { ImportAnswers } from './answers.ts';
import { LedgerReadings } from './LedgerReadings.tsx';
import { MappingChoices } from './MappingChoices.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { SheetCounts } from './SheetCounts.tsx';

interface PreviewPanelProps {
  readonly outcome: ImportOutcome;
  readonly committing: boolean;
  readonly onCommit: () => void;
  readonly onDropRejected: () => void;
  readonly answers: ImportAnswers;
  readonly register: string | null;
  readonly onAnswers: (answers: ImportAnswers) => void;
  readonly onRegister: (register: string) => void;
  readonly onSaveAnswers: () => void;
}

export function PreviewPanel({ outcome, committing, onCommit, onDropRejected, ...choices }: PreviewPanelProps) {
  const clean = outcome.ok && outcome.problems.length === 0;
  const nothingToWrite = outcome.sheets.every((sheet) => sheet.added + sheet.updated === 0);
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Title order={3} size="h5">
        预检结果（尚未写入）
      </Title>
      {clean ? (
        <Alert color="teal" icon={<IconCheck size={18} />} title="检查通过">
          全部 {outcome.sheets.length} 个工作表没有发现问题。
          {nothingToWrite ? '数据与已有记录完全相同，导入不会改变任何记录。' : '确认后写入数据库。'}
        </Alert>
      ) : (
        <RejectedAlert outcome={outcome} onDropRejected={onDropRejected} />
      )}
      <Group>
        <Button onClick={onCommit} disabled={!clean} loading={committing} leftSection={<IconCheck size={18} />}>
          确认导入
        </Button>
        {!clean && <Text size="sm" c="dimmed">有问题的文件修正（或移除）后才能导入。</Text>}
      </Group>
      <MappingChoices
        outcome={outcome}
        answers={choices.answers}
        register={choices.register}
        onAnswers={choices.onAnswers}
        onRegister={choices.onRegister}
        onSave={choices.onSaveAnswers}
      />
      {outcome.readings.length > 0 && <LedgerReadings readings={outcome.readings} />}
      {outcome.problems.length > 0 && (
        <>
          <Text fw={600} c="red.8">
            共发现 {formatCount(outcome.problems.length)} 个问题：
          </Text>
          <ProblemsTable problems={outcome.problems} />
        </>
      )}
      {outcome.sheets.length > 0 && <SheetCounts sheets={outcome.sheets} />}
      {(outcome.notices.length > 0 || outcome.officesCreated.length > 0) && <Notices outcome={outcome} />}
    </Stack>
  );
}

function RejectedAlert({ outcome, onDropRejected }: { outcome: ImportOutcome; onDropRejected: () => void }) {
  const accepted = outcome.sheets.length;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title="有文件未通过检查，这些文件不会写入任何数据">
      <Stack gap={6}>
        <List size="sm">
          {outcome.rejectedFiles.map((file) => (
            <List.Item key={file}>{file}</List.Item>
          ))}
        </List>
        <Text size="sm">
          请按下表修正后重新选择文件。
          {accepted > 0 && '也可以移除这些文件，只导入其余没有问题的文件。'}
        </Text>
        {accepted > 0 && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onDropRejected}>
              移除有问题的文件并重新检查
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function Notices({ outcome }: { outcome: ImportOutcome }) {
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title="提示">
      <List size="sm">
        {outcome.officesCreated.length > 0 && <List.Item>将新建单位：{outcome.officesCreated.join('、')}</List.Item>}
        {outcome.notices.map((notice) => (
          <List.Item key={notice}>{notice}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
