// The application menu: Chinese labels, the four menus in order, the commands wired to the
// callbacks, and developer tools only outside the packaged app.

import type { MenuItemConstructorOptions } from 'electron';
import { expect, test, vi } from 'vitest';
import { menuTemplate } from '../../electron/menu.ts';

const commands = { importLedgers: vi.fn(), exportReport: vi.fn(), printToPdf: vi.fn(), showAbout: vi.fn() };

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return (menu.submenu as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator');
}

test('four menus with Chinese labels: 文件, 编辑, 视图, 帮助', () => {
  const template = menuTemplate(commands, { developerTools: false });
  expect(template.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  for (const item of template.flatMap(items)) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
});

test('文件 imports, exports, prints to PDF and quits', () => {
  const [file] = menuTemplate(commands, { developerTools: false });
  const entries = items(file!);
  expect(entries.map((item) => item.label)).toEqual(['导入台账…', '导出报表…', '打印/另存为PDF…', '退出']);
  expect(entries[3]!.role).toBe('quit');
  for (const item of entries.slice(0, 3)) item.click!(undefined as never, undefined, undefined as never);
  expect(commands.importLedgers).toHaveBeenCalledOnce();
  expect(commands.exportReport).toHaveBeenCalledOnce();
  expect(commands.printToPdf).toHaveBeenCalledOnce();
});

test('编辑 has the standard editing roles', () => {
  const [, edit] = menuTemplate(commands, { developerTools: false });
  expect(items(edit!).map((item) => item.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
});

test('developer tools only when asked for (not in the packaged app)', () => {
  const roles = (developerTools: boolean) => items(menuTemplate(commands, { developerTools })[2]!).map((item) => item.role);
  expect(roles(false)).not.toContain('toggleDevTools');
  expect(roles(true)).toContain('toggleDevTools');
});

test('帮助 shows 关于', () => {
  const help = menuTemplate(commands, { developerTools: false })[3]!;
  items(help)[0]!.click!(undefined as never, undefined, undefined as never);
  expect(commands.showAbout).toHaveBeenCalledOnce();
});
