// The navigation's groups and the registers' paths are put together from the registers' and
// the business lines' declarations; they must be what clerks know (the app's table before it
// was derived): the same groups, in the same order, with the same paths, labels and tables.

import { describe, expect, it } from 'vitest';
import { linePages } from '../../db/registers/pages.ts';

const expected = [
  ['人民调解', true, [
    ['/mediation/cases', '调解案件', 'mediationCase', 'mediation_case'],
    ['/mediation/orgs', '调解组织', 'mediationOrg', 'mediation_org'],
    ['/mediation/mediators', '调解员', 'mediator', 'mediator'],
    ['/mediation/sweeps', '矛盾纠纷排查', 'disputeSweep', 'dispute_sweep'],
  ]],
  ['法律援助', true, [
    ['/legal-aid/cases', '援助案件', 'legalAidCase', 'legal_aid_case'],
    ['/legal-aid/consultations', '法律咨询', 'consultation', 'consultation'],
    ['/legal-aid/duty', '值班律师', 'dutyShift', 'duty_shift'],
  ]],
  ['社区矫正', true, [
    ['/correction/stints', '矫正对象', 'correctionStint', 'correction_stint'],
    ['/correction/events', '矫正事件', 'correctionEvent', 'correction_event'],
    ['/correction/activities', '教育活动', 'correctionActivity', 'correction_activity'],
    ['/correction/investigations', '调查评估', 'investigation', 'investigation'],
    ['/correction/remote-visits', '远程会见', 'remoteVisit', 'remote_visit'],
  ]],
  ['村(居)法律顾问', false, [
    ['/legal-advisers/services', '顾问服务', 'legalAdviserService', 'legal_adviser_service'],
    ['/legal-advisers/roster', '法律顾问', 'legalAdviser', 'legal_adviser'],
  ]],
  ['普法', false, [['/publicity/activities', '普法活动', 'publicityActivity', 'publicity_activity']]],
  ['安置帮教', false, [['/resettlement/people', '安置帮教对象', 'resettlement', 'resettlement']]],
] as const;

describe('register pages', () => {
  it('group the registers under their business lines as the navigation always had them', () => {
    expect(
      linePages.map((line) => [line.line, line.open, line.pages.map((page) => [page.path, page.label, page.register, page.table])]),
    ).toEqual(expected);
  });

  it('give every page its own path', () => {
    const paths = linePages.flatMap((line) => line.pages.map((page) => page.path));
    expect(new Set(paths).size).toBe(paths.length);
  });
});
