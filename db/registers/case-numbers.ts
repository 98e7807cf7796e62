// The next case number of a numbered register ((2024)城西调字第0013号, (2025)湘法援字第0090号),
// worked out from the whole series in the database — every office's numbers when the series is
// county-wide, deleted records' numbers included (they stay taken) — whatever the asking
// account may see. The series and the way numbers are written follow the administrator's rule
// (db/settings/working-rules.ts); without a pattern the prefix is learnt from the latest number.

import type { RegisterDatabase } from '../database.ts';
import { OFFICE, SEQUENCE, YEAR, type CaseNumbering, type NumberedRegister } from '../settings/working-rules.ts';
import { statement } from './register.ts';

/** 城西司法所 → 城西: the office's name without what every office's name ends with. */
export function officeAbbreviation(name: string): string {
  return name.replace(/(司法所|司法局|法律援助中心|本级)$/, '') || name;
}

/** Every case number of the register with the year in it: of one office, or of all. */
const seriesSql: Readonly<Record<NumberedRegister, { all: string; office: string }>> = {
  mediationCase: {
    all: 'SELECT case_no FROM mediation_case WHERE case_no LIKE @year',
    office: 'SELECT c.case_no FROM mediation_case c JOIN mediation_org o ON o.id = c.org_id WHERE o.office_id = @officeId AND c.case_no LIKE @year',
  },
  legalAidCase: {
    all: 'SELECT case_no FROM legal_aid_case WHERE case_no LIKE @year',
    office: 'SELECT case_no FROM legal_aid_case WHERE office_id = @officeId AND case_no LIKE @year',
  },
};

/** What a number without a pattern is prefixed with when the series has none yet. */
const learntPrefix: Readonly<Record<NumberedRegister, (abbreviation: string) => string>> = {
  mediationCase: (abbreviation) => `${abbreviation}调`,
  legalAidCase: () => '法援',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern's text as a regular expression: either bracket form of the year, the sequence captured. */
function patternRegExp(pattern: string, year: number, office: string | null): RegExp {
  const source = pattern
    .split(/(\{年\}|\{单位\}|\{序号\})/)
    .map((part) => {
      if (part === YEAR) return String(year);
      if (part === OFFICE) return office === null ? '.*?' : escapeRegExp(office);
      if (part === SEQUENCE) return '(\\d+)';
      return escapeRegExp(part).replace(/\\\(|（/g, '[（(]').replace(/\\\)|）/g, '[)）]');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

export interface SeriesOf {
  readonly register: NumberedRegister;
  /** The office the new record belongs to (a case's organisation's office for 人民调解). */
  readonly officeId: number;
  readonly officeName: string;
  readonly year: number;
}

export function nextCaseNumber(db: RegisterDatabase, series: SeriesOf, numbering: CaseNumbering): string {
  const abbreviation = officeAbbreviation(series.officeName);
  const perOffice = numbering.series === 'office';
  // With a pattern naming the office, the office's numbers are told apart by their text, so
  // the whole table is read: a number moved to another office stays taken in its series.
  const byText = numbering.pattern !== null && numbering.pattern.includes(OFFICE);
  const sql = perOffice && !byText ? seriesSql[series.register].office : seriesSql[series.register].all;
  const numbers = statement(db, sql)
    .pluck()
    .all({ officeId: series.officeId, year: `%${series.year}%` }) as string[];
  const pattern = numbering.pattern;
  if (pattern === null) return learntNext(numbers, series.year, learntPrefix[series.register](abbreviation));
  const matcher = patternRegExp(pattern, series.year, perOffice ? abbreviation : null);
  let highest = 0;
  let width = 4;
  for (const caseNo of numbers) {
    const match = matcher.exec(caseNo);
    if (!match) continue;
    highest = Math.max(highest, Number(match[1]));
    width = Math.max(width, match[1]!.length);
  }
  return pattern
    .replaceAll(YEAR, String(series.year))
    .replaceAll(OFFICE, abbreviation)
    .replaceAll(SEQUENCE, String(highest + 1).padStart(width, '0'));
}

/** The next number after the highest of the year's (2024)…字第NNNN号, with that number's prefix. */
function learntNext(existing: readonly string[], year: number, defaultPrefix: string): string {
  const pattern = new RegExp(`^[（(]${year}[)）](.+?)字第(\\d+)号$`);
  let prefix = defaultPrefix;
  let highest = 0;
  let width = 4;
  for (const caseNo of existing) {
    const match = pattern.exec(caseNo);
    if (!match) continue;
    const sequence = Number(match[2]);
    if (sequence >= highest) {
      highest = sequence;
      prefix = match[1]!;
      width = Math.max(4, match[2]!.length);
    }
  }
  return `(${year})${prefix}字第${String(highest + 1).padStart(width, '0')}号`;
}
