import { z } from 'zod';
import { ApiError } from './api-error';
import { CSRF_HEADER } from '../realtime/events';
import { sessionInfoSchema, type LoginRequest } from '../schemas/user';
import { cameraSchema, cameraSummarySchema } from '../schemas/camera';
import { unitSchema } from '../schemas/unit';
import {
  deadLetterSchema,
  eventPageSchema,
  eventQueryString,
  NO_EVENT_FILTER,
  type EventFilter,
} from '../schemas/event';
import { mapContextSchema } from '../schemas/map';
import { alertAdminApi, alertsApi } from './alerts-api';

export interface ApiClientOptions {
  /** Origin of the BFF; '' for same-origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Returns the CSRF token to echo on mutations. */
  csrfToken?: () => string | null;
  /** Called once for every 401, e.g. to send the user to the login page. */
  onUnauthorized?: () => void;
  /** Extra headers, e.g. a cookie when used from Node tests. */
  headers?: () => Record<string, string>;
}

let requestCounter = 0;
function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 1_000_000;
  return `c-${Date.now().toString(36)}-${requestCounter}`;
}

/** The typed REST client. Every response is validated against the contract before it reaches a caller. */
export function createApiClient(options: ApiClientOptions = {}) {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-request-id': nextRequestId(),
      ...options.headers?.(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') {
      const token = options.csrfToken?.();
      if (token) headers[CSRF_HEADER] = token;
    }
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      const error = await ApiError.fromResponse(res);
      if (res.status === 401) options.onUnauthorized?.();
      throw error;
    }
    const json: unknown = res.status === 204 ? null : await res.json();
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(
        res.status,
        'contract_violation',
        `Response of ${method} ${path} does not match the contract`,
      );
    }
    return parsed.data;
  }

  return {
    auth: {
      login: (body: LoginRequest) => request('POST', '/api/auth/login', sessionInfoSchema, body),
      logout: () => request('POST', '/api/auth/logout', z.null()),
      me: () => request('GET', '/api/auth/me', sessionInfoSchema),
    },
    cameras: {
      list: () => request('GET', '/api/cameras', z.array(cameraSchema)),
      get: (id: string) => request('GET', `/api/cameras/${encodeURIComponent(id)}`, cameraSchema),
      summary: () => request('GET', '/api/cameras/summary', cameraSummarySchema),
    },
    units: {
      list: () => request('GET', '/api/units', z.array(unitSchema)),
    },
    events: {
      /** Newest first; pass the previous page's `next` as `cursor` for the older page. */
      list: (filter: EventFilter = NO_EVENT_FILTER, opts: { limit?: number; cursor?: string | null } = {}) =>
        request(
          'GET',
          `/api/events?${eventQueryString(filter, { limit: opts.limit ?? 50, cursor: opts.cursor })}`,
          eventPageSchema,
        ),
    },
    deadLetters: {
      list: (limit = 200) =>
        request('GET', `/api/admin/dead-letters?limit=${limit}`, z.array(deadLetterSchema)),
    },
    map: {
      context: () => request('GET', '/api/map/context', mapContextSchema),
    },
    alerts: alertsApi(request),
    alertAdmin: alertAdminApi(request),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
