// Which backups a folder keeps: the newest 30 daily ones; of each earlier month its last backup,
// for the 12 newest such months (renamed …-monthly.sqlite); backups taken before an import, a
// restore or a migration for 30 days; manual ones until people delete them. Only files named as
// our backups are ever touched.

import fs from 'node:fs';
import path from 'node:path';
import { TEMPORARY_SUFFIX, backupFileName, backupsIn, type BackupFile } from './backup-files.ts';

const KEPT_DAILY = 30;
const KEPT_MONTHLY = 12;
/** Days a backup taken before an import, a restore or a migration is kept. */
const KEPT_EVENT_DAYS = 30;

export interface RotationPlan {
  readonly remove: BackupFile[];
  /** Daily backups past the 30 that stay as their month's backup. */
  readonly keepAsMonthly: BackupFile[];
}

const monthOf = (backup: BackupFile) => backup.date.slice(0, 7);

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function planRotation(backups: readonly BackupFile[], today: string): RotationPlan {
  const remove: BackupFile[] = [];
  const keepAsMonthly: BackupFile[] = [];
  const newestFirst = [...backups].sort((a, b) => b.date.localeCompare(a.date) || b.sequence - a.sequence);

  const dailies = newestFirst.filter((backup) => backup.kind === 'daily');
  const keptDaily = dailies.slice(0, KEPT_DAILY);
  const monthsCoveredByDaily = new Set(keptDaily.map(monthOf));

  const byMonth = new Map<string, BackupFile[]>();
  for (const backup of newestFirst) {
    if (backup.kind === 'monthly' || (backup.kind === 'daily' && !keptDaily.includes(backup))) {
      const month = monthOf(backup);
      byMonth.set(month, [...(byMonth.get(month) ?? []), backup]);
    }
  }
  let monthsKept = 0;
  for (const [month, inMonth] of byMonth) {
    // A month whose last backup is still among the daily ones is kept by them for now.
    const keepsOne = !monthsCoveredByDaily.has(month) && monthsKept < KEPT_MONTHLY;
    if (keepsOne) {
      monthsKept++;
      const [newest, ...older] = inMonth;
      if (newest!.kind === 'daily') keepAsMonthly.push(newest!);
      remove.push(...older);
    } else remove.push(...inMonth);
  }

  const eventCutoff = daysBefore(today, KEPT_EVENT_DAYS);
  for (const backup of newestFirst) {
    if (backup.kind.startsWith('before-') && backup.date < eventCutoff) remove.push(backup);
  }
  return { remove, keepAsMonthly };
}

/** Applies the plan to a folder, and removes what a backup interrupted an hour or more ago left behind. */
export function rotateBackups(folder: string, today: string, now = Date.now()): RotationPlan {
  const plan = planRotation(backupsIn(folder), today);
  for (const backup of plan.keepAsMonthly) {
    fs.renameSync(backup.file, path.join(folder, backupFileName(backup.date, 'monthly')));
  }
  for (const backup of plan.remove) fs.rmSync(backup.file, { force: true });
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith(TEMPORARY_SUFFIX)) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
  }
  return plan;
}
