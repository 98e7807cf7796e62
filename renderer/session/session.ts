// Who is using the app: the session as `session.status` describes it (setup, locked, open),
// the logged-in user, what their role lets them do, and the gate's actions (lock, log out,
// re-read the session) handed down through a context. The backend decides what is allowed
// (db/accounts/permissions.ts); these rules mirror it only to keep the UI from offering what
// it would refuse.

import { createContext, useContext } from 'react';
import { BUREAU_LEVEL, roleLabels, type Role, type UserView } from '../../db/api/contract.ts';

export type { Role, UserView };
export { roleLabels };

/** 局机关（全局） for a bureau user, else the office's name. */
export const BUREAU_SCOPE = `${BUREAU_LEVEL}（全局）`;

export function officeLabel(user: Pick<UserView, 'officeId' | 'officeName'>): string {
  return user.officeId === null ? BUREAU_SCOPE : (user.officeName ?? `单位 ${user.officeId}`);
}

export interface Permissions {
  /** Create, edit, delete records (录入员 and 管理员). */
  readonly canEdit: boolean;
  /** Import ledgers (录入员 and 管理员; an office account its own office's rows only). */
  readonly canImport: boolean;
  /** Settings, users, backups, the audit log (管理员). */
  readonly canAdminister: boolean;
  /** The one office an office user sees and counts; null for the whole bureau. */
  readonly officeId: number | null;
}

export function permissionsOf(user: UserView): Permissions {
  const canEdit = user.role !== 'viewer';
  return { canEdit, canImport: canEdit, canAdminister: user.role === 'admin', officeId: user.officeId };
}

export interface SessionContextValue {
  readonly user: UserView;
  readonly permissions: Permissions;
  readonly idleMinutes: number;
  /** Set by the gate after the minutes were changed in 用户管理. */
  readonly setIdleMinutes: (minutes: number) => void;
  /** Locks now (session.lock) and shows the lock screen. */
  readonly lock: () => void;
  /** Logs out (session.logout) and shows the login page. */
  readonly logout: () => void;
  /** Reads the session again and opens the app afresh (after a restore replaced the data). */
  readonly reopen: () => void;
  /** True right after the first start's setup: the app offers the sample data. */
  readonly firstRun: boolean;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the session gate');
  return value;
}

export function usePermissions(): Permissions {
  return useSession().permissions;
}
