// Every register's view, by name: what RegisterPage needs to know to show that register.

import { correctionActivityView, correctionEventView, correctionStintView, investigationView, remoteVisitView } from './correction/views.ts';
import type { RegisterName, RegisterView } from './common/types.ts';
import { consultationView, dutyShiftView, legalAidCaseView } from './legal-aid/views.ts';
import { disputeSweepView, mediationCaseView, mediationOrgView, mediatorView } from './mediation/views.ts';
import { legalAdviserServiceView, legalAdviserView, publicityActivityView, resettlementView } from './office-ledgers/views.ts';

export const registerViews: Readonly<Record<RegisterName, RegisterView>> = {
  mediationOrg: mediationOrgView,
  mediator: mediatorView,
  mediationCase: mediationCaseView,
  disputeSweep: disputeSweepView,
  legalAidCase: legalAidCaseView,
  consultation: consultationView,
  dutyShift: dutyShiftView,
  correctionStint: correctionStintView,
  correctionEvent: correctionEventView,
  correctionActivity: correctionActivityView,
  investigation: investigationView,
  remoteVisit: remoteVisitView,
  legalAdviser: legalAdviserView,
  legalAdviserService: legalAdviserServiceView,
  publicityActivity: publicityActivityView,
  resettlement: resettlementView,
};
