// The registers' pages, put together from the registers (db/registers/index.ts) and their
// business lines (register.ts): each line's group of pages (#/mediation/cases …) in the
// navigation's order. Pure data for the renderer's routes and navigation; nothing is declared here.

import { registers } from './index.ts';
import { businessLineDeclarations, type BusinessLine, type RegisterName } from './register.ts';

export interface RegisterPage {
  /** `/mediation/cases`: its line's path segment, then its own. */
  readonly path: string;
  /** Its name in the navigation (调解案件). */
  readonly label: string;
  readonly register: RegisterName;
  /** The table its records are in (drill-down and quality rows name their table). */
  readonly table: string;
}

export interface LinePages {
  readonly line: BusinessLine;
  /** The icon the navigation draws for the line. */
  readonly icon: string;
  /** The group starts open. */
  readonly open: boolean;
  /** The line's first register, then the others in the registers' order. */
  readonly pages: readonly RegisterPage[];
}

export const linePages: readonly LinePages[] = businessLineDeclarations.map((line) => {
  const own = registers.filter((register) => register.group === line.name);
  const ordered = [...own.filter((register) => register.name === line.first), ...own.filter((register) => register.name !== line.first)];
  return {
    line: line.name,
    icon: line.icon,
    open: line.open,
    pages: ordered.map((register) => ({ path: `/${line.path}/${register.page.path}`, label: register.page.label, register: register.name, table: register.table })),
  };
});
