import { z } from 'zod';
import {
  alertDetailSchema,
  alertRuleSchema,
  alertSchema,
  alertUserSchema,
  escalationPolicySchema,
  outboxMessageSchema,
  rosterShiftSchema,
  sopTemplateSchema,
  suppressionSchema,
  type AlertRuleInput,
  type ContactInput,
  type EscalationPolicyInput,
  type RosterShiftInput,
  type SopStepAction,
  type SopTemplateInput,
  type SuppressionInput,
} from '../schemas/alert';
import type { EventType, Severity } from '../schemas/event';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The typed request function of `createApiClient`. */
export type Request = <S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
) => Promise<z.infer<S>>;

const enc = encodeURIComponent;

/** The alert queue and its handling (`/api/alerts`). */
export function alertsApi(request: Request) {
  const act = (id: string, action: string, body: object = {}) =>
    request('POST', `/api/alerts/${enc(id)}/${action}`, alertSchema, body);
  return {
    list: (scope: 'active' | 'closed' | 'all' = 'active', limit = 300) =>
      request('GET', `/api/alerts?scope=${scope}&limit=${limit}`, z.array(alertSchema)),
    get: (id: string) => request('GET', `/api/alerts/${enc(id)}`, alertDetailSchema),
    people: () => request('GET', '/api/alerts/people', z.array(alertUserSchema)),
    notifications: () => request('GET', '/api/alerts/notifications', z.array(outboxMessageSchema)),
    acknowledge: (id: string) => act(id, 'acknowledge'),
    claim: (id: string) => act(id, 'claim'),
    assign: (id: string, userId: string, reason?: string) => act(id, 'assign', { userId, reason }),
    transfer: (id: string, userId: string, reason: string) => act(id, 'transfer', { userId, reason }),
    escalate: (id: string, reason?: string) => act(id, 'escalate', { reason }),
    resolve: (id: string, reason?: string) => act(id, 'resolve', { reason }),
    falsePositive: (id: string, reason: string) => act(id, 'false-positive', { reason }),
    sopStep: (id: string, step: SopStepAction) => act(id, 'sop-steps', step),
  };
}

/** Configuration of the alert loop (`/api/admin/alerts`, `alert:configure`). */
export function alertAdminApi(request: Request) {
  const base = '/api/admin/alerts';
  const save = <S extends z.ZodType>(path: string, schema: S, id: string | null, body: unknown) =>
    id
      ? request('PUT', `${base}/${path}/${enc(id)}`, schema, body)
      : request('POST', `${base}/${path}`, schema, body);
  const remove = (path: string, id: string) => request('DELETE', `${base}/${path}/${enc(id)}`, z.null());
  return {
    rules: () => request('GET', `${base}/rules`, z.array(alertRuleSchema)),
    saveRule: (id: string | null, body: AlertRuleInput) => save('rules', alertRuleSchema, id, body),
    deleteRule: (id: string) => remove('rules', id),
    sops: () => request('GET', `${base}/sops`, z.array(sopTemplateSchema)),
    saveSop: (id: string | null, body: SopTemplateInput) => save('sops', sopTemplateSchema, id, body),
    deleteSop: (id: string) => remove('sops', id),
    policies: () => request('GET', `${base}/policies`, z.array(escalationPolicySchema)),
    savePolicy: (id: string | null, body: EscalationPolicyInput) =>
      save('policies', escalationPolicySchema, id, body),
    deletePolicy: (id: string) => remove('policies', id),
    suppressions: () => request('GET', `${base}/suppressions`, z.array(suppressionSchema)),
    addSuppression: (body: SuppressionInput) =>
      request('POST', `${base}/suppressions`, suppressionSchema, body),
    deleteSuppression: (id: string) => remove('suppressions', id),
    roster: () => request('GET', `${base}/roster`, z.array(rosterShiftSchema)),
    addShift: (body: RosterShiftInput) => request('POST', `${base}/roster`, z.array(rosterShiftSchema), body),
    deleteShift: (id: string) => remove('roster', id),
    people: () => request('GET', `${base}/people`, z.array(alertUserSchema)),
    saveContact: (userId: string, body: ContactInput) =>
      request('PUT', `${base}/people/${enc(userId)}/contact`, z.null(), body),
    outbox: (limit = 200) => request('GET', `${base}/outbox?limit=${limit}`, z.array(outboxMessageSchema)),
    retry: (id: number) => request('POST', `${base}/outbox/${id}/retry`, outboxMessageSchema),
    drill: (body: { cameraId: string; type: EventType; severity: Severity; plate?: string | null }) =>
      request('POST', `${base}/drills`, z.object({ eventId: z.string() }), body),
  };
}
