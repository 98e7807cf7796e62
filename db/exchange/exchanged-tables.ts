// The register tables whose records travel between sites (each has a gid column from the
// exchange migration), and the child tables whose rows travel with the record they hang on.
// Every register travels: the exchange migration gave each register table of its day a gid
// column, and a register added later gives its table one in its own migration.

import { registers } from '../registers/index.ts';

export const exchangedTables: readonly string[] = registers.map((register) => register.table);

/** Child table → the parent table and the column naming the parent row. */
export const childTables = {
  mediation_party: { parent: 'mediation_case', column: 'case_id' },
  mediation_case_mediator: { parent: 'mediation_case', column: 'case_id' },
  correction_activity_attendee: { parent: 'correction_activity', column: 'activity_id' },
} as const;
