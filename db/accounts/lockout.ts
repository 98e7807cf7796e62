// The lock after failed logins: 5 wrong passwords in a row lock an account for 15 minutes; a
// good login, a password reset or an administrator's 解锁 clears the count. Pure rules over a
// state and a clock (`now` is passed in, so tests move time); where the state is kept is the
// session's business (db/accounts/app-session.ts). Messages for people, in Chinese.

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

export interface LockoutState {
  /** Wrong passwords in a row since the last good login or lock. */
  readonly failedAttempts: number;
  /** ISO time the lock ends; null when the account has never been locked or was unlocked. */
  readonly lockedUntil: string | null;
}

export const UNLOCKED: LockoutState = { failedAttempts: 0, lockedUntil: null };

/** When the lock ends, or null when the account is not locked at `now`. */
export function lockedUntil(state: LockoutState, now: Date): Date | null {
  if (!state.lockedUntil) return null;
  const until = new Date(state.lockedUntil);
  return until > now ? until : null;
}

/** The state after one more wrong password at `now`; the fifth in a row locks the account. */
export function afterFailedLogin(state: LockoutState, now: Date): LockoutState {
  const lockEnded = state.lockedUntil !== null && lockedUntil(state, now) === null;
  const failedAttempts = (lockEnded ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= MAX_FAILED_LOGINS) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
  }
  return { failedAttempts, lockedUntil: lockEnded ? null : state.lockedUntil };
}

/** 14:35 in local time. */
function clockTime(time: Date): string {
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

export function lockedMessage(until: Date): string {
  return `账号已锁定，请于 ${clockTime(until)} 后再试，或请管理员解锁`;
}

/** What a wrong password is told: how many tries are left, or that the account is now locked. */
export function failedLoginMessage(state: LockoutState, now: Date): string {
  const until = lockedUntil(state, now);
  if (until) return `用户名或密码错误。${lockedMessage(until)}`;
  return `用户名或密码错误（再错 ${MAX_FAILED_LOGINS - state.failedAttempts} 次将锁定 ${LOCK_MINUTES} 分钟）`;
}
