// The bureau's working rules the administrator sets in 设置, kept in the `setting` table: the
// reminders' day counts (how long a mediation case may stay 调解中, a granted legal-aid case stay
// open, and how early a correction term's end is announced — the home page and the report's
// warnings both read them), and how each numbered register's case numbers are written and
// counted (the pattern, and whether the series runs per office or county-wide).

import { z } from 'zod';
import type { RegisterDatabase } from '../database.ts';
import { statement } from '../registers/register.ts';

/** The registers whose case numbers the app proposes. */
export const numberedRegisters = ['mediationCase', 'legalAidCase'] as const;
export type NumberedRegister = (typeof numberedRegisters)[number];

/** The placeholders a pattern may hold: the year of 受理日期, the office's abbreviation, the sequence. */
export const YEAR = '{年}';
export const OFFICE = '{单位}';
export const SEQUENCE = '{序号}';

export const caseNumbering = z
  .object({
    /**
     * How a number is written, e.g. ({年})湘法援字第{序号}号 or ({年}){单位}调字第{序号}号; null: as
     * the register's latest numbers are written (their prefix learnt from the data).
     */
    pattern: z.string().trim().max(40).nullable(),
    /** office: each office counts its own numbers; county: one series for the whole county. */
    series: z.enum(['office', 'county']),
  })
  .superRefine((value, context) => {
    if (value.pattern === null) return;
    const missing = [YEAR, SEQUENCE].filter((placeholder) => !value.pattern!.includes(placeholder));
    if (missing.length > 0) {
      context.addIssue({ code: 'custom', path: ['pattern'], message: `编号格式必须包含${missing.join('和')}` });
    }
    if (value.series === 'office' && !value.pattern.includes(OFFICE)) {
      context.addIssue({ code: 'custom', path: ['pattern'], message: `按单位分别编号时，编号格式必须包含${OFFICE}，否则各单位的编号会重复` });
    }
  });
export type CaseNumbering = z.infer<typeof caseNumbering>;

/**
 * The reminders' day counts, each a working rule: its label in 设置 (and the audit log) and its
 * value until the administrator says otherwise — 调解中 over 30 days (人民调解 is to end within
 * 30 days of 受理), a granted legal-aid case open over 90 days, a correction term ending within 30 days.
 */
export const reminderDayRules = {
  pendingMediationDays: { label: '“调解中”超过多少天提醒', default: 30 },
  openLegalAidDays: { label: '法律援助案件受理超过多少天未结案提醒', default: 90 },
  correctionEndingDays: { label: '社区矫正期满前多少天提醒', default: 30 },
} as const;
export type ReminderDayRule = keyof typeof reminderDayRules;
export type ReminderDays = Readonly<Record<ReminderDayRule, number>>;
const reminderDayNames = Object.keys(reminderDayRules) as ReminderDayRule[];

const dayCount = z
  .number({ message: '天数必须是数字' })
  .int({ message: '天数必须是整数' })
  .min(1, { message: '天数至少为 1' })
  .max(365, { message: '天数最多为 365' });

/** The rules as set in 设置 and stored: a reminder's day count not given keeps its default. */
export const workingRules = z.object({
  ...(Object.fromEntries(reminderDayNames.map((name) => [name, dayCount.default(reminderDayRules[name].default)])) as Record<
    ReminderDayRule,
    z.ZodDefault<typeof dayCount>
  >),
  caseNumbering: z.object({ mediationCase: caseNumbering, legalAidCase: caseNumbering }),
});
export type WorkingRules = z.infer<typeof workingRules>;

/** The reminder days' numbers until the administrator says otherwise. */
export const DEFAULT_REMINDER_DAYS = Object.fromEntries(reminderDayNames.map((name) => [name, reminderDayRules[name].default])) as ReminderDays;

/**
 * Until the administrator says otherwise: the reminders' default days; mediation numbers run per
 * office, legal-aid numbers county-wide (the county's 法律援助中心 keeps one series), both
 * written as the data already writes them.
 */
export const DEFAULT_WORKING_RULES: WorkingRules = {
  ...DEFAULT_REMINDER_DAYS,
  caseNumbering: {
    mediationCase: { pattern: null, series: 'office' },
    legalAidCase: { pattern: null, series: 'county' },
  },
};

const KEY = 'workingRules';

export function readWorkingRules(db: RegisterDatabase): WorkingRules {
  const stored = (statement(db, 'SELECT value FROM setting WHERE key = ?').get(KEY) as { value: string } | undefined)?.value;
  if (!stored) return DEFAULT_WORKING_RULES;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_WORKING_RULES;
  }
  const parsed = workingRules.safeParse({ ...DEFAULT_WORKING_RULES, ...(value as object) });
  return parsed.success ? parsed.data : DEFAULT_WORKING_RULES;
}

export function writeWorkingRules(db: RegisterDatabase, rules: WorkingRules): WorkingRules {
  statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(rules),
  );
  return rules;
}
