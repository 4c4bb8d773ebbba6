import { apiErrorBody, type FieldIssue } from '../schemas/common';

/** The one error type the REST client throws: HTTP status, the BFF's error code, and the fields that were wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
    readonly issues: Record<string, FieldIssue> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    const requestId = res.headers.get('x-request-id') ?? undefined;
    const parsed = apiErrorBody.safeParse(await res.json().catch(() => null));
    if (parsed.success) {
      const e = parsed.data.error;
      return new ApiError(
        res.status,
        e.code,
        e.message,
        e.fields ?? {},
        e.requestId ?? requestId,
        e.issues ?? {},
      );
    }
    return new ApiError(res.status, 'http_error', `HTTP ${res.status}`, {}, requestId);
  }
}
