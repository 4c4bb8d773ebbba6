import { z } from 'zod';
import { ApiError } from './api-error';
import { CSRF_HEADER } from '../realtime/events';
import { sessionInfoSchema, type LoginRequest } from '../schemas/user';
import { cameraSchema, cameraSummarySchema } from '../schemas/camera';
import { unitSchema } from '../schemas/unit';
import { analyticsEventSchema } from '../schemas/event';
import { mapContextSchema } from '../schemas/map';
import {
  deviceDetailSchema,
  deviceHistorySchema,
  deviceSchema,
  healingAttemptSchema,
  slaReportSchema,
  streamProbeSchema,
  type DeviceKind,
} from '../schemas/device';

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
    devices: {
      list: () => request('GET', '/api/devices', z.array(deviceSchema)),
      get: (id: string) => request('GET', `/api/devices/${encodeURIComponent(id)}`, deviceDetailSchema),
      history: (id: string, hours = 24) =>
        request('GET', `/api/devices/${encodeURIComponent(id)}/history?hours=${hours}`, deviceHistorySchema),
      probe: (id: string) =>
        request('POST', `/api/devices/${encodeURIComponent(id)}/probe`, streamProbeSchema),
      restart: (id: string) =>
        request('POST', `/api/devices/${encodeURIComponent(id)}/restart`, healingAttemptSchema),
      sla: (from: string, to: string, kind?: DeviceKind) =>
        request(
          'GET',
          `/api/devices/sla?${new URLSearchParams({ from, to, ...(kind ? { kind } : {}) }).toString()}`,
          slaReportSchema,
        ),
      /** The fresh snapshot and the CSV export are binary/text: their URLs, fetched by the caller. */
      snapshotUrl: (id: string) => `${base}/api/devices/${encodeURIComponent(id)}/snapshot`,
      slaCsvUrl: (from: string, to: string, kind?: DeviceKind) =>
        `${base}/api/devices/sla.csv?${new URLSearchParams({ from, to, ...(kind ? { kind } : {}) }).toString()}`,
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
