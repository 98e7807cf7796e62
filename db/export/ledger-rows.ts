// A register's records as the rows of its ledger (台账): the list as the clerk narrowed it (the
// same query as the register's `list` method, every page of it, in its order), each field as
// the app shows it — labels for codes, offices and organisations by name, dates YYYY-MM-DD,
// money in 元, 是/否 — with 身份证号码 masked unless full numbers are asked for. The columns are
// the register's fields with their headers, the very headers the importer reads, so a ledger
// taken out can be taken in again. Reads only; knows no file format (ledger-workbook.ts and
// ledger-csv.ts write the files).

import { maskPersonalNumber } from '../audit/personal-numbers.ts';
import type { RegisterDatabase } from '../database.ts';
import type { FieldSpec, RegisterDefinition, RegisterRecord } from '../registers/register.ts';
import { listRecords, loadVocabulary, type ListQuery } from '../registers/store.ts';
import type { Vocabulary } from '../registers/vocabulary.ts';

/** How a column's cells are written: text as it is, dates and figures as the spreadsheet's own kinds. */
export type LedgerColumnKind = 'text' | 'date' | 'money' | 'int';

export interface LedgerColumn {
  /** The field's header (registers.md §1–3). */
  readonly header: string;
  readonly kind: LedgerColumnKind;
  /** The column holds 身份证号码. */
  readonly idNumber: boolean;
  /** The importer refuses a ledger without this column. */
  readonly required: boolean;
}

/** A cell: text; a date as `YYYY-MM-DD`; money in integer fen; a whole number; null when empty. */
export type LedgerCell = string | number | null;

/** The list's narrowing (office, period, search, filters, status, sort, deleted), without its paging. */
export type LedgerQuery = Omit<ListQuery, 'offset' | 'limit'>;

export interface LedgerRows {
  readonly columns: readonly LedgerColumn[];
  readonly rows: readonly (readonly LedgerCell[])[];
  /** How many 身份证号码 the rows carry in full (0 when masked). */
  readonly fullIdNumbers: number;
}

const columnKinds: Partial<Record<FieldSpec['kind'], LedgerColumnKind>> = { date: 'date', money: 'money', int: 'int' };

const isIdNumberField = (field: FieldSpec) => field.kind === 'idNumber' || field.ledger?.idNumber === true;

export function ledgerColumns(register: RegisterDefinition): LedgerColumn[] {
  return register.fields.map((field) => ({
    header: field.header,
    kind: columnKinds[field.kind] ?? 'text',
    idNumber: isIdNumberField(field),
    required: field.requiredColumn,
  }));
}

/** The alias a custom field's ledger text is selected under. */
const ledgerAlias = (field: FieldSpec) => `ledger_${field.name}`;

/** Every row of the list `query` gives, as ledger cells. */
export function ledgerRows(
  db: RegisterDatabase,
  register: RegisterDefinition,
  query: LedgerQuery,
  options: { readonly fullIdNumbers: boolean },
): LedgerRows {
  const custom = register.fields.filter((field) => field.kind === 'custom');
  const missing = custom.find((field) => !field.ledger);
  if (missing) throw new Error(`${register.title}的「${missing.header}」没有台账写法`);
  const extraColumns = custom.map((field) => `${field.ledger!.sql} AS ${ledgerAlias(field)}`).join(', ');
  const { rows: records } = listRecords(db, register, { ...query, offset: 0, limit: 2 ** 31 - 1 }, extraColumns || undefined);
  const vocabulary = loadVocabulary(db);
  const officeNames = new Map(
    (db.prepare('SELECT id, name FROM office').all() as { id: number; name: string }[]).map((office) => [office.id, office.name]),
  );
  let fullIdNumbers = 0;
  const idNumber = (value: unknown): LedgerCell => {
    if (typeof value !== 'string' || value === '') return null;
    if (!options.fullIdNumbers) return maskPersonalNumber(value);
    fullIdNumbers++;
    return value;
  };
  const cellsOf = register.fields.map((field) => cellReader(field, vocabulary, officeNames, idNumber));
  const rows = records.map((record) => cellsOf.map((cellOf) => cellOf(record)));
  return { columns: ledgerColumns(register), rows, fullIdNumbers };
}

const textOrNull = (value: unknown): LedgerCell => (value === null || value === undefined || value === '' ? null : String(value));

function cellReader(
  field: FieldSpec,
  vocabulary: Vocabulary,
  officeNames: ReadonlyMap<number, string>,
  idNumber: (value: unknown) => LedgerCell,
): (record: RegisterRecord) => LedgerCell {
  const { name } = field;
  switch (field.kind) {
    case 'date':
    case 'text':
      return (record) => textOrNull(record[name]);
    case 'money':
    case 'int':
      return (record) => (typeof record[name] === 'number' ? record[name] : null);
    case 'yesNo':
      return (record) => (record[name] === 1 || record[name] === true ? '是' : '否');
    case 'code':
      return (record) => {
        const code = record[name];
        return typeof code === 'string' && code !== '' ? (vocabulary.labelOf(field.list!, code) ?? code) : null;
      };
    case 'codeSet':
      return (record) => {
        const codes = (field.stored ? field.stored.decode(record[name] ?? '') : (record[name] ?? [])) as string[];
        return textOrNull(codes.map((code) => vocabulary.labelOf(field.list!, code) ?? code).join('、'));
      };
    case 'idNumber':
      return (record) => idNumber(record[name]);
    case 'office':
      return (record) => textOrNull(officeNames.get(record[name] as number));
    case 'custom':
      return field.ledger!.idNumber ? (record) => idNumber(record[ledgerAlias(field)]) : (record) => textOrNull(record[ledgerAlias(field)]);
  }
}
