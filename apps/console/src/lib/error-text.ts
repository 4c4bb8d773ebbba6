import type { TFunction } from 'i18next';
import { ApiError } from '@c2/api-client/http/api-error';
import type { FieldIssue } from '@c2/api-client/schemas/common';

/**
 * What went wrong, in the user's language. The BFF's messages are English, for logs and API clients; the console
 * says the same by the error's code, and by its status when the code is one it does not know.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the network or the server is away.
    return t(error instanceof TypeError ? 'error.code.network' : 'error.code.unknown');
  }
  const byStatus =
    error.status === 400
      ? 'bad_request'
      : error.status === 403
        ? 'forbidden'
        : error.status === 404
          ? 'not_found'
          : error.status === 409
            ? 'conflict'
            : error.status >= 500
              ? 'internal'
              : 'unknown';
  return t(`error.code.${error.code}`, { defaultValue: t(`error.code.${byStatus}`) });
}

/** One field's problem in the user's language. */
export function fieldIssueText(t: TFunction, issue: FieldIssue): string {
  const plain = t(`error.field.${issue.code}`, {
    limit: issue.limit,
    defaultValue: t('error.field.invalid'),
  });
  if (!issue.origin) return plain;
  return t(`error.field.${issue.code}_${issue.origin}`, { limit: issue.limit, defaultValue: plain });
}

/**
 * The fields a refused request named, each with its problem in the user's language (path → text). A field the
 * BFF gave no code for keeps its English text rather than vanish.
 */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  // Only a 400 names input fields; other errors' fields are details (retryAfter, a reason code).
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(error.fields)) {
    const issue = error.issues[path];
    out[path] = issue ? fieldIssueText(t, issue) : text;
  }
  return out;
}
