// The shell: Mantine providers (theme, zh-CN dates, notifications, modals), the session gate
// (nothing shows before login), the app-info context, the AppShell with its navbar and the
// user's bar, and the page for the current hash route if the user's role may open it. Pages
// own their data; the shell only knows where they are.

import { AppShell, Center, Group, Loader, MantineProvider, Text, Title, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { useWindowEvent } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useCallback, useState, type ReactNode } from 'react';
import { AppContext } from './common/app-info.ts';
import { ErrorAlert } from './common/ErrorAlert.tsx';
import { ErrorBoundary } from './common/ErrorBoundary.tsx';
import { Navigation } from './common/Navigation.tsx';
import { AUDIT, BACKUP, HOME, IMPORT, REPORT, SETTINGS, USERS, mayOpen, registerRoutes, useRoute } from './common/routes.ts';
import { useApi } from './common/use-api.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { BackupPage } from './backup/BackupPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { ImportPage } from './import/ImportPage.tsx';
import { RegisterPage } from './registers/RegisterPage.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { SessionGate } from './session/SessionGate.tsx';
import { usePermissions, useSession, type Permissions } from './session/session.ts';
import { UserBar } from './session/UserBar.tsx';
import { FirstRunModal } from './settings/FirstRunModal.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';

dayjs.extend(customParseFormat);
dayjs.locale('zh-cn');

const fontFamily =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily,
  fontFamilyMonospace: '"Noto Sans Mono CJK SC", ui-monospace, monospace',
  headings: { fontFamily },
  defaultRadius: 'sm',
  // Calendars read 2026年12月 (not 十二月 2026) wherever a date is picked.
  components: {
    Calendar: { defaultProps: { monthLabelFormat: 'YYYY年M月', yearLabelFormat: 'YYYY年', monthsListFormat: 'M月', decadeLabelFormat: 'YYYY年' } },
  },
});

function pageFor(route: string, rights: Permissions): ReactNode {
  if (!mayOpen(route, rights)) {
    return <ErrorAlert title="没有权限" error={{ kind: 'forbidden', message: '您的账号不能使用这个页面，请从左侧导航选择，或请管理员调整您的角色。' }} />;
  }
  const register = registerRoutes.find((candidate) => candidate.path === route);
  if (register) return <RegisterPage key={register.register} register={register.register} />;
  switch (route) {
    case HOME:
      return <HomePage />;
    case IMPORT:
      return <ImportPage />;
    case REPORT:
      return <ReportPage />;
    case SETTINGS:
      return <SettingsPage />;
    case USERS:
      return <UsersPage />;
    case BACKUP:
      return <BackupPage />;
    case AUDIT:
      return <AuditPage />;
    default:
      return <ErrorAlert title="没有这个页面" error={{ kind: 'not_found', message: `地址「${route}」不存在，请从左侧导航选择。` }} />;
  }
}

function Shell() {
  // Ctrl+S saves inside a form; anywhere else it must not open the browser's own 「另存为」.
  useWindowEvent('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') event.preventDefault();
  });
  const route = useRoute();
  const rights = usePermissions();
  const { firstRun } = useSession();
  const info = useApi('app.info', {});
  /** Bumped by `refresh` so the current page mounts afresh and re-reads its data. */
  const [dataVersion, setDataVersion] = useState(0);
  const { reload } = info;
  const refresh = useCallback(() => {
    reload();
    setDataVersion((version) => version + 1);
  }, [reload]);
  const context = info.data ? { info: info.data, reloadInfo: reload, refresh } : null;

  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 208, breakpoint: 0 }} padding="md">
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={1} size="h4">
              司法台账
            </Title>
            {info.data?.bureauName && <Text c="dimmed">{info.data.bureauName}</Text>}
          </Group>
          <Group gap="lg" wrap="nowrap">
            {info.data && <Text size="sm" c="dimmed">今天 {info.data.today}</Text>}
            <UserBar />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar className="no-print" p="xs">
        <Navigation route={route} />
      </AppShell.Navbar>
      <AppShell.Main>
        {info.error && <ErrorAlert error={info.error} onRetry={info.reload} />}
        {!context && !info.error && (
          <Center h={300}>
            <Loader />
          </Center>
        )}
        {context && (
          <AppContext.Provider value={context}>
            <ErrorBoundary key={`${route}:${dataVersion}`}>{pageFor(route, rights)}</ErrorBoundary>
            {firstRun && <FirstRunModal />}
          </AppContext.Provider>
        )}
      </AppShell.Main>
    </AppShell>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
          <Notifications position="bottom-right" />
          <SessionGate>
            <Shell />
          </SessionGate>
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
