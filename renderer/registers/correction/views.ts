// 社区矫正 pages: 社区矫正对象 (the roster), 社区矫正事件, 社区矫正教育活动, 调查评估,
// 远程视频会见 — list columns, filters, form order, the person picker and the attendance
// ticks, and the fields that follow from others (解矫类型 once 解矫日期 is given, 完成日期
// once there is an opinion), declared as data.

import { filledIn, labelOf, officeName } from '../common/field-values.ts';
import type { ApiRecord, Offer, RegisterView } from '../common/types.ts';
import { attendanceEditor, attendanceFromTicks } from './attendance.tsx';
import { StintEvents } from './StintEvents.tsx';
import { stintEditor } from './stint-picker.tsx';

/** 解矫类型 that are 解除 (社区矫正法 §44): the person is then helped to resettle (registers.md §6). */
const releasedBy = new Set(['expired', 'pardoned']);

/** The same day five years on (a 帮教期 is usually five years); 29 February becomes 28 February. */
function fiveYearsAfter(day: string): string {
  const later = `${Number(day.slice(0, 4)) + 5}${day.slice(4)}`;
  return later.endsWith('-02-29') ? `${later.slice(0, 8)}28` : later;
}

/** A stint saved as ended 期满解除 or 赦免 (newly, or on another day): offer the person's 安置帮教 record. */
function resettlementOffer(saved: ApiRecord, before: ApiRecord | null): Offer | null {
  const exitedOn = saved.exited_on;
  if (typeof exitedOn !== 'string' || !releasedBy.has(String(saved.exit_type))) return null;
  if (before && before.exit_type === saved.exit_type && before.exited_on === exitedOn) return null;
  return {
    register: 'resettlement',
    title: '建立安置帮教记录',
    question: `${String(saved.name)}已于${exitedOn}解除社区矫正，是否为其建立安置帮教记录？姓名、身份证号码、单位、人员类型和释放日期将自动填写。`,
    values: {
      name: saved.name,
      id_number: saved.id_number,
      office_id: String(saved.office_id),
      person_type: 'correction',
      original_crime: saved.crime ?? '',
      released_on: exitedOn,
      help_ends_on: fiveYearsAfter(exitedOn),
    },
    existing: { id_number: String(saved.id_number), released_on: exitedOn },
  };
}

export const correctionStintView: RegisterView = {
  name: 'correctionStint',
  columns: ['name', 'id_number', 'office_id', 'category', 'crime', 'entered_on', 'term_end', 'exited_on'],
  moreColumns: ['supervision_level', 'exit_type'],
  filters: ['category', 'supervision_level', 'exit_type'],
  townshipOffices: ['office_id'],
  suggested: ['crime'],
  searchHint: '姓名、身份证号码、罪名',
  shownWhen: { exit_type: filledIn('exited_on') },
  recordName: (record) => `${record.name}（入矫 ${record.entered_on}）`,
  offerAfterSave: resettlementOffer,
  DetailExtras: StintEvents,
};

export const correctionEventView: RegisterView = {
  name: 'correctionEvent',
  columns: ['event_on', 'person_name', 'person_id_number', 'office_name', 'event_type', 'note'],
  filters: ['event_type'],
  searchHint: '姓名、身份证号码、说明',
  formOrder: ['event_on', 'stint_id', 'event_type', 'note'],
  labels: { stint_id: '社区矫正对象' },
  editors: { stint_id: stintEditor },
  recordName: (record, catalogue) =>
    [record.person_name, record.event_on, labelOf(catalogue, 'correctionEventType', record.event_type)].filter(Boolean).join(' '),
};

export const correctionActivityView: RegisterView = {
  name: 'correctionActivity',
  columns: ['held_on', 'office_id', 'activity_type', 'topic', 'attendance'],
  filters: ['activity_type'],
  searchHint: '主题、单位',
  extraFields: [{ name: 'attendee_stint_ids', header: '参加人员', kind: 'custom', requiredColumn: false }],
  formOrder: ['held_on', 'office_id', 'activity_type', 'topic', 'attendee_stint_ids', 'attendance'],
  suggested: ['topic'],
  editors: { attendee_stint_ids: attendanceEditor },
  derived: attendanceFromTicks,
  recordName: (record) => `${record.held_on} ${record.topic}`,
};

export const investigationView: RegisterView = {
  name: 'investigation',
  columns: ['commission_no', 'office_id', 'commissioned_on', 'commissioning_authority', 'subject_name', 'opinion', 'completed_on'],
  filters: ['commissioning_authority', 'opinion'],
  searchHint: '委托编号、被调查人',
  shownWhen: { completed_on: filledIn('opinion') },
  recordName: (record) => String(record.commission_no),
};

export const remoteVisitView: RegisterView = {
  name: 'remoteVisit',
  columns: ['visited_on', 'office_id', 'visits'],
  searchHint: '单位',
  recordName: (record, catalogue) => `${officeName(catalogue, record.office_id)} ${record.visited_on}`,
};
