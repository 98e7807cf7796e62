// One record in full, in a drawer: every field with its Chinese label, in form order (the
// 身份证号码 unmasked), the view's related records beneath, and the actions — edit and delete,
// or restore for a deleted record.

import { Badge, Button, DataList, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { formatTimestamp } from '../../common/format.ts';
import { usePermissions } from '../../session/session.ts';
import { readOnlyMark } from './catalogue.ts';
import { displayValue } from './field-values.ts';
import type { ApiRecord, Catalogue, RegisterView } from './types.ts';
import { formFields } from './use-record-form.ts';

export interface RecordDetailProps {
  readonly view: RegisterView;
  readonly catalogue: Catalogue;
  /** The list row merged with the full record from `get`. */
  readonly record: ApiRecord;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  readonly onRestore: () => void;
  readonly onClose: () => void;
}

export function RecordDetail({ view, catalogue, record, onEdit, onDelete, onRestore, onClose }: RecordDetailProps) {
  const deleted = Boolean(record.deleted_at);
  const { canEdit } = usePermissions();
  const readOnly = readOnlyMark(catalogue, record);
  const title = (
    <Group gap="sm">
      <Text fw={600}>
        {catalogue.register.title}：{view.recordName(record, catalogue)}
      </Text>
      {deleted && <Badge color="gray">已删除</Badge>}
    </Group>
  );
  return (
    <Drawer opened onClose={onClose} title={title} position="right" size={640} padding="md">
      <Stack gap="lg">
        <DataList labelWidth={130} withDivider>
          {formFields(view, catalogue).map((field) => {
            const Display = view.editors?.[field.name]?.Display;
            return (
              <DataList.Item key={field.name}>
                <DataList.ItemLabel>{field.header}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {Display ? <Display record={record} /> : displayValue(field, record[field.name], catalogue, { fullIdNumber: true })}
                </DataList.ItemValue>
              </DataList.Item>
            );
          })}
        </DataList>
        {view.DetailExtras && <view.DetailExtras record={record} catalogue={catalogue} />}
        <Text size="xs" c="dimmed">
          最后修改 {formatTimestamp(record.updated_at as string | undefined)}
        </Text>
        {readOnly && (
          <Text size="sm" c="dimmed" data-testid="read-only-mark">
            {readOnly.mark}：{readOnly.whereToEdit}
          </Text>
        )}
        {canEdit && !readOnly && (
          <Group justify="flex-end">
            {deleted ? (
              <Button leftSection={<IconRestore size={16} />} onClick={onRestore}>
                恢复
              </Button>
            ) : (
              <>
                <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                  删除
                </Button>
                <Button leftSection={<IconPencil size={16} />} onClick={onEdit} data-autofocus>
                  编辑
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
