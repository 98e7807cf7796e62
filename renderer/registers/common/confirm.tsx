// Asking before something that cannot be taken back in the form (discarding typed values) or
// that removes a record from the list (delete): a Mantine confirm modal as a promise.

import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

export interface ConfirmQuestion {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** Which button Enter presses: confirm (delete) or cancel (discarding typed values). */
  readonly focus?: 'confirm' | 'cancel';
}

/** True when the clerk confirms; false on cancel, Esc or closing the modal. */
export function confirm({ title, message, confirmLabel, cancelLabel = '取消', focus = 'confirm' }: ConfirmQuestion): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{message}</Text>,
      labels: { confirm: confirmLabel, cancel: cancelLabel },
      confirmProps: { color: 'red', 'data-autofocus': focus === 'confirm' || undefined },
      cancelProps: { 'data-autofocus': focus === 'cancel' || undefined },
      onConfirm: () => resolve(true),
      onClose: () => resolve(false),
    });
  });
}
