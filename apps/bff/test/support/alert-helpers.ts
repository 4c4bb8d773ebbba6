import { randomUUID } from 'node:crypto';
import { alertDetailSchema, alertSchema, outboxMessageSchema } from '@c2/api-client/schemas/alert';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import { signIngest } from '../../src/components/events/http/ingest-webhook';
import type { Session } from './test-server';

export const INGEST_SECRET = 'an-alert-test-webhook-secret';

/** Posts events through the signed webhook, as an edge box does. */
export async function postEvents(baseUrl: string, events: object[]): Promise<void> {
  const body = JSON.stringify(events);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${baseUrl}/ingest/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: 'edge-alerts',
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(INGEST_SECRET, ts, body),
    },
    body,
  });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
}

export function wrongWay(cameraId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `evt-${randomUUID()}`,
    cameraId,
    type: 'wrong_way',
    severity: 'critical',
    ts: new Date().toISOString(),
    objects: [{ label: 'car', confidence: 0.93 }],
    plate: '99A-123.45',
    ...overrides,
  };
}

/** A JSON call with the session's cookie and CSRF token; answers status and parsed body. */
export async function call(
  baseUrl: string,
  s: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

export async function alertsOf(baseUrl: string, s: Session, scope = 'all') {
  const r = await call(baseUrl, s, 'GET', `/api/alerts?scope=${scope}`);
  if (r.status !== 200) throw new Error(`list answered ${r.status}`);
  return alertSchema.array().parse(r.body);
}

export async function detailOf(baseUrl: string, s: Session, id: string) {
  const r = await call(baseUrl, s, 'GET', `/api/alerts/${id}`);
  if (r.status !== 200) throw new Error(`detail answered ${r.status}`);
  return alertDetailSchema.parse(r.body);
}

export async function outboxOf(baseUrl: string, admin: Session, alertId: string) {
  const r = await call(baseUrl, admin, 'GET', `/api/admin/alerts/outbox?alertId=${alertId}`);
  if (r.status !== 200) throw new Error(`outbox answered ${r.status}`);
  return outboxMessageSchema.array().parse(r.body);
}
