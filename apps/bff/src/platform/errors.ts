import type { ZodError, core } from 'zod';
import type { FieldIssue } from '@c2/api-client/schemas/common';

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
    /** The wrong fields' problems as codes a console translates (`fields` says the same in English). */
    readonly issues: Record<string, FieldIssue> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (
  message: string,
  fields: Record<string, string> = {},
  issues: Record<string, FieldIssue> = {},
) => new AppError('bad_request', message, 400, fields, false, issues);
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

/** A zod issue as a code and limit a client can translate. */
export function fieldIssueOf(issue: core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing field as a wrong type whose input was undefined.
      return { code: /received undefined$/.test(issue.message) ? 'required' : 'invalid_type' };
    case 'too_small':
      return { code: 'too_small', origin: issue.origin, limit: Number(issue.minimum) };
    case 'too_big':
      return { code: 'too_big', origin: issue.origin, limit: Number(issue.maximum) };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { code: 'invalid_value' };
    case 'invalid_format':
      return { code: 'invalid_format' };
    case 'unrecognized_keys':
      return { code: 'unrecognized' };
    default:
      return { code: 'invalid' };
  }
}

/** Turns a zod error into a 400 naming each wrong field (path → message, and path → issue code). */
export function fromZod(error: ZodError, what: string): AppError {
  const fields: Record<string, string> = {};
  const issues: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const at = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    if (at in fields) continue;
    fields[at] = issue.message;
    issues[at] = fieldIssueOf(issue);
  }
  const list = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return badRequest(`Invalid ${what}: ${list}`, fields, issues);
}
