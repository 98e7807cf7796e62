// The preload of the sandboxed window (bundled as CommonJS: a sandboxed preload cannot be an ES
// module). It gives the page exactly one function, `window.sftz.call(method, input)`, over the
// one IPC channel, and turns menu commands from the main process into a DOM event
// (`sftz:menu`, detail = the command name) the renderer may listen to. It must never hand the
// page ipcRenderer, Node, or anything else.

import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, MENU_CHANNEL, MENU_EVENT } from './channels.ts';

contextBridge.exposeInMainWorld('sftz', {
  call: (method: string, input?: unknown) => ipcRenderer.invoke(CALL_CHANNEL, String(method), input ?? {}),
});

ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: String(command) }));
});
