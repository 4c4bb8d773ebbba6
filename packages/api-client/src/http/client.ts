import { z } from 'zod';
import { ApiError } from './api-error';
import { CSRF_HEADER } from '../realtime/events';
import { sessionInfoSchema, type LoginRequest } from '../schemas/user';
import { cameraSchema, cameraSummarySchema } from '../schemas/camera';
import { unitSchema } from '../schemas/unit';
import {
  analyticsEventSchema,
  deadLetterSchema,
  eventPageSchema,
  eventQueryString,
  NO_EVENT_FILTER,
  type EventFilter,
} from '../schemas/event';
import { mapContextSchema } from '../schemas/map';
import { alertAdminApi, alertsApi } from './alerts-api';
import {
  dispatchSettingsSchema,
  fieldAssignmentSchema,
  incidentSchema,
  nearbyCameraSchema,
  timelineEntrySchema,
  unitSuggestionSchema,
  type AssignRequest,
  type CloseRequest,
  type CreateIncidentRequest,
  type LinkRequest,
  type NoteRequest,
  type ResolveRequest,
  type UnitStatusRequest,
} from '../schemas/incident';

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
    binary?: { data: Blob | Uint8Array; contentType: string },
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-request-id': nextRequestId(),
      ...options.headers?.(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (binary) headers['content-type'] = binary.contentType;
    if (method !== 'GET') {
      const token = options.csrfToken?.();
      if (token) headers[CSRF_HEADER] = token;
    }
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: binary
        ? (binary.data as NonNullable<RequestInit['body']>)
        : body === undefined
          ? undefined
          : JSON.stringify(body),
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
      setStatus: (id: string, body: UnitStatusRequest) =>
        request('POST', `/api/units/${encodeURIComponent(id)}/status`, unitSchema, body),
    },
    incidents: {
      list: (scope: 'open' | 'closed' | 'all' = 'open') =>
        request('GET', `/api/incidents?scope=${scope}`, z.array(incidentSchema)),
      get: (id: string) => request('GET', `/api/incidents/${encodeURIComponent(id)}`, incidentSchema),
      create: (body: CreateIncidentRequest) => request('POST', '/api/incidents', incidentSchema, body),
      timeline: (id: string) =>
        request('GET', `/api/incidents/${encodeURIComponent(id)}/timeline`, z.array(timelineEntrySchema)),
      candidates: () => request('GET', '/api/incidents/candidates', z.array(analyticsEventSchema)),
      suggestions: (id: string, limit = 5) =>
        request(
          'GET',
          `/api/incidents/${encodeURIComponent(id)}/suggestions?limit=${limit}`,
          z.array(unitSuggestionSchema),
        ),
      nearestCameras: (id: string, limit = 6) =>
        request(
          'GET',
          `/api/incidents/${encodeURIComponent(id)}/cameras?limit=${limit}`,
          z.array(nearbyCameraSchema),
        ),
      acknowledge: (id: string) =>
        request('POST', `/api/incidents/${encodeURIComponent(id)}/acknowledge`, incidentSchema, {}),
      assign: (id: string, body: AssignRequest) =>
        request('POST', `/api/incidents/${encodeURIComponent(id)}/assignments`, incidentSchema, body),
      release: (id: string, unitId: string) =>
        request(
          'DELETE',
          `/api/incidents/${encodeURIComponent(id)}/assignments/${encodeURIComponent(unitId)}`,
          incidentSchema,
        ),
      note: (id: string, body: NoteRequest) =>
        request('POST', `/api/incidents/${encodeURIComponent(id)}/notes`, timelineEntrySchema, body),
      link: (id: string, body: LinkRequest) =>
        request('POST', `/api/incidents/${encodeURIComponent(id)}/links`, incidentSchema, body),
      resolve: (id: string, body: ResolveRequest = {}) =>
        request('POST', `/api/incidents/${encodeURIComponent(id)}/resolve`, incidentSchema, body),
      close: (id: string, body: CloseRequest) =>
        request('POST', `/api/incidents/${encodeURIComponent(id)}/close`, incidentSchema, body),
    },
    dispatch: {
      settings: () => request('GET', '/api/dispatch/settings', dispatchSettingsSchema),
    },
    field: {
      assignment: () => request('GET', '/api/field/assignment', fieldAssignmentSchema),
      accept: () => request('POST', '/api/field/assignment/accept', fieldAssignmentSchema, {}),
      status: (body: UnitStatusRequest) => request('POST', '/api/field/status', fieldAssignmentSchema, body),
      checkIn: () => request('POST', '/api/field/check-in', fieldAssignmentSchema, {}),
      note: (body: NoteRequest) => request('POST', '/api/field/assignment/notes', timelineEntrySchema, body),
      photo: (data: Blob | Uint8Array, contentType: string) =>
        request('POST', '/api/field/assignment/photos', timelineEntrySchema, undefined, {
          data,
          contentType,
        }),
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
