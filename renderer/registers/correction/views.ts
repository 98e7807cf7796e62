// 社区矫正 pages: 社区矫正对象 (the roster), 社区矫正事件, 社区矫正教育活动, 调查评估,
// 远程视频会见 — list columns, filters, form order, the person picker and the attendance
// ticks, and the fields that follow from others (解矫类型 once 解矫日期 is given, 完成日期
// once there is an opinion), declared as data.

import { filledIn, labelOf, officeName } from '../common/field-values.ts';
import type { RegisterView } from '../common/types.ts';
import { attendanceEditor, attendanceFromTicks } from './attendance.tsx';
import { StintEvents } from './StintEvents.tsx';
import { stintEditor } from './stint-picker.tsx';

export const correctionStintView: RegisterView = {
  name: 'correctionStint',
  columns: ['name', 'id_number', 'office_id', 'category', 'crime', 'entered_on', 'term_end', 'supervision_level', 'exited_on', 'exit_type'],
  filters: ['category', 'supervision_level', 'exit_type'],
  townshipOffices: ['office_id'],
  suggested: ['crime'],
  searchHint: '姓名、身份证号码、罪名',
  shownWhen: { exit_type: filledIn('exited_on') },
  recordName: (record) => `${record.name}（入矫 ${record.entered_on}）`,
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
