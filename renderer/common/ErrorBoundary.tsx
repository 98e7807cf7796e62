// Last line against a blank page: a rendering error in a page shows a Chinese message and the
// way back instead of an empty window.

import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="页面出错了" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">本页面显示时出现错误：{this.state.error.message}。已保存的数据不受影响。</Text>
          <Button size="xs" variant="light" color="red" onClick={() => this.setState({ error: null })}>
            重新显示
          </Button>
        </Stack>
      </Alert>
    );
  }
}
