// Shapes of API values the renderer uses that no db/ module exports as a type.

import type { OfficeKind } from '../../db/settings/office-kinds.ts';

/** An office as office.list gives it. */
export interface Office {
  readonly id: number;
  readonly name: string;
  /** 单位类别 (db/settings/office-kinds.ts): what rules needing a 司法所 read. */
  readonly kind: OfficeKind;
  /** "城西司法所 · 数据截至 2025-01-05 16:20" where this office's records are read-only here (a joined office's, at the bureau). */
  readonly readOnlyMark: string | null;
}
