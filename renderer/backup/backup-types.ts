// What the backup.* methods return, taken from their handlers' types so a field changed in
// db/backup/ is one edit. Types only: nothing of db/ is bundled into the renderer.

import type { backupHandlers } from '../../db/backup/backup-api.ts';

type Handlers = ReturnType<typeof backupHandlers>;

/** backup.list: the backup folder, the second folder, and the backups newest first. */
export type BackupListing = ReturnType<Handlers['backup.list']>;
export type BackupEntry = BackupListing['backups'][number];
export type { BackupPreview, RestoreOutcome } from '../../db/backup/restore.ts';
export type { TakenBackup } from '../../db/backup/take-backup.ts';
