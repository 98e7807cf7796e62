// Making file writes durable before they are relied on: a file's content flushed to disk, and
// a rename (the way every whole-file replacement here is done) flushed with its folder.

import fs from 'node:fs';

/** Flushes a written file's content to disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable (POSIX; Windows has no directory handles to flush). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
