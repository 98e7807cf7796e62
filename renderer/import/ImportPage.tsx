// 导入: choose ledger files, see what the import would do (import.preview: how each sheet was
// read, counts per sheet and every problem) before anything is written, answer what the importer
// cannot recognise (each answer re-checks), confirm (import.commit), and the import history
// with undo. Choosing files again starts a new selection. Empty templates of every register to fill in.

import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiError, ImportOutcome } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';
import { useAppInfo } from '../common/app-info.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { LongWorkProgress } from '../common/LongWorkProgress.tsx';
import { saveExport, type Base64File } from '../common/files.ts';
import { notifySuccess, useApi } from '../common/use-api.ts';
import { useSession } from '../session/session.ts';
import { CommittedPanel } from './CommittedPanel.tsx';
import { FileChooser } from './FileChooser.tsx';
import { mappingFile, noAnswers, type ImportAnswers } from './answers.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { LedgerTemplates } from './LedgerTemplates.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { SelectedFiles } from './SelectedFiles.tsx';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'previewed'; readonly outcome: ImportOutcome }
  | { readonly kind: 'committing'; readonly outcome: ImportOutcome }
  | { readonly kind: 'committed'; readonly outcome: ImportOutcome }
  | { readonly kind: 'failed'; readonly error: ApiError };

export function ImportPage() {
  const [files, setFiles] = useState<Base64File[]>([]);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [answers, setAnswers] = useState<ImportAnswers>(noAnswers);
  const [register, setRegister] = useState<string | null>(null);
  const history = useApi('import.history', {});
  const { reloadInfo } = useAppInfo();
  const { user } = useSession();
  const afterWrite = () => {
    history.reload();
    reloadInfo();
  };

  const request = (chosen: Base64File[], given: ImportAnswers, chosenRegister: string | null) => ({
    files: chosen,
    mapping: given,
    ...(chosenRegister ? { register: chosenRegister } : {}),
  });

  const preview = async (chosen: Base64File[], given = answers, chosenRegister = register) => {
    setFiles(chosen);
    setAnswers(given);
    setRegister(chosenRegister);
    if (chosen.length === 0) return setStep({ kind: 'idle' });
    setStep({ kind: 'checking' });
    const result = await call('import.preview', request(chosen, given, chosenRegister));
    setStep(result.ok ? { kind: 'previewed', outcome: result.value } : { kind: 'failed', error: result.error });
  };

  const commit = async (outcome: ImportOutcome) => {
    setStep({ kind: 'committing', outcome });
    const result = await call('import.commit', request(files, answers, register));
    afterWrite();
    if (!result.ok) return setStep({ kind: 'failed', error: result.error });
    if (result.value.importId === null) return setStep({ kind: 'previewed', outcome: result.value });
    setFiles([]);
    setAnswers(noAnswers);
    setRegister(null);
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
            <FileChooser onChosen={(chosen) => void preview(chosen, noAnswers, null)} />
            <Text size="sm" c="dimmed">
              可一次选择多个 .xlsx / .csv 文件，工作表名称不限：按表头认出是哪一种台账。先检查，确认后才写入。
              {user.officeId !== null && `您的账号只能导入本单位（${user.officeName ?? ''}）的记录：含其他单位记录的文件整份不写入。`}
            </Text>
          </Group>
          <LedgerTemplates />
          {files.length > 0 && <SelectedFiles files={files} onRemove={(name) => void preview(files.filter((file) => file.name !== name))} />}
          {step.kind === 'checking' && <Text size="sm">正在检查 {files.length} 个文件…</Text>}
          <LongWorkProgress active={step.kind === 'checking' || step.kind === 'committing'} />
          {step.kind === 'failed' && <ErrorAlert title="导入未完成" error={step.error} />}
          {(step.kind === 'previewed' || step.kind === 'committing') && (
            <PreviewPanel
              outcome={step.outcome}
              committing={step.kind === 'committing'}
              onCommit={() => void commit(step.outcome)}
              onDropRejected={() => dropRejected(step.outcome)}
              answers={answers}
              register={register}
              onAnswers={(given) => void preview(files, given, register)}
              onRegister={(chosenRegister) => void preview(files, answers, chosenRegister)}
              onSaveAnswers={() => void saveExport(mappingFile(answers))}
            />
          )}
          {step.kind === 'committed' && <CommittedPanel outcome={step.outcome} />}
        </Stack>
      </Paper>
      <Title order={3} size="h4">
        导入记录
      </Title>
      <ImportHistory history={history} onUndone={afterWrite} />
    </Stack>
  );
}
