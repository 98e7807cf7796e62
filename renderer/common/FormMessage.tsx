// A form's message from the backend that belongs to no single field (wrong password, locked
// until 14:30 …), shown above the form's buttons. Nothing when there is none.

import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function FormMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" py="xs">
      {message}
    </Alert>
  );
}
