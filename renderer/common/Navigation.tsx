// The left navbar: 首页, the business lines with their lists, 导入, 统计报表, and for
// administrators 设置, 用户管理, 备份与恢复, 审计日志 — only the pages the user's role may open.
// Plain links to hash routes, so Tab/Enter work everywhere.

import { NavLink, ScrollArea } from '@mantine/core';
import {
  IconBriefcase,
  IconChartBar,
  IconDatabase,
  IconFileImport,
  IconFolder,
  IconGavel,
  IconHeartHandshake,
  IconHome,
  IconListSearch,
  IconScale,
  IconSettings,
  IconSpeakerphone,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { usePermissions } from '../session/session.ts';
import { AUDIT, BACKUP, HOME, IMPORT, REPORT, SETTINGS, USERS, href, mayOpen } from './routes.ts';
import { linePages } from '../../db/api/contract.ts';

/** The icons a business line may name (db/registers/register.ts); a line naming another gets the folder. */
const lineIcons: Readonly<Record<string, ReactNode>> = {
  users: <IconUsers size={18} />,
  scale: <IconScale size={18} />,
  gavel: <IconGavel size={18} />,
  briefcase: <IconBriefcase size={18} />,
  speakerphone: <IconSpeakerphone size={18} />,
  heartHandshake: <IconHeartHandshake size={18} />,
};

/** The lines open from the start; the others start folded (so the whole bar fits 768 pixels) and open when a page of theirs is shown. */
const openLines: ReadonlySet<string> = new Set(linePages.filter((group) => group.open).map((group) => group.line));

const pages: readonly { path: string; label: string; icon: ReactNode }[] = [
  { path: IMPORT, label: '导入', icon: <IconFileImport size={18} /> },
  { path: REPORT, label: '统计报表', icon: <IconChartBar size={18} /> },
  { path: SETTINGS, label: '设置', icon: <IconSettings size={18} /> },
  { path: USERS, label: '用户管理', icon: <IconUserCog size={18} /> },
  { path: BACKUP, label: '备份与恢复', icon: <IconDatabase size={18} /> },
  { path: AUDIT, label: '审计日志', icon: <IconListSearch size={18} /> },
];

/** Vertical padding that fits twenty-seven entries (管理员, one of the folded lines open) in a 768-pixel-high window. */
const compact = 0;

function PageLink({ path, label, icon, route }: { path: string; label: string; icon: ReactNode; route: string }) {
  return <NavLink href={href(path)} label={label} leftSection={icon} active={route === path} py={compact} />;
}

export function Navigation({ route }: { route: string }) {
  const rights = usePermissions();
  const [opened, setOpened] = useState<ReadonlySet<string>>(openLines);
  const shown = linePages.find((group) => group.pages.some((item) => item.path === route))?.line;
  useEffect(() => {
    if (shown) setOpened((lines) => (lines.has(shown) ? lines : new Set([...lines, shown])));
  }, [shown]);
  const toggle = (line: string, open: boolean) =>
    setOpened((lines) => new Set(open ? [...lines, line] : [...lines].filter((other) => other !== line)));
  return (
    <ScrollArea>
      <nav aria-label="主导航">
        <PageLink path={HOME} label="首页" icon={<IconHome size={18} />} route={route} />
        {linePages.map((group) => (
          <NavLink
            key={group.line}
            label={group.line}
            leftSection={lineIcons[group.icon] ?? <IconFolder size={18} />}
            opened={opened.has(group.line)}
            onChange={(open) => toggle(group.line, open)}
            childrenOffset={28}
            py={compact}
          >
            {group.pages.map((item) => (
              <NavLink key={item.path} href={href(item.path)} label={item.label} active={route === item.path} py={compact} />
            ))}
          </NavLink>
        ))}
        {pages
          .filter((page) => mayOpen(page.path, rights))
          .map((page) => (
            <PageLink key={page.path} {...page} route={route} />
          ))}
      </nav>
    </ScrollArea>
  );
}
