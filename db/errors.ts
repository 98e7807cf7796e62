// Errors meant for people: thrown by db/ modules when the input, not the program, is wrong.
// The API dispatcher turns them into { ok: false, error } with their Chinese message; any
// other exception is a defect and crosses the boundary as an 'internal' error.

import type { ApiErrorKind } from './api/contract.ts';

export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    message: string,
    readonly kind: Exclude<ApiErrorKind, 'internal'> = 'bad_request',
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}
