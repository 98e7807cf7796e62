// Right after 首次使用 (the bureau's name and the administrator were set there): welcome the
// newcomer to an empty database and offer the sample data in one click, or the import.
// "开始使用" closes it; it does not come back.

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAppInfo } from '../common/app-info.ts';
import { IMPORT, href } from '../common/routes.ts';
import { loadSampleData } from '../home/load-sample.ts';

export function FirstRunModal() {
  const { info, refresh } = useAppInfo();
  const [dismissed, setDismissed] = useState(false);
  const [loading, setLoading] = useState(false);

  const loadSample = async () => {
    setLoading(true);
    if (await loadSampleData()) refresh();
    setLoading(false);
  };

  return (
    <Modal opened={info.recordCount === 0 && !dismissed} onClose={() => setDismissed(true)} title="欢迎使用司法台账" centered>
      <Stack>
        <Text size="sm">数据库已经建立，现在还是空的。第一次使用？可以载入一个虚构县区的示例台账，先看看各页面和年度报表；也可以直接导入现有的 Excel/CSV 台账。</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDismissed(true)}>
            开始使用
          </Button>
          <Button component="a" href={href(IMPORT)} variant="default" onClick={() => setDismissed(true)}>
            导入台账
          </Button>
          <Button onClick={() => void loadSample()} loading={loading} data-autofocus>
            载入示例数据
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
