// Picking ledger files (.xlsx/.csv, several at once): the desktop's open dialog inside
// Electron, a file input in a browser. Hands back names and base64 contents.

import { Button, FileButton } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { call, isDesktop } from '../api/client.ts';
import { readAsBase64, type Base64File } from '../common/files.ts';
import { notifyError } from '../common/use-api.ts';

const label = '选择台账文件…';

export function FileChooser({ onChosen }: { onChosen: (files: Base64File[]) => void }) {
  const resetRef = useRef<() => void>(null);
  const [reading, setReading] = useState(false);

  if (isDesktop()) {
    const choose = async () => {
      const result = await call('desktop.chooseLedgerFiles', {});
      if (!result.ok) notifyError(result.error, '未能打开文件');
      else if (result.value.length > 0) onChosen(result.value);
    };
    return (
      <Button leftSection={<IconFolderOpen size={18} />} onClick={choose}>
        {label}
      </Button>
    );
  }

  const read = async (picked: File[]) => {
    if (picked.length === 0) return;
    setReading(true);
    try {
      onChosen(await Promise.all(picked.map(readAsBase64)));
    } catch (error) {
      notifyError({ message: `读取文件失败：${(error as Error).message}` });
    } finally {
      setReading(false);
      resetRef.current?.();
    }
  };
  return (
    <FileButton
      multiple
      accept=".xlsx,.csv"
      onChange={read}
      resetRef={resetRef}
      inputProps={{ 'aria-label': '台账文件' }}
    >
      {(props) => (
        <Button {...props} loading={reading} leftSection={<IconFolderOpen size={18} />}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}
