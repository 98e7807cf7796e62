// A full disk (a small tmpfs, where one can be mounted) and a file-size limit (ulimit -f, with
// SIGXFSZ ignored so writes fail with EFBIG): a save that cannot be written is a clear Chinese
// message and everything saved before is intact after reopening; a backup into a full
// destination fails with a clear message, leaves no file, and does not touch the database.

import { expect, it } from 'vitest';
import { fullDiskBackupScenario, fullDiskSaveScenario, type FullDiskMedium } from './scenarios/disk-full.ts';

const media: FullDiskMedium[] = ['tmpfs', 'file-size-limit'];

it.for(media)('a save on a full disk (%s) fails with a message; what was saved is intact', async (medium, context) => {
  const result = await fullDiskSaveScenario(medium);
  context.skip(Boolean(result.skipped), result.skipped);
  expect(result.ok, JSON.stringify(result.figures, null, 1)).toBe(true);
  expect(result.figures['失败时的提示']).toMatch(/^磁盘空间不足.*未能保存。已保存的数据不受影响/);
  expect(result.figures['重开后找到']).toBe(result.figures['确认保存合计']);
});

it.for(media)('a backup into a full destination (%s) fails with a message and leaves nothing behind', async (medium, context) => {
  const result = await fullDiskBackupScenario(medium);
  context.skip(Boolean(result.skipped), result.skipped);
  expect(result.ok, JSON.stringify(result.figures, null, 1)).toBe(true);
  expect(result.figures['目标文件夹中残留的文件']).toBe(0);
  expect(result.figures['数据库内容未变']).toBe('是');
});
