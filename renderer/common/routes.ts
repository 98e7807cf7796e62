// The app's places and its hash routing (`#/mediation/cases` …), in a few lines and without a
// router package: the navbar, the shell and links elsewhere (home reminders) all read this
// table, and which role may open which page. The registers' pages come from their declarations
// (db/registers/pages.ts).

import { useSyncExternalStore } from 'react';
import { linePages, type RegisterName, type RegisterPage } from '../../db/api/contract.ts';

/** Every register's page, line by line. */
export const registerRoutes: readonly RegisterPage[] = linePages.flatMap((line) => line.pages);

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

const registerOfTable: ReadonlyMap<string, RegisterName> = new Map(registerRoutes.map((route) => [route.table, route.register]));

/** The register a table's rows belong to (drill-down and quality rows name their table). */
export function registerOfTableName(table: string): RegisterName | undefined {
  return registerOfTable.get(table);
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
