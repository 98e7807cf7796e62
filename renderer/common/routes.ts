// The app's places and its hash routing (`#/mediation/cases` …), in a few lines and without a
// router package: the navbar, the shell and links elsewhere (home reminders) all read this
// table, and which role may open which page.

import { useSyncExternalStore } from 'react';
import type { BusinessLine, RegisterName } from '../../db/api/contract.ts';

export interface RegisterRoute {
  readonly path: string;
  readonly label: string;
  readonly register: RegisterName;
}

export interface RegisterGroup {
  readonly label: BusinessLine;
  readonly routes: readonly RegisterRoute[];
}

export const registerGroups: readonly RegisterGroup[] = [
  {
    label: '人民调解',
    routes: [
      { path: '/mediation/cases', label: '调解案件', register: 'mediationCase' },
      { path: '/mediation/orgs', label: '调解组织', register: 'mediationOrg' },
      { path: '/mediation/mediators', label: '调解员', register: 'mediator' },
      { path: '/mediation/sweeps', label: '矛盾纠纷排查', register: 'disputeSweep' },
    ],
  },
  {
    label: '法律援助',
    routes: [
      { path: '/legal-aid/cases', label: '援助案件', register: 'legalAidCase' },
      { path: '/legal-aid/consultations', label: '法律咨询', register: 'consultation' },
      { path: '/legal-aid/duty', label: '值班律师', register: 'dutyShift' },
    ],
  },
  {
    label: '社区矫正',
    routes: [
      { path: '/correction/stints', label: '矫正对象', register: 'correctionStint' },
      { path: '/correction/events', label: '矫正事件', register: 'correctionEvent' },
      { path: '/correction/activities', label: '教育活动', register: 'correctionActivity' },
      { path: '/correction/investigations', label: '调查评估', register: 'investigation' },
      { path: '/correction/remote-visits', label: '远程会见', register: 'remoteVisit' },
    ],
  },
  {
    label: '村(居)法律顾问',
    routes: [
      { path: '/legal-advisers/services', label: '顾问服务', register: 'legalAdviserService' },
      { path: '/legal-advisers/roster', label: '法律顾问', register: 'legalAdviser' },
    ],
  },
  { label: '普法', routes: [{ path: '/publicity/activities', label: '普法活动', register: 'publicityActivity' }] },
  { label: '安置帮教', routes: [{ path: '/resettlement/people', label: '安置帮教对象', register: 'resettlement' }] },
];

export const registerRoutes: readonly RegisterRoute[] = registerGroups.flatMap((group) => group.routes);

export const HOME = '/';
export const IMPORT = '/import';
export const REPORT = '/report';
export const SETTINGS = '/settings';
export const USERS = '/users';
export const BACKUP = '/backup';
export const AUDIT = '/audit';

/** Who may open a page: everyone, those who may import (bureau-level 录入员, 管理员), or 管理员 only. */
type PageAccess = 'all' | 'import' | 'admin';

const pageAccess: Readonly<Record<string, PageAccess>> = {
  [IMPORT]: 'import',
  [SETTINGS]: 'admin',
  [USERS]: 'admin',
  [BACKUP]: 'admin',
  [AUDIT]: 'admin',
};

/** Whether a role with these rights may open the page at `path` (the backend refuses the rest anyway). */
export function mayOpen(path: string, rights: { readonly canImport: boolean; readonly canAdminister: boolean }): boolean {
  const access = pageAccess[path] ?? 'all';
  return access === 'all' || (access === 'import' ? rights.canImport : rights.canAdminister);
}

export function registerPath(register: RegisterName): string {
  return registerRoutes.find((route) => route.register === register)!.path;
}

const registerOfTable: Readonly<Record<string, RegisterName>> = {
  mediation_org: 'mediationOrg',
  mediator: 'mediator',
  mediation_case: 'mediationCase',
  dispute_sweep: 'disputeSweep',
  legal_aid_case: 'legalAidCase',
  consultation: 'consultation',
  duty_shift: 'dutyShift',
  correction_stint: 'correctionStint',
  correction_event: 'correctionEvent',
  correction_activity: 'correctionActivity',
  investigation: 'investigation',
  remote_visit: 'remoteVisit',
  legal_adviser: 'legalAdviser',
  legal_adviser_service: 'legalAdviserService',
  publicity_activity: 'publicityActivity',
  resettlement: 'resettlement',
};

/** The register a table's rows belong to (drill-down and quality rows name their table). */
export function registerOfTableName(table: string): RegisterName | undefined {
  return registerOfTable[table];
}

/** Link to one record in its register's list: `#/mediation/cases?id=12` (the query is the page's to read). */
export function recordHref(register: RegisterName, id: number): string {
  return href(`${registerPath(register)}?id=${id}`);
}

/** The path of the current hash without its query; anything that is not a path (e.g. `#token=…`) is home. */
function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash.split('?', 1)[0]! : HOME;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function href(path: string): string {
  return `#${path}`;
}
