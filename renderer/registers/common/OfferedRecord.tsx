// A record of another register the app offers to start after a save, prefilled with what it
// already knows (a correction stint ended 期满解除 or 赦免 → the person's 安置帮教 record). Asked
// once, in a modal (Enter accepts, Esc declines); not asked when that record exists already.
// Accepting opens that register's usual form, so the same rules and keys apply.

import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { notifySuccess } from '../../common/use-api.ts';
import { registerViews } from '../views.ts';
import { useCatalogue } from './catalogue.ts';
import { RecordForm } from './RecordForm.tsx';
import type { Offer } from './types.ts';

function ask(offer: Offer): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: offer.title,
      children: <Text size="sm">{offer.question}</Text>,
      labels: { confirm: '建立', cancel: '暂不' },
      confirmProps: { 'data-autofocus': true },
      onConfirm: () => resolve(true),
      onClose: () => resolve(false),
    });
  });
}

export function OfferedRecord({ offer, onDone }: { offer: Offer; onDone: () => void }) {
  const [accepted, setAccepted] = useState(false);
  const { catalogue } = useCatalogue(offer.register);
  const view = registerViews[offer.register];

  useEffect(() => {
    let current = true;
    void (async () => {
      const existing = await call(`${offer.register}.list`, { filters: offer.existing, limit: 1 });
      if (!current) return;
      if (!existing.ok || existing.value.total > 0) return onDone();
      if (await ask(offer)) setAccepted(true);
      else onDone();
    })();
    return () => {
      current = false;
    };
  }, [offer, onDone]);

  if (!accepted || !catalogue) return null;
  return (
    <RecordForm
      view={view}
      catalogue={catalogue}
      stored={null}
      defaults={offer.values}
      onClose={onDone}
      onSaved={(record) => {
        notifySuccess(`已保存「${view.recordName(record, catalogue)}」`);
        onDone();
      }}
    />
  );
}
