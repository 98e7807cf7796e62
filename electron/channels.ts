// The names shared by the main process and the preload: the one request channel, the
// main → page menu notification, and the DOM event the preload turns it into. Names only.

/** Renderer → main: `invoke(CALL_CHANNEL, method, input)` answers an ApiResult. */
export const CALL_CHANNEL = 'sftz:call';

/** Main → preload: a menu command the page should carry out (see MenuCommand). */
export const MENU_CHANNEL = 'sftz:menu';

/** The DOM event on `window` the preload raises for a menu command; `event.detail` is the command. */
export const MENU_EVENT = 'sftz:menu';

/** Menu commands that need the page: it shows the import screen or exports the report in view. */
export type MenuCommand = 'importLedgers' | 'exportReport';
