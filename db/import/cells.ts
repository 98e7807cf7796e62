// Reading one ledger cell into the value of a register field, by the field's kind: dates in
// every spelling and as real Excel dates, money to fen (in 万 too), 是/否, list values to codes
// (through the context, which knows the words ledgers use and the user's mapping).
// Returns the value or the reason it cannot be read; never writes anything. A cell longer than
// CELL_TEXT_LIMIT, or one the file holds no value for (a formula without its result), is a
// reason too, whatever the field.

import type { RegisterDatabase } from '../database.ts';
import type { FieldSpec, ImportMemo, RegisterRecord } from '../registers/register.ts';
import { excelSerialToIso, isoDate, readIdNumber, readWholeNumber, readYesNo, splitNames, type Read } from '../registers/values.ts';
import { UnreadableCell, type RawCell } from './read-ledger.ts';
import { readAmountFen, readLedgerDate } from './value-words.ts';

/** The longest cell read, in characters: no field holds more than a few hundred. */
export const CELL_TEXT_LIMIT = 10_000;

/** How a cell is quoted in a message: dates as the user sees them, text trimmed. */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).trim();
}

export interface CellContext {
  readonly db: RegisterDatabase;
  /** A list field's value → its code (the sheet's words, conversions and mapping are the caller's). */
  readonly readList: (field: FieldSpec, text: string) => Read<string>;
  /** Whether the sheet gives this money field in 万元. */
  readonly inTenThousands: (field: FieldSpec) => boolean;
  /** The fields read so far from this row. */
  readonly record: RegisterRecord;
  /** Office name → id; creates the office when it has not been seen. */
  readonly officeId: (name: string) => number;
  readonly memo: ImportMemo;
}

/**
 * Reads a non-empty cell; empty cells are null and left to the schema's required rules.
 * `text` is the cell's `cellText`, when the caller has it already.
 */
export function readCell(field: FieldSpec, cell: RawCell, context: CellContext, text = cellText(cell)): Read<unknown> {
  if (cell instanceof UnreadableCell) return { ok: false, reason: cell.reason };
  if (text.length > CELL_TEXT_LIMIT) {
    return { ok: false, reason: `内容过长（${text.length}字，一个单元格不能超过${CELL_TEXT_LIMIT}字）` };
  }
  switch (field.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'date':
      if (cell instanceof Date) return { ok: true, value: cellText(cell) };
      if (typeof cell === 'number') {
        const date = excelSerialToIso(cell);
        return date ? { ok: true, value: date } : { ok: false, reason: '不是有效日期' };
      }
      return readLedgerDate(text);
    case 'money':
      return readAmountFen(typeof cell === 'number' ? String(cell) : text, context.inTenThousands(field));
    case 'int':
      return readWholeNumber(text, field.min ?? 0);
    case 'yesNo':
      return typeof cell === 'boolean' ? { ok: true, value: cell } : readYesNo(text);
    case 'code':
      return context.readList(field, text);
    case 'codeSet': {
      const codes: string[] = [];
      for (const label of splitNames(text)) {
        const read = context.readList(field, label);
        if (!read.ok) return read;
        codes.push(read.value);
      }
      return { ok: true, value: codes };
    }
    case 'idNumber': {
      const read = readIdNumber(text);
      return read.ok ? { ok: true, value: read.value.idNumber } : read;
    }
    case 'office':
      return { ok: true, value: context.officeId(text) };
    case 'custom':
      return field.read!(text, context.record, context.db, context.memo);
  }
}
