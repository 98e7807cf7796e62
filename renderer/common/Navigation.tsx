// The left navbar: 首页, the three registers with their lists, 导入, 统计报表, 设置. Plain
// links to hash routes, so Tab/Enter work everywhere.

import { NavLink, ScrollArea } from '@mantine/core';
import {
  IconChartBar,
  IconFileImport,
  IconGavel,
  IconHome,
  IconScale,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { HOME, IMPORT, REPORT, SETTINGS, href, registerGroups, type RegisterGroup } from './routes.ts';

const groupIcons: Record<RegisterGroup['label'], ReactNode> = {
  人民调解: <IconUsers size={18} />,
  法律援助: <IconScale size={18} />,
  社区矫正: <IconGavel size={18} />,
};

/** Vertical padding that fits all eighteen entries in a 768-pixel-high window. */
const compact = 5;

function PageLink({ path, label, icon, route }: { path: string; label: string; icon: ReactNode; route: string }) {
  return <NavLink href={href(path)} label={label} leftSection={icon} active={route === path} py={compact} />;
}

export function Navigation({ route }: { route: string }) {
  return (
    <ScrollArea>
      <nav aria-label="主导航">
        <PageLink path={HOME} label="首页" icon={<IconHome size={18} />} route={route} />
        {registerGroups.map((group) => (
          <NavLink
            key={group.label}
            label={group.label}
            leftSection={groupIcons[group.label]}
            defaultOpened
            childrenOffset={28}
            py={compact}
          >
            {group.routes.map((item) => (
              <NavLink key={item.path} href={href(item.path)} label={item.label} active={route === item.path} py={compact} />
            ))}
          </NavLink>
        ))}
        <PageLink path={IMPORT} label="导入" icon={<IconFileImport size={18} />} route={route} />
        <PageLink path={REPORT} label="统计报表" icon={<IconChartBar size={18} />} route={route} />
        <PageLink path={SETTINGS} label="设置" icon={<IconSettings size={18} />} route={route} />
      </nav>
    </ScrollArea>
  );
}
