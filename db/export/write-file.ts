// Saving an export: the bytes go to a temporary file in the target's folder, which is then
// renamed over the target, so a reader never sees half a file and a failed export leaves the
// previous file as it was. Plain Node; the only place exports touch the disk.

import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';

export function writeFileAtomically(file: string, content: Uint8Array): void {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new UserError(`无法写入「${file}」：文件夹「${folder}」不存在`);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? '没有写入权限，或文件正被其他程序（如 Excel、WPS）打开'
        : (error as Error).message;
    throw new UserError(`无法写入「${file}」：${reason}`);
  }
}
