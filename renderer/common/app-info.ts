// What the whole app knows about its database (`app.info`): the bureau's name, today, whether
// there is any data. The shell loads it once and hands it down through this context; a page
// that changes what it shows calls `reloadInfo` (settings, imports) or `refresh` (sample data).

import { createContext, useContext } from 'react';
import type { AppInfo } from '../../db/api/contract.ts';

export interface AppContextValue {
  readonly info: AppInfo;
  /** Re-read app.info (after a write that changes the name or the record count). */
  readonly reloadInfo: () => void;
  /** Re-read app.info and mount the current page afresh (after data appeared under it). */
  readonly refresh: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppInfo(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppInfo outside the app shell');
  return value;
}
