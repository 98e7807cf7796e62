// The renderer's only way to the backend: `call(method, input)`. In the Electron window the
// preload exposes `window.sftz.call` (IPC); in a browser (the no-Electron fallback and the
// browser tests) it POSTs to the loopback server with the per-launch token. Either way the
// answer is an ApiResult: { ok: true, value } or { ok: false, error } — never a throw.
// A method refused as `unauthorized` (locked, logged out) waits for the session gate to log
// the same user back in and is then sent again, so a save pressed as the lock fell is not lost.
// Typed from the contract's declarations: a method's name gives its input and its value.

import type { AnyMethodName, ApiError, ApiResult, MethodInput, MethodOutput } from '../../db/api/contract.ts';

declare global {
  interface Window {
    /** Set by electron/preload.ts inside the desktop app: the backend answers as the contract declares. */
    sftz?: { call<M extends AnyMethodName>(method: M, input: unknown): Promise<ApiResult<MethodOutput<M>>> };
  }
}

const TOKEN_KEY = 'sftz.token';

/** The loopback server hands the token in the URL fragment (#token=…); keep it for this tab only. */
function loopbackToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const isDesktop = (): boolean => window.sftz !== undefined;

/**
 * Set by the session gate while the app is open: shows the lock screen and resolves true once
 * the same user is logged in again (the call is then repeated), false when someone else is.
 */
type Reauthenticate = (error: ApiError) => Promise<boolean>;

let reauthenticate: Reauthenticate | null = null;

export function setReauthenticate(handler: Reauthenticate | null): void {
  reauthenticate = handler;
}

export async function call<M extends AnyMethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
  const attempt = async (): Promise<ApiResult<MethodOutput<M>>> => {
    const result = await send(method, input);
    const refused = !result.ok && result.error.kind === 'unauthorized' && !method.startsWith('session.');
    if (refused && reauthenticate && (await reauthenticate(result.error))) return attempt();
    return result;
  };
  return attempt();
}

async function send<M extends AnyMethodName>(method: M, input: unknown): Promise<ApiResult<MethodOutput<M>>> {
  if (window.sftz) return window.sftz.call(method, input);
  try {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${loopbackToken() ?? ''}` },
      body: JSON.stringify(input),
    });
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { kind: 'bad_request', message: '访问凭证无效：请从“司法台账”启动程序打开本页面' } };
    }
    return await response.json();
  } catch {
    return { ok: false, error: { kind: 'internal', message: '无法连接到本机的司法台账服务，请确认程序仍在运行' } };
  }
}
