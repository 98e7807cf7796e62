// Asking before something that cannot be taken back in the form (discarding typed values) or
// that removes a record from the list (delete): a Mantine confirm modal as a promise. The focus
// starts on the harmless button: Enter right away never deletes or discards.

import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

export interface ConfirmQuestion {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
}

/** True when the clerk confirms; false on cancel, Esc or closing the modal. */
export function confirm({ title, message, confirmLabel, cancelLabel = '取消' }: ConfirmQuestion): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{message}</Text>,
      labels: { confirm: confirmLabel, cancel: cancelLabel },
      confirmProps: { color: 'red' },
      cancelProps: { 'data-autofocus': true },
      onConfirm: () => resolve(true),
      onClose: () => resolve(false),
    });
  });
}
