// The application menu, in Chinese: 文件 (import, export, print/PDF, quit), 编辑 (the
// standard editing roles), 视图 (reload, zoom, full screen) and 帮助 (about). Plain data built
// from callbacks, so it imports only Electron's types; what a command does is main.ts's business.

import type { MenuItemConstructorOptions } from 'electron';

export interface MenuCommands {
  importLedgers(): void;
  exportReport(): void;
  printToPdf(): void;
  showAbout(): void;
}

export function menuTemplate(commands: MenuCommands, options: { developerTools: boolean }): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '导入台账…', accelerator: 'CmdOrCtrl+O', click: () => commands.importLedgers() },
        { label: '导出报表…', accelerator: 'CmdOrCtrl+E', click: () => commands.exportReport() },
        { label: '打印/另存为PDF…', accelerator: 'CmdOrCtrl+P', click: () => commands.printToPdf() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '删除', role: 'delete' },
        { type: 'separator' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(options.developerTools
          ? [{ type: 'separator' } as const, { label: '开发者工具', role: 'toggleDevTools' } as const]
          : []),
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于司法台账', click: () => commands.showAbout() }],
    },
  ];
}
