// 导入: choose ledger files, see what the import would do (import.preview: counts per sheet and
// every problem) before anything is written, confirm (import.commit), and the import history
// with undo. Choosing files again starts a new selection.

import { ActionIcon, Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportLogEntry } from '../../db/import/import-history.ts';
import type { ImportOutcome } from '../../db/import/import-ledger.ts';
import { call } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import type { Base64File } from '../common/files.ts';
import { formatCount } from '../common/format.ts';
import { notifySuccess, useApi } from '../common/use-api.ts';
import type { ApiError } from '../../db/api/contract.ts';
import { FileChooser } from './FileChooser.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { SheetCounts } from './SheetCounts.tsx';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'previewed'; readonly outcome: ImportOutcome }
  | { readonly kind: 'committing'; readonly outcome: ImportOutcome }
  | { readonly kind: 'committed'; readonly outcome: ImportOutcome }
  | { readonly kind: 'failed'; readonly error: ApiError };

const sizeOf = (file: Base64File) => Math.round((file.content.length * 3) / 4 / 1024);

export function ImportPage() {
  const [files, setFiles] = useState<Base64File[]>([]);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const history = useApi<ImportLogEntry[]>('import.history');

  const preview = async (chosen: Base64File[]) => {
    setFiles(chosen);
    if (chosen.length === 0) return setStep({ kind: 'idle' });
    setStep({ kind: 'checking' });
    const result = await call<ImportOutcome>('import.preview', { files: chosen });
    setStep(result.ok ? { kind: 'previewed', outcome: result.value } : { kind: 'failed', error: result.error });
  };

  const commit = async (outcome: ImportOutcome) => {
    setStep({ kind: 'committing', outcome });
    const result = await call<ImportOutcome>('import.commit', { files });
    history.reload();
    if (!result.ok) return setStep({ kind: 'failed', error: result.error });
    if (!result.value.ok) return setStep({ kind: 'previewed', outcome: result.value });
    setFiles([]);
    setStep({ kind: 'committed', outcome: result.value });
    notifySuccess('导入完成');
  };

  const dropRejected = (outcome: ImportOutcome) =>
    void preview(files.filter((file) => !outcome.rejectedFiles.includes(file.name)));

  return (
    <Stack gap="md">
      <Title order={2}>导入台账</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group>
            <FileChooser onChosen={(chosen) => void preview(chosen)} />
            <Text size="sm" c="dimmed">
              可一次选择多个 .xlsx / .csv 文件；CSV 文件名即台账名称（如「人民调解案件.csv」）。先检查，确认后才写入。
            </Text>
          </Group>
          {files.length > 0 && <SelectedFiles files={files} onRemove={(name) => void preview(files.filter((file) => file.name !== name))} />}
          {step.kind === 'checking' && <Text size="sm">正在检查 {files.length} 个文件…</Text>}
          {step.kind === 'failed' && <ErrorAlert title="导入未完成" error={step.error} />}
          {(step.kind === 'previewed' || step.kind === 'committing') && (
            <PreviewPanel
              outcome={step.outcome}
              committing={step.kind === 'committing'}
              onCommit={() => void commit(step.outcome)}
              onDropRejected={() => dropRejected(step.outcome)}
            />
          )}
          {step.kind === 'committed' && <Committed outcome={step.outcome} />}
        </Stack>
      </Paper>
      <Title order={3} size="h4">
        导入记录
      </Title>
      <ImportHistory history={history} onUndone={history.reload} />
    </Stack>
  );
}

function SelectedFiles({ files, onRemove }: { files: readonly Base64File[]; onRemove: (name: string) => void }) {
  return (
    <Group gap="xs" data-testid="selected-files">
      {files.map((file) => (
        <Badge
          key={file.name}
          variant="light"
          size="lg"
          tt="none"
          rightSection={
            <ActionIcon size="xs" variant="transparent" aria-label={`移除 ${file.name}`} onClick={() => onRemove(file.name)}>
              <IconX size={12} />
            </ActionIcon>
          }
        >
          {file.name}（{formatCount(sizeOf(file))} KB）
        </Badge>
      ))}
    </Group>
  );
}

function Committed({ outcome }: { outcome: ImportOutcome }) {
  const added = outcome.sheets.reduce((sum, sheet) => sum + sheet.added, 0);
  const updated = outcome.sheets.reduce((sum, sheet) => sum + sheet.updated, 0);
  return (
    <Stack gap="sm" data-testid="import-committed">
      <Alert color="teal" icon={<IconCheck size={18} />} title="已导入">
        新增 {formatCount(added)} 条，更新 {formatCount(updated)} 条记录。可在下方导入记录中撤销本次导入。
      </Alert>
      <SheetCounts sheets={outcome.sheets} />
    </Stack>
  );
}
