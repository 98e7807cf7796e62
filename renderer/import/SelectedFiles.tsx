// The files chosen for an import, each with its size and a button to take it out of the selection.

import { ActionIcon, Badge, Group } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { Base64File } from '../common/files.ts';
import { formatCount } from '../common/format.ts';

const kilobytes = (file: Base64File) => Math.round((file.content.length * 3) / 4 / 1024);

export function SelectedFiles({ files, onRemove }: { files: readonly Base64File[]; onRemove: (name: string) => void }) {
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
          {file.name}（{formatCount(kilobytes(file))} KB）
        </Badge>
      ))}
    </Group>
  );
}
