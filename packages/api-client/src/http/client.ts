import { z } from 'zod';
import { ApiError } from './api-error';
import { CSRF_HEADER } from '../realtime/events';
import { sessionInfoSchema, type LoginRequest } from '../schemas/user';
import { cameraSchema, cameraSummarySchema } from '../schemas/camera';
import { unitSchema } from '../schemas/unit';
import { analyticsEventSchema } from '../schemas/event';
import { mapContextSchema } from '../schemas/map';
import {
  violationCountsSchema,
  violationDetailSchema,
  violationPageSchema,
  violationSettingsSchema,
  type ViolationDecision,
  type ViolationListQuery,
} from '../schemas/violation';
import { publicKeySchema, recordVerificationSchema } from '../schemas/signature';
import {
  bookmarkSchema,
  caseDetailSchema,
  caseItemSchema,
  caseNoteSchema,
  caseSchema,
  searchResultSchema,
  type CaseItemCreate,
  type SearchQuery,
} from '../schemas/investigate';
import {
  identityAccessSchema,
  identityLookupResultSchema,
  type IdentityLookupRequest,
} from '../schemas/identity';

/** A query string from defined values only (arrays joined by commas). */
function queryString(params: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

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
      recent: (limit = 50) => request('GET', `/api/events?limit=${limit}`, z.array(analyticsEventSchema)),
    },
    map: {
      context: () => request('GET', '/api/map/context', mapContextSchema),
    },
    violations: {
      list: (query: ViolationListQuery = {}) =>
        request('GET', `/api/violations${queryString({ ...query })}`, violationPageSchema),
      counts: () => request('GET', '/api/violations/counts', violationCountsSchema),
      get: (id: string) => request('GET', `/api/violations/${encodeURIComponent(id)}`, violationDetailSchema),
      decide: (id: string, decision: ViolationDecision) =>
        request('POST', `/api/violations/${encodeURIComponent(id)}/decisions`, violationDetailSchema, decision),
      settings: () => request('GET', '/api/violations/settings', violationSettingsSchema),
      updateSettings: (makerChecker: boolean) =>
        request('PUT', '/api/violations/settings', violationSettingsSchema, { makerChecker }),
      /** Same-origin URL of the evidence package (zip); opening it is audited. */
      exportUrl: (id: string) => `${base}/api/violations/${encodeURIComponent(id)}/export`,
    },
    signatures: {
      keys: () => request('GET', '/api/signatures/keys', z.array(publicKeySchema)),
      verifyEvent: (id: string) =>
        request('GET', `/api/events/${encodeURIComponent(id)}/signature`, recordVerificationSchema),
    },
    investigate: {
      search: (query: SearchQuery) =>
        request('GET', `/api/investigate/search${queryString({ ...query })}`, searchResultSchema),
      bookmarks: () => request('GET', '/api/investigate/bookmarks', z.array(bookmarkSchema)),
      bookmark: (eventId: string, note: string | null) =>
        request('PUT', `/api/investigate/bookmarks/${encodeURIComponent(eventId)}`, bookmarkSchema, { note }),
      unbookmark: (eventId: string) =>
        request('DELETE', `/api/investigate/bookmarks/${encodeURIComponent(eventId)}`, z.null()),
      cases: () => request('GET', '/api/investigate/cases', z.array(caseSchema)),
      case: (id: string) => request('GET', `/api/investigate/cases/${encodeURIComponent(id)}`, caseDetailSchema),
      createCase: (body: { title: string; description?: string }) =>
        request('POST', '/api/investigate/cases', caseSchema, body),
      updateCase: (id: string, body: { title?: string; description?: string; status?: 'open' | 'closed' }) =>
        request('PATCH', `/api/investigate/cases/${encodeURIComponent(id)}`, caseSchema, body),
      addItem: (id: string, item: CaseItemCreate) =>
        request('POST', `/api/investigate/cases/${encodeURIComponent(id)}/items`, caseItemSchema, item),
      removeItem: (id: string, itemId: string) =>
        request(
          'DELETE',
          `/api/investigate/cases/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}`,
          z.null(),
        ),
      addNote: (id: string, text: string) =>
        request('POST', `/api/investigate/cases/${encodeURIComponent(id)}/notes`, caseNoteSchema, { text }),
      /** Same-origin URL of the case's evidence package (zip); opening it is audited. */
      exportUrl: (id: string) => `${base}/api/investigate/cases/${encodeURIComponent(id)}/export`,
    },
    identity: {
      lookup: (body: IdentityLookupRequest) =>
        request('POST', '/api/identity/lookups', identityLookupResultSchema, body),
      accessLog: (filter: { userId?: string; limit?: number } = {}) =>
        request('GET', `/api/identity/access-log${queryString(filter)}`, z.array(identityAccessSchema)),
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
