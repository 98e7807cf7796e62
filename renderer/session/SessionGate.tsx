// The session gate: nothing of the app shows until `session.status` says it is open. First
// start → 首次使用 and the recovery code; locked → 登录; open → the app, with the lock screen
// over it when the user locks it, the idle time runs out, or the backend answers a call with
// `unauthorized` (that call waits and is sent again once the same user is back). Logging out
// or another user logging in starts the app afresh. A user whose password an administrator gave
// sees only the page to change it.

import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../../db/api/contract.ts';
import { call, setReauthenticate } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { HOME, href } from '../common/routes.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { FirstPasswordPage } from './FirstPasswordPage.tsx';
import { LockScreen } from './LockScreen.tsx';
import { LoginPanel } from './LoginPanel.tsx';
import { RecoveryCodePage } from './RecoveryCodePage.tsx';
import { SessionContext, permissionsOf, type SessionContextValue, type UserView } from './session.ts';
import { SetupPage } from './SetupPage.tsx';
import { useIdleLock } from './use-idle-lock.ts';

type Gate =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'setup' }
  | { readonly kind: 'recoveryCode'; readonly recoveryCode: string }
  | { readonly kind: 'login'; readonly lockedUser: UserView | null }
  | {
      readonly kind: 'open';
      readonly user: UserView;
      readonly firstRun: boolean;
      /** The lock screen is up; `reason` says why when it was not the user's choice. */
      readonly locked: { readonly reason: string | null } | null;
    };

/** Calls refused while locked wait on this; true when the same user unlocked. */
interface Unlock {
  readonly promise: Promise<boolean>;
  readonly resolve: (sameUser: boolean) => void;
}

function newUnlock(): Unlock {
  let resolve!: (sameUser: boolean) => void;
  const promise = new Promise<boolean>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

export function SessionGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const [bureauName, setBureauName] = useState<string | null>(null);
  const [idleMinutes, setIdleMinutes] = useState(0);
  /** Bumped whenever the app opens for a new user or after a restore, so it mounts afresh. */
  const [generation, setGeneration] = useState(0);
  const unlock = useRef<Unlock | null>(null);

  const settleWaiting = (sameUser: boolean) => {
    unlock.current?.resolve(sameUser);
    unlock.current = null;
  };

  const read = useCallback(async (firstRun = false) => {
    setGate({ kind: 'loading' });
    const result = await call('session.status', {});
    if (!result.ok) return setGate({ kind: 'failed', error: result.error });
    const status = result.value;
    setBureauName(status.bureauName);
    setIdleMinutes(status.idleMinutes);
    setGeneration((value) => value + 1);
    if (status.state === 'setup') setGate({ kind: 'setup' });
    else if (status.state === 'open' && status.user) setGate({ kind: 'open', user: status.user, firstRun, locked: null });
    else setGate({ kind: 'login', lockedUser: status.user });
  }, []);

  useEffect(() => {
    void read();
  }, [read]);

  const isOpen = gate.kind === 'open';
  useEffect(() => {
    if (!isOpen) return;
    setReauthenticate((error) => {
      setGate((current) => (current.kind === 'open' && !current.locked ? { ...current, locked: { reason: error.message } } : current));
      unlock.current ??= newUnlock();
      return unlock.current.promise;
    });
    return () => {
      setReauthenticate(null);
      settleWaiting(false);
    };
  }, [isOpen]);

  const lock = useCallback((reason: string | null = null) => {
    setGate((current) => (current.kind === 'open' && !current.locked ? { ...current, locked: { reason } } : current));
    void call('session.lock', {});
  }, []);

  useIdleLock(
    idleMinutes,
    gate.kind === 'open' && !gate.locked,
    () => lock(`超过 ${idleMinutes} 分钟没有操作，已自动锁定。`),
    // The cheapest call the backend counts as activity (session.status does not count).
    () => void call('app.info', {}),
  );

  const logout = useCallback(async () => {
    await call('session.logout', {});
    window.location.hash = href(HOME);
    setGate({ kind: 'login', lockedUser: null });
  }, []);

  /** Logged in from the login page or the lock screen. */
  const loggedIn = (user: UserView) => {
    if (gate.kind === 'open' && gate.user.id === user.id) {
      setGate({ ...gate, user, locked: null });
      settleWaiting(true);
      return;
    }
    settleWaiting(false);
    if (gate.kind === 'open') window.location.hash = href(HOME);
    setGeneration((value) => value + 1);
    setGate({ kind: 'open', user, firstRun: false, locked: null });
  };

  const user = gate.kind === 'open' ? gate.user : null;
  const firstRun = gate.kind === 'open' && gate.firstRun;
  const context = useMemo<SessionContextValue | null>(
    () =>
      user && {
        user,
        permissions: permissionsOf(user),
        idleMinutes,
        setIdleMinutes,
        lock: () => lock(),
        logout: () => void logout(),
        reopen: () => void read(),
        firstRun,
      },
    [user, idleMinutes, lock, logout, read, firstRun],
  );

  switch (gate.kind) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'failed':
      return (
        <AuthLayout>
          <ErrorAlert title="无法打开司法台账" error={gate.error} onRetry={() => void read()} />
        </AuthLayout>
      );
    case 'setup':
      return (
        <SetupPage
          knownBureauName={bureauName}
          onDone={(outcome) => {
            setBureauName(outcome.bureauName);
            setGate({ kind: 'recoveryCode', recoveryCode: outcome.recoveryCode });
          }}
        />
      );
    case 'recoveryCode':
      return <RecoveryCodePage code={gate.recoveryCode} bureauName={bureauName} onContinue={() => void read(true)} />;
    case 'login':
      return (
        <AuthLayout bureauName={bureauName}>
          <LoginPanel lockedUser={gate.lockedUser} onLoggedIn={loggedIn} />
        </AuthLayout>
      );
    case 'open':
      if (gate.user.mustChangePassword) {
        return (
          <FirstPasswordPage
            user={gate.user}
            bureauName={bureauName}
            onChanged={() => setGate({ ...gate, user: { ...gate.user, mustChangePassword: false } })}
            onLogout={() => void logout()}
          />
        );
      }
      return (
        <SessionContext.Provider value={context}>
          {/* Hidden, not unmounted, while locked: what was typed stays, nothing of it shows. */}
          <div key={generation} hidden={gate.locked !== null}>
            {children}
          </div>
          {gate.locked && <LockScreen user={gate.user} bureauName={bureauName} reason={gate.locked.reason} onLoggedIn={loggedIn} />}
        </SessionContext.Provider>
      );
  }
}
