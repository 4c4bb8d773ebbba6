import { z } from 'zod';
import { ApiError } from './api-error';
import { CSRF_HEADER } from '../realtime/events';
import { sessionInfoSchema, type LoginRequest } from '../schemas/user';
import {
  cameraSchema,
  cameraSummarySchema,
  nearestCameraSchema,
  type NearestCamerasQuery,
} from '../schemas/camera';
import { unitSchema } from '../schemas/unit';
import { analyticsEventSchema } from '../schemas/event';
import {
  basemapSchema,
  mapContextSchema,
  violationHeatSchema,
  type ViolationHeatQuery,
} from '../schemas/map';

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

/** A query string from the defined values only. */
function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
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
      /** The cameras nearest a point that the caller may see (classification and jurisdiction), nearest first. */
      nearest: (q: NearestCamerasQuery) =>
        request(
          'GET',
          `/api/cameras/nearest?${query({ lng: q.lng, lat: q.lat, limit: q.limit, maxDistanceM: q.maxDistanceM })}`,
          z.array(nearestCameraSchema),
        ),
    },
    units: {
      list: () => request('GET', '/api/units', z.array(unitSchema)),
    },
    events: {
      recent: (limit = 50) => request('GET', `/api/events?limit=${limit}`, z.array(analyticsEventSchema)),
      /** The newest events of one camera (404 when the caller may not see it). */
      ofCamera: (cameraId: string, limit = 10) =>
        request('GET', `/api/events?${query({ cameraId, limit })}`, z.array(analyticsEventSchema)),
    },
    map: {
      context: () => request('GET', '/api/map/context', mapContextSchema),
      basemap: () => request('GET', '/api/map/basemap', basemapSchema),
      violationHeat: (q: ViolationHeatQuery) =>
        request(
          'GET',
          `/api/map/violation-heat?${query({ from: q.from, to: q.to, types: q.types?.join(',') })}`,
          violationHeatSchema,
        ),
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
