// The rows an import pass has written to one table, and where each came from (its sheet's place
// in the pass and its row), so that a key given twice in one sheet is reported as a duplicate of
// the earlier row. Kept compact for a county of millions of rows: the rows are looked up by key
// in the table itself (its unique index), and this keeps only
// - a filter of the keys written (31-bit hashes), which answers "not written yet" for a table
//   that was empty when the pass began without asking the database;
// - for the rows the pass added (consecutive ids), their sources in one growing Float64Array;
// - for stored rows the pass updated or found unchanged (and any added out of turn), in a Map.
// A hash shared by two keys costs one lookup in the table, never a wrong answer.

/** Where a written row came from: sheet × SHEET_ROWS + row (rows as Excel numbers them). */
export type RowSource = number;

/** More rows than a sheet can have (Excel's limit is 1,048,576; a CSV of a county stays far below this). */
export const SHEET_ROWS = 2 ** 32;

export const rowSource = (sheet: number, row: number): RowSource => sheet * SHEET_ROWS + row;
export const sheetOf = (source: RowSource): number => Math.floor(source / SHEET_ROWS);
export const rowOf = (source: RowSource): number => source % SHEET_ROWS;

/** FNV-1a over the key's values (whole numbers as they are), cut to a small integer (V8 keeps those unboxed in a Set). */
function keyHash(params: readonly unknown[]): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < params.length; index++) {
    const param = params[index];
    if (typeof param === 'number' && Number.isInteger(param)) hash = Math.imul(hash ^ param, 0x01000193);
    else {
      const text = param === null || param === undefined ? '\u0000' : String(param);
      for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    }
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return hash & 0x3fffffff;
}

export class WrittenRows {
  private readonly hashes = new Set<number>();
  private firstAdded = 0;
  private addedSources = new Float64Array(1024);
  private added = 0;
  private readonly storedSources = new Map<number, RowSource>();

  /** `emptyAtStart`: the table held no row when the pass began, so only the pass's own rows can hold a key. */
  constructor(private readonly emptyAtStart: boolean) {}

  /** The key last hashed, and its hash: a row's key is asked about, then written. */
  private lastParams: readonly unknown[] | null = null;
  private lastHash = 0;

  /** Whether a row with this key may be in the table (false: certainly not, no lookup needed). */
  mayHold(params: readonly unknown[]): boolean {
    return !this.emptyAtStart || this.hashes.has(this.hashOf(params));
  }

  /** Where the pass's row `id` came from; undefined when the pass has not written it. */
  sourceOf(id: number): RowSource | undefined {
    const index = id - this.firstAdded;
    if (this.added > 0 && index >= 0 && index < this.added) return this.addedSources[index];
    return this.storedSources.get(id);
  }

  /** A row the pass added, with its key (ids that do not follow the last one are kept in the Map). */
  add(params: readonly unknown[], id: number, source: RowSource): void {
    this.hashes.add(this.hashOf(params));
    if (this.added === 0) this.firstAdded = id;
    const index = id - this.firstAdded;
    if (index !== this.added) {
      this.storedSources.set(id, source);
      return;
    }
    if (index === this.addedSources.length) {
      const grown = new Float64Array(this.addedSources.length * 2);
      grown.set(this.addedSources);
      this.addedSources = grown;
    }
    this.addedSources[index] = source;
    this.added++;
  }

  /** A stored row the pass updated or found unchanged. */
  keep(params: readonly unknown[], id: number, source: RowSource): void {
    this.storedSources.set(id, source);
    this.hashes.add(this.hashOf(params));
  }

  private hashOf(params: readonly unknown[]): number {
    if (params !== this.lastParams) {
      this.lastParams = params;
      this.lastHash = keyHash(params);
    }
    return this.lastHash;
  }
}
