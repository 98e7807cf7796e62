// A progress bar for long work running in the background (an import, a backup, a restore): while
// `active`, it asks `app.progress` a few times a second and shows the task, its step and how far
// it has got. The rest of the app stays usable meanwhile.

import { Progress as ProgressBar, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Progress } from '../../db/api/contract.ts';
import { call } from '../api/client.ts';

const POLL_MS = 300;

export function LongWorkProgress({ active }: { readonly active: boolean }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      const result = await call('app.progress', {});
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [active]);
  if (!active || !progress) return null;
  const percent = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  const counted = progress.total > 0 ? `${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')} ${progress.unit}` : '';
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm">
        {progress.task}：{progress.step} {counted}
      </Text>
      <ProgressBar value={percent} animated aria-label={`${progress.task}进度`} />
    </Stack>
  );
}
