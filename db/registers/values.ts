// Reading the values people write in ledgers and forms: dates, money, whole numbers, 是/否,
// 身份证号码, lists of names. Each reader returns the canonical value or a Chinese reason.
// Environment-neutral: no node: or DOM imports.

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

const fullWidth = /[\uFF01-\uFF5E\u3000]/;

/** Full-width digits and punctuation as people type them in Chinese input methods. */
export function toHalfWidth(text: string): string {
  if (!fullWidth.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function isIsoDate(text: string): boolean {
  return isPlainIsoDate(text) && isCalendarDate(isoYear(text), isoMonth(text), isoDay(text));
}

const isDigit = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
};

/** Exactly `dddd-dd-dd` (not yet checked to be a real day). */
function isPlainIsoDate(text: string): boolean {
  return (
    text.length === 10 &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    isDigit(text, 0) &&
    isDigit(text, 1) &&
    isDigit(text, 2) &&
    isDigit(text, 3) &&
    isDigit(text, 5) &&
    isDigit(text, 6) &&
    isDigit(text, 8) &&
    isDigit(text, 9)
  );
}

const digitAt = (text: string, index: number) => text.charCodeAt(index) - 48;
const isoYear = (text: string) => digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
const isoMonth = (text: string) => digitAt(text, 5) * 10 + digitAt(text, 6);
const isoDay = (text: string) => digitAt(text, 8) * 10 + digitAt(text, 9);

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : monthDays[month - 1]!;
  return day <= daysInMonth;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Excel's serial day number (1900 date system) → ISO date. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > 2958465) return undefined;
  // Serial 60 is Excel's fictitious 1900-02-29; days after it are one off from the calendar.
  const epochOffset = serial > 60 ? 25569 : 25568;
  const date = new Date((serial - epochOffset) * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A calendar date as 2024-01-05, 2024/1/5, 2024.1.5 or 2024年1月5日 (an Excel serial number is
 * read by the spreadsheet reader, which knows the cell's type).
 */
export function readDate(raw: string): Read<string> {
  if (isPlainIsoDate(raw)) {
    return isCalendarDate(isoYear(raw), isoMonth(raw), isoDay(raw)) ? ok(raw) : fail('不是有效日期');
  }
  const text = toHalfWidth(raw).trim();
  const match =
    /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(text) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return fail('不是有效日期');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return fail('不是有效日期');
  return ok(isoDate(year, month, day));
}

/** Yuan with up to two decimals (12,345.50 · 12345.5元 · ￥800) → integer fen, exactly. */
export function readMoneyFen(raw: string): Read<number> {
  const text = toHalfWidth(raw).trim().replace(/^[¥￥]/, '').replace(/元$/, '').replace(/,/g, '').trim();
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) {
    if (/^-/.test(text)) return fail('不能为负数');
    if (/^\d+\.\d{3,}$/.test(text)) return fail('金额最多保留两位小数');
    return fail('不是有效金额');
  }
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return fail('金额过大');
  return ok(fen);
}

/** A whole number ≥ min, written with optional thousands separators. */
export function readWholeNumber(raw: string, min: number): Read<number> {
  const text = toHalfWidth(raw).trim().replace(/,/g, '');
  if (!/^-?\d+$/.test(text)) return fail('不是整数');
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return fail('数值过大');
  if (value < min) return fail(`应不小于 ${min}`);
  return ok(value);
}

const yesSpellings = new Set(['是', 'y', 'yes', '1', '√', '✓', '✔', 'true', '有']);
const noSpellings = new Set(['否', 'n', 'no', '0', '', '×', '✗', 'false', '无']);

/** 是/否 (also Y/N, 1/0, √/empty). */
export function readYesNo(raw: string): Read<boolean> {
  const text = toHalfWidth(raw).trim().toLowerCase();
  if (yesSpellings.has(text)) return ok(true);
  if (noSpellings.has(text)) return ok(false);
  return fail('应填写「是」或「否」');
}

/** Names separated by 、 (also ，, ；, / or spaces, which ledgers mix in). */
export function splitNames(raw: string): string[] {
  return raw
    .split(/[、，,；;／/\s]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

export interface IdNumberFacts {
  readonly idNumber: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

/** 身份证号码 by GB 11643: 18 characters, a real birth date, and the checksum. */
export function readIdNumber(raw: string): Read<IdNumberFacts> {
  const idNumber = toHalfWidth(raw).trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return fail('应为18位（最后一位可为X）');
  const year = digitAt(idNumber, 6) * 1000 + digitAt(idNumber, 7) * 100 + digitAt(idNumber, 8) * 10 + digitAt(idNumber, 9);
  const month = digitAt(idNumber, 10) * 10 + digitAt(idNumber, 11);
  const day = digitAt(idNumber, 12) * 10 + digitAt(idNumber, 13);
  if (!isCalendarDate(year, month, day)) return fail('其中的出生日期无效');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digitAt(idNumber, i) * idWeights[i]!;
  const expected = idCheckChars.charAt(sum % 11);
  if (expected !== idNumber.charAt(17)) return fail(`校验位应为 ${expected}`);
  return ok({
    idNumber,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    sex: digitAt(idNumber, 16) % 2 === 1 ? 'male' : 'female',
  });
}
