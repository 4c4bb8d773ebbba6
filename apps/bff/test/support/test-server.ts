import type { Role } from '@c2/api-client/schemas/role';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { createApiClient, type ApiClient } from '@c2/api-client/http/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@c2/api-client/realtime/events';
import type { LogEntry, Replay } from '@c2/api-client/schemas/live';
import { apiErrorBody, type ApiErrorBody } from '@c2/api-client/schemas/common';
import { enrolLoginResultSchema, mfaEnrolmentSchema } from '@c2/api-client/schemas/auth';
import { EMBEDDED_SEED_TOTP_SECRET, type Config } from '../../src/platform/config';
import { totpAt } from '../../src/components/auth/domain/totp';
import { startServer, type RunningServer } from '../../src/server';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import { dropPostgresSchema } from '../../src/platform/db';
import { signIngest } from '../../src/components/events/http/ingest-webhook';
import type { Logger } from '../../src/platform/logger';

export const PASSWORD = 'Test-password-1';

/**
 * The seeded account of a role: the username is the role, except field crews, whose accounts are named after
 * their unit's call sign (the first simulated unit's crew stands for the role).
 */
export const usernameOf = (role: Role): string => (role === 'field' ? 'csgt-01' : role);

/**
 * Starts the real BFF on port 0: PGlite in memory by default, or a fresh schema of the PostgreSQL named by
 * DATABASE_URL (CI runs the suite both ways). The simulated province is small and quiet unless a test asks.
 */
export async function startTestServer(
  overrides: Partial<Config> = {},
  options: { logger?: Logger } = {},
): Promise<RunningServer & { schema: string }> {
  const schema = overrides.databaseSchema ?? `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const server = await startServer({
    env: process.env,
    ...(options.logger ? { logger: options.logger } : {}),
    config: {
      port: 0,
      host: '127.0.0.1',
      pgliteDir: 'memory://',
      databaseSchema: schema,
      logLevel: (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent',
      seedPassword: PASSWORD,
      simCameras: 60,
      simUnits: 3,
      simEventsPerMinute: 0,
      simFaults: false,
      // The daily summary e-mail would land in every test's outbox: sent on request only (dashboards.api.test.ts).
      dashboardSummaryHour: -1,
      consoleDist: '/nonexistent',
      liveBatchMs: 50,
      // Tests log the same seeded account in many times within one 30-second TOTP step.
      mfaRejectReusedCodes: false,
      // Image checks render and decode pictures: off unless a test is about them (devices.api.test.ts).
      deviceQualityMaxPerSecond: 0,
      ...overrides,
    },
  });
  return { ...server, schema };
}

/** Drops a test's PostgreSQL schema (nothing to do on PGlite in memory). */
export async function dropSchema(schema: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await dropPostgresSchema(url, schema);
}

export interface Session {
  cookie: string;
  csrf: string;
  api: ApiClient;
}

/** The cookies a response sets, as a Cookie header. */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !/=$/.test(c!))
    .join('; ');
}

/** The code an authenticator app shows now for a secret (the seeded accounts' secret by default). */
export function totpNow(secret = EMBEDDED_SEED_TOTP_SECRET): string {
  return totpAt(secret, Date.now() / 1000);
}

/**
 * Logs in through the real endpoints and returns a client that carries the session like a browser would. Accounts
 * with MFA answer the second step with a code from `totpSecret` (the seeded accounts' secret by default); an MFA
 * account not yet enrolled (created by the test) is enrolled on the way.
 */
export async function login(
  baseUrl: string,
  username: string,
  password = PASSWORD,
  totpSecret = EMBEDDED_SEED_TOTP_SECRET,
): Promise<Session> {
  let res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  let body = (await res.json()) as { csrfToken?: string; mfa?: string };
  if (body.mfa === 'totp') {
    res = await fetch(`${baseUrl}/api/auth/login/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookiesOf(res) },
      body: JSON.stringify({ code: totpNow(totpSecret) }),
    });
    if (!res.ok) throw new Error(`login ${username} (code) failed: ${res.status} ${await res.text()}`);
    body = (await res.json()) as { csrfToken?: string };
  } else if (body.mfa === 'enrol') {
    // An account of an MFA role created by the test: enrol it as its owner would, then it is signed in.
    const challenge = cookiesOf(res);
    const post = (path: string, payload: unknown) =>
      fetch(`${baseUrl}/api/auth/login/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: challenge },
        body: JSON.stringify(payload),
      });
    const { secret } = mfaEnrolmentSchema.parse(await (await post('enrol', {})).json());
    res = await post('enrol/confirm', { code: totpAt(secret, Date.now() / 1000) });
    if (!res.ok) throw new Error(`login ${username} (enrolment) failed: ${res.status} ${await res.text()}`);
    body = { csrfToken: enrolLoginResultSchema.parse(await res.json()).session.csrfToken };
  }
  if (!body.csrfToken) throw new Error(`login ${username} stopped at step ${JSON.stringify(body)}`);
  const cookie = cookiesOf(res);
  const csrf = body.csrfToken;
  const api = createApiClient({ baseUrl, headers: () => ({ cookie }), csrfToken: () => csrf });
  return { cookie, csrf, api };
}

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A console-like live client: collects every log entry it receives (replay and live), in arrival order, and
 * tracks the highest seq applied, as the console does.
 */
export function liveClient(baseUrl: string, cookie: string, lastSeq: number | null = null) {
  const received: LogEntry[] = [];
  const replays: Replay[] = [];
  const state = { lastSeq };
  const socket: LiveSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: (cb) => cb({ lastSeq: state.lastSeq }),
    reconnection: false,
  });
  const apply = (entries: LogEntry[]) => {
    for (const e of entries) {
      received.push(e);
      state.lastSeq = Math.max(state.lastSeq ?? 0, e.seq);
    }
  };
  socket.on('log:replay', (r) => {
    replays.push(r);
    apply(r.entries);
    if (state.lastSeq === null) state.lastSeq = r.head;
  });
  socket.on('log:entries', apply);
  const ready = new Promise<Replay>((resolve, reject) => {
    socket.once('log:replay', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, received, replays, state, ready };
}

/** Polls until the predicate holds or the time is up (then the last error is thrown). */
export async function eventually<T>(fn: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw lastError;
}

/** The error body of a failed response, validated against the contract. */
export async function errorOf(res: Response): Promise<ApiErrorBody['error']> {
  return apiErrorBody.parse(await res.json()).error;
}

/** Posts events through the signed ingestion webhook, as an edge box or the AI platform would. */
export async function postEvents(
  baseUrl: string,
  key: { id: string; secret: string },
  events: readonly object[],
): Promise<Array<{ outcome: string; id?: string; reason?: string }>> {
  const body = JSON.stringify(events);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${baseUrl}/ingest/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: key.id,
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(key.secret, ts, body),
    },
    body,
  });
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: Array<{ outcome: string; id?: string; reason?: string }> })
    .results;
}
