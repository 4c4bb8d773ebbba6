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
import {
  deviceDetailSchema,
  deviceHistorySchema,
  deviceSchema,
  healingAttemptSchema,
  slaReportSchema,
  streamProbeSchema,
  type DeviceKind,
} from '../schemas/device';
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

/** `?a=1&b=x` from the defined values of a filter object (arrays joined by commas; '' when none). */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][]) {
    if ((typeof v === 'string' && v !== '') || typeof v === 'number' || typeof v === 'boolean')
      params.set(k, String(v));
    else if (Array.isArray(v) && v.length > 0) params.set(k, v.join(','));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
import { basemapSchema, violationHeatSchema, type ViolationHeatQuery } from '../schemas/map';
import { streamInfoSchema, streamUrls } from '../schemas/stream';
import { wallLayoutSchema, type WallLayoutInput } from '../schemas/wall';
import {
  analyticalDashboardSchema,
  dashboardQueryString,
  kpiTargetsSchema,
  operationalDashboardSchema,
  strategicDashboardSchema,
  type DashboardQuery,
  type KpiTargets,
} from '../schemas/dashboard';

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
      basemap: () => request('GET', '/api/map/basemap', basemapSchema),
      violationHeat: (q: ViolationHeatQuery) =>
        request(
          'GET',
          `/api/map/violation-heat?${query({ from: q.from, to: q.to, types: q.types?.join(',') })}`,
          violationHeatSchema,
        ),
    },
    alerts: alertsApi(request),
    alertAdmin: alertAdminApi(request),
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
    dashboards: {
      operational: (area?: string) =>
        request(
          'GET',
          `/api/dashboards/operational${dashboardQueryString({ ...(area ? { area } : {}) })}`,
          operationalDashboardSchema,
        ),
      analytical: (q: DashboardQuery = {}) =>
        request('GET', `/api/dashboards/analytical${dashboardQueryString(q)}`, analyticalDashboardSchema),
      strategic: (q: DashboardQuery = {}) =>
        request('GET', `/api/dashboards/strategic${dashboardQueryString(q)}`, strategicDashboardSchema),
      targets: () => request('GET', '/api/admin/kpi-targets', kpiTargetsSchema),
      setTargets: (targets: KpiTargets) =>
        request('PUT', '/api/admin/kpi-targets', kpiTargetsSchema, targets),
    },
    violations: {
      list: (query: ViolationListQuery = {}) =>
        request('GET', `/api/violations${queryString({ ...query })}`, violationPageSchema),
      counts: () => request('GET', '/api/violations/counts', violationCountsSchema),
      get: (id: string) => request('GET', `/api/violations/${encodeURIComponent(id)}`, violationDetailSchema),
      decide: (id: string, decision: ViolationDecision) =>
        request(
          'POST',
          `/api/violations/${encodeURIComponent(id)}/decisions`,
          violationDetailSchema,
          decision,
        ),
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
      case: (id: string) =>
        request('GET', `/api/investigate/cases/${encodeURIComponent(id)}`, caseDetailSchema),
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
    streams: {
      info: (cameraId: string) => request('GET', streamUrls.info(cameraId), streamInfoSchema),
    },
    wallLayouts: {
      list: () => request('GET', '/api/wall-layouts', z.array(wallLayoutSchema)),
      create: (body: WallLayoutInput) => request('POST', '/api/wall-layouts', wallLayoutSchema, body),
      update: (id: string, body: WallLayoutInput) =>
        request('PUT', `/api/wall-layouts/${encodeURIComponent(id)}`, wallLayoutSchema, body),
      remove: (id: string) => request('DELETE', `/api/wall-layouts/${encodeURIComponent(id)}`, z.null()),
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
