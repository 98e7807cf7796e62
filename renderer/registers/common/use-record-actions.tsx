// Deleting and restoring a record. Delete asks first, then deletes softly and offers 撤销 in
// the notification; restore brings a deleted record back (the backend re-checks it, e.g. a
// case number taken meanwhile). `onChanged` runs after either, to re-read the list.

import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call } from '../../api/client.ts';
import { notifyError, notifySuccess } from '../../common/use-api.ts';
import { confirm } from './confirm.tsx';
import type { ApiRecord, Catalogue, RegisterView } from './types.ts';

export interface RecordActions {
  /** True when the record was deleted. */
  readonly remove: (record: ApiRecord) => Promise<boolean>;
  /** True when the record was restored. */
  readonly restore: (record: ApiRecord) => Promise<boolean>;
}

export function useRecordActions(view: RegisterView, catalogue: Catalogue, onChanged: () => void): RecordActions {
  const title = catalogue.register.title;
  const deletedNoticeId = (record: ApiRecord) => `deleted-${view.name}-${record.id}`;
  const restore = async (record: ApiRecord) => {
    const result = await call(`${view.name}.restore`, { id: record.id });
    if (!result.ok) {
      notifyError(result.error, '未能恢复');
      return false;
    }
    // Restored from the 显示已删除 list: its 已删除 notice must not offer 撤销 any more.
    notifications.hide(deletedNoticeId(record));
    notifySuccess(`已恢复「${view.recordName(record, catalogue)}」`);
    onChanged();
    return true;
  };

  const remove = async (record: ApiRecord) => {
    const name = view.recordName(record, catalogue);
    const sure = await confirm({
      title: `删除${title}`,
      message: `确定删除「${name}」？删除后可以撤销，也可以在「显示已删除」中恢复。`,
      confirmLabel: '删除',
    });
    if (!sure) return false;
    const result = await call(`${view.name}.delete`, { id: record.id });
    if (!result.ok) {
      notifyError(result.error, '未能删除');
      return false;
    }
    onChanged();
    const id = deletedNoticeId(record);
    const undo = () => {
      notifications.hide(id);
      void restore(record);
    };
    notifications.show({
      id,
      title: '已删除',
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">已删除「{name}」</Text>
          <Button size="compact-sm" variant="light" onClick={undo}>
            撤销
          </Button>
        </Group>
      ),
    });
    return true;
  };

  return { remove, restore };
}
