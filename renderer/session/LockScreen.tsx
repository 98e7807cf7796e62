// The lock screen over the open app: an opaque full-window layer above every drawer and
// dialog, so nothing of the records shows, while the pages beneath (hidden by the gate) keep
// what was typed. The same user unlocking finds everything as it was; another user logging in
// starts afresh.

import { Modal } from '@mantine/core';
import { AuthLayout } from './AuthLayout.tsx';
import { LoginPanel } from './LoginPanel.tsx';
import type { UserView } from './session.ts';

/** Above Mantine's drawers, modals and notifications. */
const LOCK_Z_INDEX = 1000;

export interface LockScreenProps {
  readonly user: UserView;
  readonly bureauName: string | null;
  readonly reason: string | null;
  readonly onLoggedIn: (user: UserView) => void;
}

export function LockScreen({ user, bureauName, reason, onLoggedIn }: LockScreenProps) {
  return (
    <Modal.Root
      opened
      onClose={() => undefined}
      fullScreen
      closeOnEscape={false}
      closeOnClickOutside={false}
      zIndex={LOCK_Z_INDEX}
      transitionProps={{ duration: 0 }}
    >
      <Modal.Content aria-label="已锁定">
        <Modal.Body p={0}>
          <AuthLayout bureauName={bureauName}>
            <LoginPanel lockedUser={user} reason={reason} onLoggedIn={onLoggedIn} />
          </AuthLayout>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
