import type { ZodError } from 'zod';

/**
 * The one error type of the BFF. `status` is what HTTP callers see; `catastrophic` errors mean the process can no
 * longer be trusted and should stop (the error handler logs them as fatal).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
    readonly catastrophic = false,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, fields: Record<string, string> = {}) =>
  new AppError('bad_request', message, 400, fields);
export const unauthorized = (message = 'Not logged in') => new AppError('unauthorized', message, 401);
export const forbidden = (message = 'Not allowed') => new AppError('forbidden', message, 403);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`, 404);
export const conflict = (message: string) => new AppError('conflict', message, 409);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError('rate_limited', message, 429, { retryAfter: String(retryAfterSeconds) });
/** Something the request needs is away for now; with `retryAfterSeconds` the answer carries Retry-After. */
export const unavailable = (message: string, retryAfterSeconds?: number) =>
  new AppError(
    'unavailable',
    message,
    503,
    retryAfterSeconds === undefined ? {} : { retryAfter: String(retryAfterSeconds) },
  );

/** Turns a zod error into a 400 naming each wrong field (path → message). */
export function fromZod(error: ZodError, what: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const at = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    fields[at] ??= issue.message;
  }
  const list = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return badRequest(`Invalid ${what}: ${list}`, fields);
}
