// The users.* API methods (administrators only, see permissions.ts): list, add and change
// accounts, reset a password, lift a lock. A password set here is hashed into app_user and, for
// an encrypted database, sealed into the account's key slot (`accounts`, the session's handle on
// the key file), in the same transaction. Spread into the handlers by db/api/handlers.ts.

import type { UserRow } from '../api/contract.ts';
import type { HandlerContext } from '../api/handlers.ts';
import { UNLOCKED } from './lockout.ts';
import type { Role } from './roles.ts';
import { createAccount, existingAccount, listAccounts, setLockout, setPasswordHash, updateAccount, userRow } from './users.ts';

/** What user management changes in the key file of an encrypted database. */
export interface AccountKeys {
  /** Seals the data key under the account's new password, and lifts its lock. */
  setPassword(username: string, password: string): void;
  /** Lifts the account's lock after failed logins. */
  unlock(username: string): void;
}

interface AccountInput {
  readonly displayName: string;
  readonly role: Role;
  readonly officeId: number | null;
}

export function userHandlers(context: Pick<HandlerContext, 'db' | 'accounts' | 'now'>) {
  const { db } = context;
  const now = () => context.now?.() ?? new Date();
  return {
    'users.list': (): UserRow[] => listAccounts(db).map((account) => userRow(account, now())),
    'users.create': (input: AccountInput & { username: string; password: string }): UserRow =>
      db.transaction(() => {
        const created = createAccount(db, { ...input, mustChangePassword: true });
        context.accounts?.setPassword(created.username, input.password);
        return userRow(created, now());
      })(),
    'users.update': ({ id, ...fields }: AccountInput & { id: number; disabled: boolean }): UserRow =>
      userRow(updateAccount(db, id, fields), now()),
    'users.resetPassword': ({ id, password }: { id: number; password: string }) =>
      db.transaction(() => {
        const account = existingAccount(db, id);
        setPasswordHash(db, id, password, true);
        setLockout(db, account.username, UNLOCKED);
        context.accounts?.setPassword(account.username, password);
        return {};
      })(),
    'users.unlock': ({ id }: { id: number }) => {
      const account = existingAccount(db, id);
      setLockout(db, account.username, UNLOCKED);
      context.accounts?.unlock(account.username);
      return {};
    },
  };
}
