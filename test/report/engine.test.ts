// The report engine on a small county built by hand, row by row, with every figure worked out
// by hand from indicators.md (the reasoning is in the comments beside the rows and figures).
// Boundaries: records on `from` and on `to`, exits on either day, a 再犯罪 on the exit day,
// ages turning 18 and 60 on 受理日期, a girl who is a minor (not 妇女), soft-deleted rows,
// office scope, the correction identity, drill-downs and 同比.

import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { drillDown, explainReport, previousYear, runReport } from '../../db/report/engine.ts';
import { indicatorDefinitions } from '../../db/report/indicators.ts';
import { fenToWan } from '../../db/report/rounding.ts';

const from = '2024-01-01';
const to = '2024-12-31';
const deleted = '2024-12-01T00:00:00.000Z';

const A = 1; // 城西司法所
const B = 2; // 城南司法所
const C = 3; // 法律援助中心

type Row = Record<string, string | number | null>;

function insert(db: RegisterDatabase, table: string, rows: readonly Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

function handBuiltCounty(): RegisterDatabase {
  const db = openDatabase(':memory:', { create: true });
  insert(db, 'list_item', [{ list: 'disputeType', code: 'custom_1', label: '村务管理', sort: 18, configurable: 1 }]);
  insert(db, 'office', [
    { id: A, name: '城西司法所' },
    { id: B, name: '城南司法所' },
    { id: C, name: '法律援助中心' },
  ]);

  // 调解组织 active at `to`: founded ≤ to and not dissolved ≤ to → 1, 2, 6.
  insert(db, 'mediation_org', [
    { id: 1, name: '一村调委会', kind: 'village', office_id: A, founded_on: '2020-01-01', dissolved_on: null, deleted_at: null },
    { id: 2, name: '城南街道调委会', kind: 'township', office_id: B, founded_on: to, dissolved_on: null, deleted_at: null },
    { id: 3, name: '医疗调委会', kind: 'professional', office_id: A, founded_on: '2019-05-01', dissolved_on: to, deleted_at: null },
    { id: 4, name: '法院调解室', kind: 'stationed', office_id: B, founded_on: '2025-01-01', dissolved_on: null, deleted_at: null },
    { id: 5, name: '老王工作室', kind: 'personal', office_id: A, founded_on: '2018-01-01', dissolved_on: null, deleted_at: deleted },
    { id: 6, name: '派出所调解室', kind: 'stationed', office_id: B, founded_on: '2020-01-01', dissolved_on: '2025-01-01', deleted_at: null },
  ]);
  // 调解员 active at `to` → 1, 2, 5 (5's organisation is deleted, the mediator is not); 3 dismissed on `to`, 4 deleted.
  insert(db, 'mediator', [
    { id: 1, name: '甲', org_id: 1, employment: 'fulltime', background: 'retired_judge', appointed_on: '2020-01-01', dismissed_on: null, deleted_at: null },
    { id: 2, name: '乙', org_id: 1, employment: 'parttime', background: 'lawyer', appointed_on: to, dismissed_on: null, deleted_at: null },
    { id: 3, name: '丙', org_id: 2, employment: 'fulltime', background: 'other', appointed_on: '2023-01-01', dismissed_on: to, deleted_at: null },
    { id: 4, name: '丁', org_id: 3, employment: 'parttime', background: 'retired_judge', appointed_on: '2020-01-01', dismissed_on: null, deleted_at: deleted },
    { id: 5, name: '戊', org_id: 5, employment: 'fulltime', background: 'retired_judge', appointed_on: '2019-01-01', dismissed_on: null, deleted_at: null },
  ]);
  // Cases received in P (not deleted): 1 (on from), 2 (on to), 3, 6, 8.
  const mediationCase = (row: Row): Row => ({
    amount_fen: 0,
    difficulty: 'ordinary',
    closed_on: null,
    agreement_form: null,
    performance: null,
    failure_route: null,
    prevented_criminal: 0,
    prevented_petition: 0,
    deleted_at: null,
    ...row,
  });
  insert(db, 'mediation_case', [
    mediationCase({ id: 1, case_no: 'M1', org_id: 1, received_on: from, source: 'apply', dispute_type: 'marriage_family', amount_fen: 4_000_000_000, difficulty: 'major', result: 'succeeded', closed_on: '2024-02-01', agreement_form: 'written', performance: 'judicial_confirmation', prevented_criminal: 1 }),
    mediationCase({ id: 2, case_no: 'M2', org_id: 6, received_on: to, source: 'court', dispute_type: 'neighbour', amount_fen: 323_075_000, difficulty: 'difficult', result: 'failed', closed_on: to, failure_route: 'litigation', prevented_petition: 1 }),
    mediationCase({ id: 3, case_no: 'M3', org_id: 1, received_on: '2024-06-15', source: 'police', dispute_type: 'neighbour', result: 'pending' }),
    mediationCase({ id: 4, case_no: 'M4', org_id: 1, received_on: '2023-12-31', source: 'apply', dispute_type: 'marriage_family', amount_fen: 100_000, result: 'succeeded', closed_on: '2024-01-05', agreement_form: 'oral' }),
    mediationCase({ id: 5, case_no: 'M5', org_id: 1, received_on: '2025-01-01', source: 'apply', dispute_type: 'other', result: 'succeeded', closed_on: '2025-01-02', agreement_form: 'written' }),
    mediationCase({ id: 6, case_no: 'M6', org_id: 5, received_on: '2024-03-01', source: 'initiative', dispute_type: 'custom_1', difficulty: 'simple', result: 'succeeded', closed_on: '2024-03-02', agreement_form: 'oral' }),
    mediationCase({ id: 7, case_no: 'M7', org_id: 1, received_on: '2024-05-05', source: 'apply', dispute_type: 'other', result: 'succeeded', closed_on: '2024-05-06', agreement_form: 'written', deleted_at: deleted }),
    mediationCase({ id: 8, case_no: 'M8', org_id: 2, received_on: '2024-07-01', source: 'petition', dispute_type: 'other', difficulty: 'major', result: 'succeeded', closed_on: '2024-07-02', agreement_form: 'written', performance: 'performed' }),
  ]);
  // By a retired judge: case 1 (mediator 1) and case 6 (mediator 5); case 2's retired judge (4) is deleted.
  insert(db, 'mediation_case_mediator', [
    { case_id: 1, mediator_id: 1 },
    { case_id: 2, mediator_id: 4 },
    { case_id: 3, mediator_id: 2 },
    { case_id: 4, mediator_id: 1 },
    { case_id: 5, mediator_id: 1 },
    { case_id: 6, mediator_id: 5 },
    { case_id: 7, mediator_id: 1 },
    { case_id: 8, mediator_id: 3 },
  ]);
  insert(db, 'dispute_sweep', [
    { id: 1, swept_on: from, office_id: A, sweeps: 3, disputes_found: 1, deleted_at: null },
    { id: 2, swept_on: to, office_id: B, sweeps: 5, disputes_found: 2, deleted_at: null },
    { id: 3, swept_on: '2023-12-31', office_id: A, sweeps: 7, disputes_found: 4, deleted_at: null },
    { id: 4, swept_on: '2024-05-01', office_id: A, sweeps: 10, disputes_found: 0, deleted_at: deleted },
  ]);

  const legalAidCase = (row: Row): Row => ({
    office_id: C,
    review_result: 'granted',
    promise: 0,
    recipient_name: '受援人',
    special_groups: '',
    handler_type: 'lawyer',
    closed_on: null,
    closing_method: null,
    recovered_fen: 0,
    deleted_at: null,
    ...row,
  });
  insert(db, 'legal_aid_case', [
    // Turns 18 on 受理日期: an adult, a 妇女.
    legalAidCase({ id: 1, case_no: 'L1', received_on: '2024-03-01', source: 'application', category: 'civil', promise: 1, recipient_sex: 'female', recipient_birth_date: '2006-03-01', special_groups: ',disabled,migrant_worker,', closed_on: '2024-06-30', closing_method: 'judgment', recovered_fen: 1_000_000 }),
    // Turns 18 the day after: a minor.
    legalAidCase({ id: 2, case_no: 'L2', received_on: '2024-03-01', source: 'notified_defence', category: 'criminal', recipient_sex: 'male', recipient_birth_date: '2006-03-02', handler_type: 'staff' }),
    // Received on `to`, turns 60 that day: elderly.
    legalAidCase({ id: 3, case_no: 'L3', received_on: to, source: 'notified_agency', category: 'criminal', recipient_sex: 'male', recipient_birth_date: '1964-12-31', special_groups: ',minority,', handler_type: 'grassroots' }),
    // A girl of 14: a minor, not a 妇女; closed on `to`.
    legalAidCase({ id: 4, case_no: 'L4', received_on: '2024-05-01', source: 'application', category: 'administrative', recipient_sex: 'female', recipient_birth_date: '2010-01-01', handler_type: 'volunteer', closed_on: to, closing_method: 'ruling', recovered_fen: 4_995 }),
    legalAidCase({ id: 5, case_no: 'L5', received_on: '2024-06-01', source: 'application', category: 'civil', review_result: 'rejected', recipient_sex: 'female', recipient_birth_date: '1980-01-01', handler_type: null }),
    // Received last year, closed on `from`.
    legalAidCase({ id: 6, case_no: 'L6', received_on: '2023-11-01', source: 'application', category: 'state_compensation', recipient_sex: 'male', recipient_birth_date: '1970-01-01', handler_type: 'social_org', closed_on: from, closing_method: 'settlement', recovered_fen: 5 }),
    legalAidCase({ id: 7, case_no: 'L7', received_on: '2023-06-01', source: 'application', category: 'non_litigation', recipient_sex: 'male', recipient_birth_date: '1950-06-01', closed_on: '2023-12-31', closing_method: 'non_litigation' }),
    legalAidCase({ id: 8, case_no: 'L8', received_on: '2024-02-01', source: 'application', category: 'civil', recipient_sex: 'female', recipient_birth_date: '1990-01-01', deleted_at: deleted }),
    // Office A; 59 on 受理日期; closed after `to`: open at the end.
    legalAidCase({ id: 9, case_no: 'L9', office_id: A, received_on: '2024-08-08', source: 'application', category: 'civil', recipient_sex: 'male', recipient_birth_date: '1965-01-01', special_groups: ',military,new_employment,', closed_on: '2025-01-15', closing_method: 'mediation', recovered_fen: 99_999_999 }),
    legalAidCase({ id: 10, case_no: 'L10', received_on: '2022-01-01', source: 'application', category: 'civil', recipient_sex: 'male', recipient_birth_date: '1980-01-01' }),
    legalAidCase({ id: 11, case_no: 'L11', received_on: '2024-04-01', source: 'application', category: 'civil', review_result: 'rejected', recipient_sex: 'male', recipient_birth_date: '1985-01-01', handler_type: null }),
    legalAidCase({ id: 12, case_no: 'L12', received_on: '2024-10-10', source: 'notified_defence', category: 'criminal', recipient_sex: 'male', recipient_birth_date: '2000-05-05', closed_on: '2024-11-11' }),
  ]);
  insert(db, 'consultation', [
    { consulted_on: from, office_id: C, channel: 'visit', visitors: 3, deleted_at: null },
    { consulted_on: to, office_id: C, channel: 'phone', visitors: 2, deleted_at: null },
    { consulted_on: '2024-06-01', office_id: A, channel: 'online', visitors: 1, deleted_at: null },
    { consulted_on: '2023-12-31', office_id: C, channel: 'visit', visitors: 10, deleted_at: null },
    { consulted_on: '2024-02-02', office_id: C, channel: 'letter', visitors: 4, deleted_at: deleted },
  ]);
  insert(db, 'duty_shift', [
    { duty_on: '2024-03-03', office_id: C, place: 'detention_centre', lawyer: '张律师', help_count: 5, plea_witness_count: 2 },
    { duty_on: '2024-03-03', office_id: C, place: 'court', lawyer: '李律师', help_count: 0, plea_witness_count: 0 },
    { duty_on: '2025-01-01', office_id: C, place: 'court', lawyer: '李律师', help_count: 9, plea_witness_count: 9 },
  ]);

  const stint = (row: Row): Row => ({ term_start: row.entered_on!, term_end: '2026-12-31', exited_on: null, exit_type: null, deleted_at: null, ...row });
  insert(db, 'correction_stint', [
    stint({ id: 1, name: '赵一', id_number: 'P1', office_id: A, category: 'probation', entered_on: '2023-05-01', exited_on: from, exit_type: 'expired' }),
    stint({ id: 2, name: '钱二', id_number: 'P2', office_id: A, category: 'parole', entered_on: '2023-01-01', exited_on: to, exit_type: 'pardoned' }),
    stint({ id: 3, name: '孙三', id_number: 'P3', office_id: B, category: 'control', entered_on: to }),
    stint({ id: 4, name: '李四', id_number: 'P4', office_id: B, category: 'probation', entered_on: '2024-03-01', exited_on: '2024-09-09', exit_type: 'revoke_probation' }),
    stint({ id: 5, name: '周五', id_number: 'P5', office_id: A, category: 'medical_parole', entered_on: '2022-01-01' }),
    stint({ id: 6, name: '吴六', id_number: 'P6', office_id: A, category: 'probation', entered_on: '2023-01-01', exited_on: '2023-12-31', exit_type: 'expired' }),
    stint({ id: 7, name: '郑七', id_number: 'P7', office_id: B, category: 'parole', entered_on: '2024-02-02', exited_on: '2024-10-10', exit_type: 'transferred_out' }),
    stint({ id: 8, name: '王八', id_number: 'P8', office_id: A, category: 'probation', entered_on: '2023-03-03', exited_on: '2024-05-05', exit_type: 'death' }),
    stint({ id: 9, name: '冯九', id_number: 'P9', office_id: A, category: 'probation', entered_on: '2024-04-04', deleted_at: deleted }),
    stint({ id: 10, name: '陈十', id_number: 'P10', office_id: B, category: 'probation', entered_on: '2025-01-01' }),
    // 赵一 again: a second stint of the same person.
    stint({ id: 12, name: '赵一', id_number: 'P1', office_id: A, category: 'probation', entered_on: '2024-06-01' }),
  ]);
  insert(db, 'correction_event', [
    { stint_id: 1, event_on: from, event_type: 'reoffended', deleted_at: null }, // on the exit day
    { stint_id: 12, event_on: '2024-08-01', event_type: 'reoffended', deleted_at: null }, // same person, other stint
    { stint_id: 4, event_on: '2024-09-09', event_type: 'reoffended', deleted_at: null }, // on the exit day
    { stint_id: 5, event_on: '2024-02-01', event_type: 'absconded', deleted_at: null },
    { stint_id: 5, event_on: '2024-03-01', event_type: 'absconded', deleted_at: null }, // same person twice
    { stint_id: 5, event_on: '2024-01-15', event_type: 'e_monitoring', deleted_at: null },
    { stint_id: 12, event_on: '2024-07-01', event_type: 'e_monitoring', deleted_at: null },
    { stint_id: 5, event_on: '2024-04-01', event_type: 'praise', deleted_at: null },
    { stint_id: 12, event_on: '2024-09-01', event_type: 'praise', deleted_at: null },
    { stint_id: 2, event_on: '2024-05-05', event_type: 'admonition', deleted_at: null },
    { stint_id: 2, event_on: '2024-06-06', event_type: 'warning', deleted_at: null },
    { stint_id: 8, event_on: '2024-02-02', event_type: 'penalty_request', deleted_at: null },
    { stint_id: 4, event_on: '2024-05-01', event_type: 'revoke_probation_request', deleted_at: null },
    { stint_id: 2, event_on: '2024-07-07', event_type: 'revoke_parole_request', deleted_at: null },
    { stint_id: 8, event_on: '2024-03-03', event_type: 'imprisonment_request', deleted_at: null },
    { stint_id: 5, event_on: to, event_type: 'individual_education', deleted_at: null },
    { stint_id: 3, event_on: to, event_type: 'individual_education', deleted_at: null }, // entered on `to`
    { stint_id: 5, event_on: '2023-12-31', event_type: 'individual_education', deleted_at: null },
    { stint_id: 12, event_on: '2025-01-01', event_type: 'individual_education', deleted_at: null },
    { stint_id: 5, event_on: '2024-10-10', event_type: 'counselling', deleted_at: null },
    { stint_id: 9, event_on: '2024-05-05', event_type: 'missed', deleted_at: null }, // of a deleted stint
    { stint_id: 5, event_on: '2024-11-11', event_type: 'missed', deleted_at: deleted },
    { stint_id: 5, event_on: '2024-06-06', event_type: 'leave', deleted_at: null },
  ]);
  insert(db, 'correction_activity', [
    { held_on: from, office_id: A, activity_type: 'group_education', topic: 'T1', attendance: 10 },
    { held_on: to, office_id: B, activity_type: 'group_education', topic: 'T2', attendance: 5 },
    { held_on: '2024-06-01', office_id: A, activity_type: 'community_service', topic: 'T3', attendance: 7 },
    { held_on: '2024-06-02', office_id: A, activity_type: 'training', topic: 'T4', attendance: 3 },
    { held_on: '2024-06-03', office_id: A, activity_type: 'group_counselling', topic: 'T5', attendance: 9 },
    { held_on: '2023-12-31', office_id: A, activity_type: 'training', topic: 'T6', attendance: 4 },
  ]);
  insert(db, 'investigation', [
    { commission_no: 'I1', office_id: A, commissioned_on: from, commissioning_authority: 'court', subject_name: '甲', opinion: 'suitable', completed_on: '2024-01-10', deleted_at: null },
    { commission_no: 'I2', office_id: B, commissioned_on: to, commissioning_authority: 'procuratorate', subject_name: '乙', opinion: 'unsuitable', completed_on: to, deleted_at: null },
    { commission_no: 'I3', office_id: A, commissioned_on: '2024-06-01', commissioning_authority: 'court', subject_name: '丙', opinion: null, completed_on: null, deleted_at: null },
    { commission_no: 'I4', office_id: A, commissioned_on: '2023-12-31', commissioning_authority: 'court', subject_name: '丁', opinion: 'suitable', completed_on: '2024-01-05', deleted_at: null },
    { commission_no: 'I5', office_id: A, commissioned_on: '2024-07-07', commissioning_authority: 'court', subject_name: '戊', opinion: 'suitable', completed_on: '2024-07-08', deleted_at: deleted },
  ]);
  insert(db, 'remote_visit', [
    { visited_on: from, office_id: A, visits: 2 },
    { visited_on: to, office_id: B, visits: 3 },
    { visited_on: '2023-06-06', office_id: A, visits: 1 },
  ]);
  return db;
}

/** Every id of indicators.md, written out from the spec's lists (plus the configured custom_1). */
function specIds(): string[] {
  const kinds = ['village', 'township', 'enterprise', 'professional', 'stationed', 'personal', 'other'];
  const disputeTypes = [
    'marriage_family', 'neighbour', 'housing_land', 'contract', 'business', 'damages', 'forest_land', 'expropriation',
    'pollution', 'migrant_wages', 'labour_other', 'tourism', 'ecommerce', 'consumer_other', 'medical', 'traffic',
    'property_mgmt', 'other', 'custom_1',
  ];
  const categories = ['criminal', 'civil', 'administrative', 'state_compensation', 'non_litigation'];
  return [
    'mediation.orgs', ...kinds.map((k) => `mediation.orgs.${k}`),
    'mediation.mediators', 'mediation.mediators.fulltime', 'mediation.mediators.retired_judge',
    'mediation.cases.received', 'mediation.cases.succeeded', 'mediation.cases.failed', 'mediation.cases.pending',
    'mediation.cases.success_rate', 'mediation.cases.amount_wan', 'mediation.cases.written', 'mediation.cases.oral',
    'mediation.cases.judicial_confirmation', 'mediation.cases.referred_litigation', 'mediation.cases.major_difficult',
    'mediation.cases.major_difficult_succeeded', 'mediation.cases.by_retired_judge',
    ...disputeTypes.map((t) => `mediation.cases.type.${t}`),
    ...kinds.flatMap((k) => [`mediation.cases.org_kind.${k}`, `mediation.cases.org_kind.${k}.succeeded`]),
    ...['apply', 'initiative', 'court', 'police', 'petition', 'other_dept'].map((s) => `mediation.cases.source.${s}`),
    ...['criminal', 'petition', 'fight', 'suicide'].map((p) => `mediation.prevented.${p}`),
    'mediation.sweeps', 'mediation.sweeps.found',
    'legal_aid.cases.received', 'legal_aid.cases.application', 'legal_aid.cases.notified',
    ...categories.map((c) => `legal_aid.cases.${c}`),
    'legal_aid.cases.promise', 'legal_aid.applications.rejected', 'legal_aid.applications.grant_rate',
    'legal_aid.cases.closed', ...categories.map((c) => `legal_aid.cases.closed.${c}`), 'legal_aid.cases.open_end',
    ...['minor', 'elderly', 'women', 'disabled', 'migrant_worker', 'military', 'new_employment', 'minority'].map(
      (g) => `legal_aid.recipients.${g}`,
    ),
    ...['lawyer', 'staff', 'grassroots', 'social_org', 'volunteer'].map((h) => `legal_aid.cases.handler.${h}`),
    'legal_aid.recovered_wan',
    'legal_aid.consultations', ...['visit', 'phone', 'letter', 'online'].map((c) => `legal_aid.consultations.${c}`),
    'legal_aid.duty.shifts', 'legal_aid.duty.help', 'legal_aid.duty.plea_witness',
    'correction.received', 'correction.released', 'correction.terminated',
    ...['revoke_probation', 'revoke_parole', 'imprisoned', 'death'].map((t) => `correction.terminated.${t}`),
    'correction.transferred_out', 'correction.active_start', 'correction.managed', 'correction.active_end',
    ...['control', 'probation', 'parole', 'medical_parole'].map((c) => `correction.active_end.${c}`),
    'correction.reoffended', 'correction.reoffense_rate', 'correction.absconded', 'correction.missed',
    'correction.praise', 'correction.admonition', 'correction.warning', 'correction.penalty_request',
    'correction.revocation_request', 'correction.e_monitoring', 'correction.individual_education',
    'correction.counselling',
    ...['group_education', 'community_service', 'training'].flatMap((a) => [`correction.${a}.sessions`, `correction.${a}.attendance`]),
    'correction.investigations', 'correction.investigations.suitable', 'correction.investigations.unsuitable',
    'correction.remote_meetings',
    'legal_adviser.advisers', 'legal_adviser.villages', 'legal_adviser.services',
    ...['visit', 'consultation', 'lecture', 'mediation', 'litigation', 'legal_aid', 'opinion', 'contract', 'village_rules', 'drafting', 'group_incident', 'other'].map(
      (t) => `legal_adviser.services.${t}`,
    ),
    'publicity.sessions', 'publicity.audience',
    ...['lecture', 'on_site', 'case_explain', 'live', 'new_media', 'arts', 'other'].map((f) => `publicity.sessions.${f}`),
    'publicity.audience.lecture',
    'resettlement.received', 'resettlement.received.prison', 'resettlement.received.correction', 'resettlement.handover',
    'resettlement.settled', 'resettlement.settle_rate', 'resettlement.helped', 'resettlement.help_rate', 'resettlement.managed',
    'resettlement.active_end', 'resettlement.reoffended', 'resettlement.reoffense_rate',
  ];
}

/** The figures of 2024 for the whole bureau, worked out by hand; every id not listed is 0. */
const bureau2024: Record<string, number | null> = {
  'mediation.orgs': 3, // orgs 1, 2 (founded on to), 6 (dissolved after to)
  'mediation.orgs.village': 1,
  'mediation.orgs.township': 1,
  'mediation.orgs.stationed': 1,
  'mediation.mediators': 3, // 1, 2 (appointed on to), 5
  'mediation.mediators.fulltime': 2, // 1, 5
  'mediation.mediators.retired_judge': 2, // 1, 5
  'mediation.cases.received': 5, // 1, 2, 3, 6, 8
  'mediation.cases.succeeded': 3, // 1, 6, 8
  'mediation.cases.failed': 1, // 2
  'mediation.cases.pending': 1, // 3
  'mediation.cases.success_rate': 60, // 3 / 5
  'mediation.cases.amount_wan': 4323.08, // 4,000,000,000 + 323,075,000 fen = 4323.075 万元
  'mediation.cases.written': 2, // 1, 8
  'mediation.cases.oral': 1, // 6
  'mediation.cases.judicial_confirmation': 1, // 1
  'mediation.cases.referred_litigation': 1, // 2
  'mediation.cases.major_difficult': 3, // 1 major, 2 difficult, 8 major
  'mediation.cases.major_difficult_succeeded': 2, // 1, 8
  'mediation.cases.by_retired_judge': 2, // 1, 6
  'mediation.cases.type.marriage_family': 1,
  'mediation.cases.type.neighbour': 2,
  'mediation.cases.type.other': 1,
  'mediation.cases.type.custom_1': 1,
  'mediation.cases.org_kind.village': 2, // 1, 3
  'mediation.cases.org_kind.village.succeeded': 1,
  'mediation.cases.org_kind.township': 1, // 8
  'mediation.cases.org_kind.township.succeeded': 1,
  'mediation.cases.org_kind.stationed': 1, // 2
  'mediation.cases.org_kind.personal': 1, // 6, of a deleted organisation
  'mediation.cases.org_kind.personal.succeeded': 1,
  'mediation.cases.source.apply': 1,
  'mediation.cases.source.initiative': 1,
  'mediation.cases.source.court': 1,
  'mediation.cases.source.police': 1,
  'mediation.cases.source.petition': 1,
  'mediation.prevented.criminal': 1,
  'mediation.prevented.petition': 1,
  'mediation.sweeps': 8, // 3 + 5
  'mediation.sweeps.found': 3, // 1 + 2
  'legal_aid.cases.received': 6, // 1, 2, 3, 4, 9, 12
  'legal_aid.cases.application': 3, // 1, 4, 9
  'legal_aid.cases.notified': 3, // 2, 3, 12
  'legal_aid.cases.criminal': 3,
  'legal_aid.cases.civil': 2,
  'legal_aid.cases.administrative': 1,
  'legal_aid.cases.promise': 1,
  'legal_aid.applications.rejected': 2, // 5, 11
  'legal_aid.applications.grant_rate': 60, // 3 / (3 + 2)
  'legal_aid.cases.closed': 4, // 1, 4 (on to), 6 (on from), 12
  'legal_aid.cases.closed.criminal': 1,
  'legal_aid.cases.closed.civil': 1,
  'legal_aid.cases.closed.administrative': 1,
  'legal_aid.cases.closed.state_compensation': 1,
  'legal_aid.cases.open_end': 4, // 2, 3, 9 (closed after to), 10
  'legal_aid.recipients.minor': 2, // 2 (17), 4 (14)
  'legal_aid.recipients.elderly': 1, // 3 (60 that day)
  'legal_aid.recipients.women': 1, // 1 (18 that day); 4 is a girl
  'legal_aid.recipients.disabled': 1,
  'legal_aid.recipients.migrant_worker': 1,
  'legal_aid.recipients.military': 1,
  'legal_aid.recipients.new_employment': 1,
  'legal_aid.recipients.minority': 1,
  'legal_aid.cases.handler.lawyer': 3, // 1, 9, 12
  'legal_aid.cases.handler.staff': 1,
  'legal_aid.cases.handler.grassroots': 1,
  'legal_aid.cases.handler.volunteer': 1,
  'legal_aid.recovered_wan': 1.01, // 1,000,000 + 4,995 + 5 + 0 fen = 1.005 万元
  'legal_aid.consultations': 6,
  'legal_aid.consultations.visit': 3,
  'legal_aid.consultations.phone': 2,
  'legal_aid.consultations.online': 1,
  'legal_aid.duty.shifts': 2,
  'legal_aid.duty.help': 5,
  'legal_aid.duty.plea_witness': 2,
  'correction.received': 4, // 3 (on to), 4, 7, 12
  'correction.released': 2, // 1 (on from), 2 (on to)
  'correction.terminated': 2, // 4, 8
  'correction.terminated.revoke_probation': 1,
  'correction.terminated.death': 1,
  'correction.transferred_out': 1, // 7
  'correction.active_start': 4, // 1, 2, 5, 8
  'correction.managed': 8, // 1, 2, 3, 4, 5, 7, 8, 12
  'correction.active_end': 3, // 3, 5, 12
  'correction.active_end.control': 1,
  'correction.active_end.probation': 1,
  'correction.active_end.medical_parole': 1,
  'correction.reoffended': 2, // P1 (twice), P4
  'correction.reoffense_rate': 25, // 2 / 8
  'correction.absconded': 1, // P5 (twice)
  'correction.praise': 2,
  'correction.admonition': 1,
  'correction.warning': 1,
  'correction.penalty_request': 1,
  'correction.revocation_request': 3,
  'correction.e_monitoring': 2, // P5, P1
  'correction.individual_education': 2, // both on to
  'correction.counselling': 1,
  'correction.group_education.sessions': 2,
  'correction.group_education.attendance': 15,
  'correction.community_service.sessions': 1,
  'correction.community_service.attendance': 7,
  'correction.training.sessions': 1,
  'correction.training.attendance': 3,
  'correction.investigations': 3, // I1, I2, I3
  'correction.investigations.suitable': 1,
  'correction.investigations.unsuitable': 1,
  'correction.remote_meetings': 5,
  // No 安置帮教 records here (test/report/office-ledgers.test.ts has them): the rates' denominators are 0.
  'resettlement.settle_rate': null,
  'resettlement.help_rate': null,
  'resettlement.reoffense_rate': null,
};

let db: RegisterDatabase;
beforeAll(() => {
  db = handBuiltCounty();
});

const drillIds = (id: string, officeId: number | null = null) =>
  drillDown(db, { id, from, to, officeId, limit: 1000 })
    .rows.map((row) => row.id)
    .sort((x, y) => x - y);

describe('runReport on the hand-built county, 2024, whole bureau', () => {
  it('gives every id of the spec, each figure as worked out by hand', () => {
    const report = runReport(db, { from, to });
    const expected = Object.fromEntries(specIds().map((id) => [id, id in bureau2024 ? bureau2024[id] : 0]));
    expect(report.indicators).toEqual(expected);
    expect(Object.keys(report.indicators)).toHaveLength(specIds().length);
    expect(report).toMatchObject({ from, to, office: null });
    expect(new Date(report.generatedAt).toISOString()).toBe(report.generatedAt);
  });

  it('holds the correction identity: 8 = 4 + 4 = 3 + 2 + 2 + 1', () => {
    expect(runReport(db, { from, to }).checks.correctionIdentity).toEqual({
      managed: 8,
      activeStartPlusReceived: 8,
      activeEndPlusExits: 8,
      ok: true,
    });
  });

  it('counts the boundary records on the right side', () => {
    expect(drillIds('correction.active_start')).toEqual([1, 2, 5, 8]); // 1 exits on from: still on the roll that morning
    expect(drillIds('correction.released')).toEqual([1, 2]); // exits on from and on to
    expect(drillIds('correction.active_end')).toEqual([3, 5, 12]); // 2 exits on to: gone at the end of to
    expect(drillIds('correction.received')).toEqual([3, 4, 7, 12]); // 3 entered on to
    expect(drillIds('mediation.cases.received')).toEqual([1, 2, 3, 6, 8]);
    expect(drillIds('mediation.cases.by_retired_judge')).toEqual([1, 6]);
    expect(drillIds('legal_aid.recipients.women')).toEqual([1]);
    expect(drillIds('legal_aid.recipients.minor')).toEqual([2, 4]);
    expect(drillIds('legal_aid.recipients.elderly')).toEqual([3]);
    expect(drillIds('legal_aid.cases.closed')).toEqual([1, 4, 6, 12]);
    expect(drillIds('legal_aid.cases.open_end')).toEqual([2, 3, 9, 10]);
  });
});

describe('runReport for one office', () => {
  it('counts only the records of 城西司法所 (mediation by the organisation, events by the stint)', () => {
    const report = runReport(db, { from, to, officeId: A });
    expect(report.office).toBe('城西司法所');
    expect(report.indicators).toMatchObject({
      'mediation.orgs': 1, // org 1 (3 dissolved on to, 5 deleted)
      'mediation.mediators': 3, // 1, 2, 5
      'mediation.cases.received': 3, // 1, 3, 6
      'mediation.cases.succeeded': 2, // 1, 6
      'mediation.cases.success_rate': 66.67, // 2 / 3
      'mediation.cases.amount_wan': 4000, // 4,000,000,000 fen
      'mediation.cases.by_retired_judge': 2,
      'mediation.sweeps': 3,
      'legal_aid.cases.received': 1, // 9
      'legal_aid.cases.open_end': 1,
      'legal_aid.consultations': 1,
      'legal_aid.duty.shifts': 0,
      'correction.received': 1, // 12
      'correction.released': 2, // 1, 2
      'correction.terminated': 1, // 8
      'correction.transferred_out': 0,
      'correction.active_start': 4, // 1, 2, 5, 8
      'correction.managed': 5, // 1, 2, 5, 8, 12
      'correction.active_end': 2, // 5, 12
      'correction.reoffended': 1, // P1
      'correction.reoffense_rate': 20, // 1 / 5
      'correction.e_monitoring': 2, // P5, P1
      'correction.individual_education': 1, // stint 5 on to
      'correction.group_education.attendance': 10,
      'correction.investigations': 2, // I1, I3
      'correction.remote_meetings': 2,
    });
    expect(report.checks.correctionIdentity).toEqual({ managed: 5, activeStartPlusReceived: 5, activeEndPlusExits: 5, ok: true });
  });

  it('adds up: every count and sum of the offices gives the bureau figure', () => {
    const definitions = indicatorDefinitions(db);
    const byOffice = [A, B, C].map((officeId) => runReport(db, { from, to, officeId }).indicators);
    const whole = runReport(db, { from, to }).indicators;
    for (const definition of definitions) {
      if (definition.kind !== 'measure' || definition.unit === 'wan') continue;
      const total = byOffice.reduce((sum, figures) => sum + figures[definition.id]!, 0);
      expect(total, definition.id).toBe(whole[definition.id]);
    }
  });

  it('refuses an office that does not exist', () => {
    expect(() => runReport(db, { from, to, officeId: 99 })).toThrow('单位不存在');
  });
});

describe('runReport with compare (同比)', () => {
  it('adds last year and the change, worked out by hand', () => {
    const report = runReport(db, { from, to, compare: true });
    expect(report.previousPeriod).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(report.previous).toMatchObject({
      'mediation.cases.received': 1, // case 4
      'mediation.cases.success_rate': 100, // 1 / 1
      'mediation.cases.amount_wan': 0.1, // 100,000 fen
      'mediation.sweeps': 7,
      'legal_aid.cases.received': 2, // 6, 7
      'legal_aid.cases.closed': 1, // 7
      'legal_aid.consultations': 10,
      'correction.received': 4, // 1, 2, 6, 8
      'correction.managed': 5, // 1, 2, 5, 6, 8
      'correction.reoffended': 0,
      'correction.individual_education': 1,
      'correction.training.attendance': 4,
      'correction.investigations': 1,
    });
    expect(report.change).toMatchObject({
      'mediation.cases.received': 400, // (5 − 1) / 1
      'mediation.cases.success_rate': null, // a rate has no 同比
      'mediation.cases.amount_wan': 4_322_975, // (4,323,075,000 − 100,000) / 100,000 × 100, from fen
      'mediation.sweeps': 14.29, // (8 − 7) / 7 = 14.2857…
      'legal_aid.cases.received': 200, // (6 − 2) / 2
      'legal_aid.cases.closed': 300,
      'legal_aid.consultations': -40, // (6 − 10) / 10
      'correction.received': 0,
      'correction.managed': 60, // (8 − 5) / 5
      'correction.reoffended': null, // last year 0
      'correction.individual_education': 100,
      'correction.training.attendance': -25, // (3 − 4) / 4
      'correction.investigations': 200,
    });
    expect(Object.keys(report.change!)).toEqual(specIds());
  });

  it('shifts the period by one year, keeping month ends', () => {
    expect(previousYear({ from: '2024-02-29', to: '2024-02-29' })).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    expect(previousYear({ from: '2025-01-01', to: '2025-02-28' })).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(previousYear({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2023-03-01', to: '2023-03-31' });
    expect(previousYear({ from: '2024-01-01', to: '2024-10-31' })).toEqual({ from: '2023-01-01', to: '2023-10-31' });
  });
});

describe('drillDown', () => {
  it('lists exactly the records behind every figure, for the bureau and for an office', () => {
    const definitions = indicatorDefinitions(db);
    for (const officeId of [null, A]) {
      const figures = runReport(db, { from, to, officeId }).indicators;
      for (const definition of definitions) {
        const drill = drillDown(db, { id: definition.id, from, to, officeId, limit: 1000 });
        expect(drill.rows, definition.id).toHaveLength(drill.total);
        if (definition.kind === 'rate') {
          const denominator = definition.denominator.reduce((sum, id) => sum + figures[id]!, 0);
          expect(drill.total, definition.id).toBe(denominator);
        } else if (definition.unit === 'wan') {
          expect(fenToWan(drill.sum!), definition.id).toBe(figures[definition.id]);
        } else if (typeof definition.aggregate === 'object' && 'sum' in definition.aggregate) {
          expect(drill.sum, definition.id).toBe(figures[definition.id]);
        } else {
          expect(drill.total, definition.id).toBe(figures[definition.id]);
        }
      }
    }
  });

  it('lists distinct persons for a distinct-person figure', () => {
    const drill = drillDown(db, { id: 'correction.reoffended', from, to });
    expect(drill.total).toBe(2);
    expect(drill.rows.map((row) => row.idNumber)).toEqual(['P1', 'P4']); // first event 2024-01-01, then 2024-09-09
    expect(drill.rows[0]).toMatchObject({ table: 'correction_stint', id: 12, name: '赵一', office: '城西司法所', events: 2 });
  });

  it('lists the summed rows with their sum, and labels for codes', () => {
    const sweeps = drillDown(db, { id: 'mediation.sweeps', from, to });
    expect(sweeps).toMatchObject({ label: '矛盾纠纷排查（次）', total: 2, sum: 8 });
    expect(sweeps.rows.map((row) => [row.id, row.sweeps])).toEqual([
      [1, 3],
      [2, 5],
    ]);
    const failed = drillDown(db, { id: 'mediation.cases.failed', from, to });
    expect(failed.rows).toEqual([
      {
        table: 'mediation_case',
        id: 2,
        caseNo: 'M2',
        org: '派出所调解室',
        receivedOn: to,
        disputeType: '邻里',
        result: '调解不成功',
        closedOn: to,
        amountFen: 323_075_000,
      },
    ]);
  });

  it('drills a rate to its denominator and pages', () => {
    expect(drillIds('legal_aid.applications.grant_rate')).toEqual([1, 4, 5, 9, 11]); // 申请: granted 1, 4, 9; rejected 5, 11
    const pages = [0, 3, 6].map((offset) => drillDown(db, { id: 'correction.reoffense_rate', from, to, limit: 3, offset }));
    expect(pages.map((page) => page.rows.length)).toEqual([3, 3, 2]);
    expect(pages.flatMap((page) => page.rows.map((row) => row.id)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 7, 8, 12]);
  });

  it('refuses an unknown indicator in Chinese', () => {
    expect(() => drillDown(db, { id: 'mediation.nothing', from, to })).toThrow('没有这个指标：「mediation.nothing」');
  });
});

describe('periods', () => {
  it('refuses a period that is not one', () => {
    expect(() => runReport(db, { from: '2024-13-01', to })).toThrow('不是有效日期');
    expect(() => runReport(db, { from: to, to: from })).toThrow('晚于');
  });
});

describe('query plans', () => {
  /** A county with ten years of cases and events, so that a month is a small share of each table. */
  function tenYears(): RegisterDatabase {
    const county = openDatabase(':memory:', { create: true });
    insert(county, 'office', [{ id: 1, name: '城西司法所' }]);
    insert(county, 'mediation_org', [{ id: 1, name: '一村调委会', kind: 'village', office_id: 1, founded_on: '2010-01-01' }]);
    insert(county, 'correction_stint', [
      { id: 1, name: '赵一', id_number: 'P1', office_id: 1, category: 'probation', term_start: '2015-01-01', term_end: '2030-01-01', entered_on: '2015-01-01' },
    ]);
    const day = (n: number) => new Date(Date.UTC(2015, 0, 1 + n)).toISOString().slice(0, 10);
    county.transaction(() => {
      for (let n = 0; n < 3650; n += 5) {
        insert(county, 'mediation_case', [
          { case_no: `M${n}`, org_id: 1, received_on: day(n), source: 'apply', dispute_type: 'other', result: 'succeeded' },
        ]);
        insert(county, 'correction_event', [{ stint_id: 1, event_on: day(n), event_type: 'individual_education' }]);
      }
    })();
    return county;
  }

  const planOf = (county: RegisterDatabase, range: { from: string; to: string }, table: string) =>
    explainReport(county, range)
      .find((query) => query.sql.includes(`FROM ${table} `))!
      .plan.join(' | ');

  it('reads a month through the date indexes', () => {
    const county = tenYears();
    const month = { from: '2024-06-01', to: '2024-06-30' };
    expect(planOf(county, month, 'mediation_case')).toContain('SEARCH c USING INDEX mediation_case_received');
    expect(planOf(county, month, 'correction_event')).toContain('SEARCH e USING COVERING INDEX correction_event_figures');
    expect(runReport(county, month).indicators['mediation.cases.received']).toBe(6); // every 5th day of June: 6 days
  });

  it('reads a large share of a table in order instead', () => {
    const county = tenYears();
    const decade = { from: '2015-01-01', to: '2024-12-31' };
    expect(planOf(county, decade, 'mediation_case')).toContain('SCAN c');
    // The events' figures read only their covering index, whatever the period.
    expect(planOf(county, decade, 'correction_event')).toContain('SEARCH e USING COVERING INDEX correction_event_figures');
    expect(runReport(county, decade).indicators['mediation.cases.received']).toBe(730); // 3650 days / 5
  });
});
