// The register tables whose records travel between sites (each has a gid column from the
// exchange migration), and the child tables whose rows travel with the record they hang on.
// A fixed list: the migration that adds the gid columns reads it, so it never changes.

export const exchangedTables = [
  'mediation_org',
  'mediator',
  'mediation_case',
  'dispute_sweep',
  'legal_aid_case',
  'consultation',
  'duty_shift',
  'correction_stint',
  'correction_event',
  'correction_activity',
  'investigation',
  'remote_visit',
] as const;

/** Child table → the parent table and the column naming the parent row. */
export const childTables = {
  mediation_party: { parent: 'mediation_case', column: 'case_id' },
  mediation_case_mediator: { parent: 'mediation_case', column: 'case_id' },
  correction_activity_attendee: { parent: 'correction_activity', column: 'activity_id' },
} as const;
