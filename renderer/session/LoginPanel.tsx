// The way in when the app is not open: 登录 (or 解锁, naming who was logged in) and, from its
// link, 使用恢复码. Used as a page of its own and, over the open app, as the lock screen.

import { useState } from 'react';
import { LoginForm } from './LoginForm.tsx';
import { RecoverForm } from './RecoverForm.tsx';
import type { UserView } from './session.ts';

export interface LoginPanelProps {
  readonly lockedUser: UserView | null;
  readonly reason?: string | null;
  readonly onLoggedIn: (user: UserView) => void;
}

export function LoginPanel({ lockedUser, reason, onLoggedIn }: LoginPanelProps) {
  const [recovering, setRecovering] = useState<string | null>(null);
  return recovering === null ? (
    <LoginForm lockedUser={lockedUser} reason={reason} onLoggedIn={onLoggedIn} onForgotPassword={setRecovering} />
  ) : (
    <RecoverForm username={recovering} onRecovered={onLoggedIn} onBack={() => setRecovering(null)} />
  );
}
