import { z } from 'zod';
import { ApiError } from './api-error';
import { CSRF_HEADER } from '../realtime/events';
import { sessionInfoSchema, type LoginRequest } from '../schemas/user';
import { cameraSchema, cameraSummarySchema } from '../schemas/camera';
import { unitSchema } from '../schemas/unit';
import { analyticsEventSchema } from '../schemas/event';
import { mapContextSchema } from '../schemas/map';
import {
  authProvidersSchema,
  enrolLoginResultSchema,
  loginResultSchema,
  mfaEnrolmentSchema,
  mfaStatusSchema,
  recoveryCodesSchema,
  sessionSummarySchema,
  type MfaConfirmRequest,
  type MfaVerifyRequest,
} from '../schemas/auth';
import { auditPageSchema, auditVerificationSchema, type AuditQuery } from '../schemas/audit';
import { adminUserSchema, type CreateUser, type UpdateUser } from '../schemas/admin';
import { createdSharingKeySchema, sharingKeySchema, type CreateSharingKey } from '../schemas/sharing';

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

/** `?a=1&b=x` from the defined values of a filter object ('' when none). */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][])
    if ((typeof v === 'string' && v !== '') || typeof v === 'number') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
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
      login: (body: LoginRequest) => request('POST', '/api/auth/login', loginResultSchema, body),
      logout: () => request('POST', '/api/auth/logout', z.null()),
      me: () => request('GET', '/api/auth/me', sessionInfoSchema),
      providers: () => request('GET', '/api/auth/providers', authProvidersSchema),
      /** Second step of a login: the code for the pending challenge (held by a cookie). */
      verifyMfa: (body: MfaVerifyRequest) => request('POST', '/api/auth/login/mfa', sessionInfoSchema, body),
      /** Enrolment forced at login: a fresh secret for the pending challenge, then its confirmation. */
      startLoginEnrolment: () => request('POST', '/api/auth/login/enrol', mfaEnrolmentSchema),
      confirmLoginEnrolment: (body: MfaConfirmRequest) =>
        request('POST', '/api/auth/login/enrol/confirm', enrolLoginResultSchema, body),
      mfa: () => request('GET', '/api/auth/mfa', mfaStatusSchema),
      /** Re-enrolment from a live session (a new phone): a new secret, confirmed with a code from it. */
      startEnrolment: (body: { code?: string }) =>
        request('POST', '/api/auth/mfa/enrol', mfaEnrolmentSchema, body),
      confirmEnrolment: (body: MfaConfirmRequest) =>
        request('POST', '/api/auth/mfa/enrol/confirm', recoveryCodesSchema, body),
      regenerateRecoveryCodes: (body: MfaVerifyRequest) =>
        request('POST', '/api/auth/mfa/recovery-codes', recoveryCodesSchema, body),
      sessions: () => request('GET', '/api/auth/sessions', z.array(sessionSummarySchema)),
      revokeSession: (id: string) =>
        request('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`, z.null()),
    },
    audit: {
      list: (query: AuditQuery) => request('GET', `/api/audit${queryString(query)}`, auditPageSchema),
      /** Where the CSV export of these filters downloads from (a plain link: the browser saves the file). */
      exportUrl: (query: AuditQuery) => `${base}/api/audit/export.csv${queryString(query)}`,
      verify: () => request('GET', '/api/audit/verify', auditVerificationSchema),
    },
    admin: {
      users: () => request('GET', '/api/admin/users', z.array(adminUserSchema)),
      createUser: (body: CreateUser) => request('POST', '/api/admin/users', adminUserSchema, body),
      updateUser: (id: string, body: UpdateUser) =>
        request('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, adminUserSchema, body),
      resetMfa: (id: string) =>
        request('POST', `/api/admin/users/${encodeURIComponent(id)}/mfa/reset`, adminUserSchema),
      unlock: (id: string) =>
        request('POST', `/api/admin/users/${encodeURIComponent(id)}/unlock`, adminUserSchema),
      forceLogout: (id: string) =>
        request('POST', `/api/admin/users/${encodeURIComponent(id)}/logout`, adminUserSchema),
      sharingKeys: () => request('GET', '/api/admin/sharing-keys', z.array(sharingKeySchema)),
      createSharingKey: (body: CreateSharingKey) =>
        request('POST', '/api/admin/sharing-keys', createdSharingKeySchema, body),
      revokeSharingKey: (id: string) =>
        request('POST', `/api/admin/sharing-keys/${encodeURIComponent(id)}/revoke`, sharingKeySchema),
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
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
