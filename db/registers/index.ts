// All registers, in the order their records depend on each other (organisations before
// mediators before cases; the roster before its events). Import writes in this order.

import { correctionActivity, correctionEvent, correctionStint, investigation, remoteVisit } from './correction.ts';
import { consultation, dutyShift, legalAidCase } from './legal-aid.ts';
import { disputeSweep, mediationCase, mediationOrg, mediator } from './mediation.ts';
import { legalAdviser, legalAdviserService } from './legal-adviser.ts';
import { publicityActivity } from './publicity.ts';
import type { RegisterDefinition, RegisterName } from './register.ts';
import { resettlement } from './resettlement.ts';

export const registers: readonly RegisterDefinition[] = [
  mediationOrg,
  mediator,
  mediationCase,
  disputeSweep,
  legalAidCase,
  consultation,
  dutyShift,
  correctionStint,
  correctionEvent,
  correctionActivity,
  investigation,
  remoteVisit,
  legalAdviser,
  legalAdviserService,
  publicityActivity,
  resettlement,
];

export const registerByName = new Map<RegisterName, RegisterDefinition>(registers.map((r) => [r.name, r]));

/** Ledger sheet name (人民调解案件 …) → register. */
export const registerBySheet = new Map<string, RegisterDefinition>(registers.map((r) => [r.title, r]));
