// The dispatcher: the single entry every transport (Electron IPC through the session, the
// loopback HTTP server, tests) reaches for one account. It parses the input with the contract's
// schema, checks the account's role and office (accounts/permissions.ts), runs the handler —
// writes one at a time, each with its audit-log entry (audit/audit-trail.ts) — and returns
// { ok, value } or { ok: false, error }: an exception never crosses it.

import type { z } from 'zod';
import { checkRole, scopeToOffice } from '../accounts/permissions.ts';
import { createAuditTrail } from '../audit/audit-trail.ts';
import { UserError } from '../errors.ts';
import { declarationOf, type ApiError, type ApiResult } from './contract.ts';
import { createHandlers, type HandlerContext } from './handlers.ts';

export type ApiCall = (method: string, input?: unknown) => Promise<ApiResult>;

function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_';
    errors[field] = errors[field] ? `${errors[field]}；${issue.message}` : issue.message;
  }
  return errors;
}

/** The input parsed by its schema, or the failure to answer: 'bad_request' with per-field messages. */
export function parseInput(schema: z.ZodType, input: unknown): { ok: true; value: unknown } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors = zodFieldErrors(parsed.error.issues);
  return {
    ok: false,
    error: { kind: 'bad_request', message: `请求参数有误：${Object.values(fieldErrors).join('；')}`, fieldErrors },
  };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof UserError) {
    return { kind: error.kind, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') return { kind: 'internal', message: '磁盘空间不足，未能保存。已保存的数据不受影响，请清理磁盘后重试。' };
  if (code?.startsWith('SQLITE_IOERR')) return { kind: 'internal', message: '磁盘空间不足或无法写入磁盘（文件超出大小限制、磁盘故障），未能保存。已保存的数据不受影响，请检查磁盘后重试。' };
  if (code === 'SQLITE_BUSY') return { kind: 'internal', message: '数据库正被其他程序使用，请稍后重试。' };
  if (code === 'SQLITE_READONLY') return { kind: 'internal', message: '数据库文件只读，无法保存。' };
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return { kind: 'conflict', message: '数据库刚刚从备份恢复，这一操作未执行，请重新操作。' };
  }
  console.error(error);
  // The raw exception (English, SQL) goes to the log only: the person reads plain Chinese.
  return { kind: 'internal', message: '程序内部错误，操作未完成，已保存的数据不受影响。请重试；仍不行请联系管理员。' };
}

export function createDispatcher(context: HandlerContext): ApiCall {
  const handlers = createHandlers(context) as Record<string, (input: unknown) => unknown>;
  const audited = createAuditTrail(context);
  let writeQueue: Promise<unknown> = Promise.resolve();

  return async (method, input) => {
    const declaration = declarationOf(method);
    if (!declaration || !Object.hasOwn(handlers, method)) {
      return { ok: false, error: { kind: 'bad_request', message: `没有这个接口方法：「${method}」` } };
    }
    try {
      checkRole(context.access, method);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    const parsed = parseInput(declaration.input, input);
    if (!parsed.ok) return parsed;
    const handler = handlers[method]!;
    const run = async (): Promise<ApiResult> => {
      try {
        // The record's office is checked when the call runs, after the writes queued before it.
        const { input: allowed, guard } = scopeToOffice(context.db, context.access, method, parsed.value);
        const guarded = guard ? (value: unknown) => guard(() => handler(value)) : handler;
        return { ok: true, value: await audited(method, allowed, guarded) };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    };
    if (!declaration.writes) return run();
    const result = writeQueue.then(run);
    writeQueue = result;
    return result;
  };
}
