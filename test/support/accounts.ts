// Accounts an administrator adds in the tests: they get a password the administrator gives,
// and their user changes it at the first login (db/accounts/app-session.ts refuses everything
// else until then), as a new clerk does.

import type { ApiResult } from '../../db/api/contract.ts';

/** The password an administrator gives a new account in the tests. */
export const GIVEN_PASSWORD = 'Chushi2026mima';

type Call = (method: string, input?: unknown) => Promise<ApiResult>;

async function must(call: Call, method: string, input: unknown): Promise<void> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
}

/** Logs in with the given password and changes it to the account's own, as a new user must. */
export async function firstLogin(call: Call, account: { readonly username: string; readonly password: string }): Promise<void> {
  await must(call, 'session.login', { username: account.username, password: GIVEN_PASSWORD });
  await must(call, 'session.changePassword', { currentPassword: GIVEN_PASSWORD, newPassword: account.password });
}
