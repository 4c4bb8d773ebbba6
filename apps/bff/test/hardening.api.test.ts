import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX } from '@c2/api-client/permissions';
import { ROLES, type Role } from '@c2/api-client/schemas/role';
import { cameraSchema } from '@c2/api-client/schemas/camera';
import { listRoutes, type RouteInfo } from '../src/components/auth/http/route-inventory';
import { WARD_OPERATOR } from '../src/components/auth/domain/auth-service';
import {
  dropSchema,
  errorOf,
  login,
  PASSWORD,
  startTestServer,
  totpNow,
  type Session,
  usernameOf,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const logLines: string[] = [];
let dist: string;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  // A built console stand-in, to attack the static file serving too.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'c2-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>c2</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const logger = pino(
    {
      level: 'debug',
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', 'password', '*.token'],
        censor: '[redacted]',
      },
    },
    sink,
  );
  server = await startTestServer({ consoleDist: dist }, { logger });
  for (const role of ROLES) sessions.set(role, await login(server.url, usernameOf(role)));
});
afterAll(async () => {
  await server?.stop();
  await dropSchema(server.schema);
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (p: string, s?: Session) =>
  fetch(`${server.url}${p}`, { headers: s ? { cookie: s.cookie } : {} });

/** A role the matrix allows on the route (or any role for session-only routes). */
function allowedRole(route: RouteInfo): Role | null {
  const perms = route.guards.filter((g) => g.kind === 'permission');
  return ROLES.find((r) => perms.every((g) => g.anyOf.some((p) => PERMISSION_MATRIX[r].includes(p)))) ?? null;
}
const userRoutes = () =>
  listRoutes(server.app).filter(
    (r) =>
      r.path.startsWith('/api/') && r.guards.some((g) => g.kind === 'permission' || g.kind === 'session'),
  );
const LEAKS =
  /syntax error|pg_|relation "|ECONNREFUSED|at \w+ \(|node_modules|\/etc\/passwd|root:x:0:0|password_hash|secret_hash/i;

describe('jurisdiction: a ward operator sees only their ward', () => {
  it("when the ward operator lists cameras, events and units, then only their ward's come back", async () => {
    const ward = await login(server.url, WARD_OPERATOR.username);
    const cameras = await ward.api.cameras.list();
    expect(cameras.length).toBeGreaterThan(0);
    expect(new Set(cameras.map((c) => c.areaId))).toEqual(new Set(WARD_OPERATOR.areas));
    const summary = await ward.api.cameras.summary();
    expect(summary.total).toBe(cameras.length);
    for (const e of (await ward.api.events.list(undefined, { limit: 200 })).events)
      expect(WARD_OPERATOR.areas).toContain(e.areaId);
    for (const u of await ward.api.units.list()) expect(WARD_OPERATOR.areas).toContain(u.areaId);
  });

  it("when the ward operator asks for another ward's camera by id, then 404 with nothing of it in the answer", async () => {
    const ward = await login(server.url, WARD_OPERATOR.username);
    const all = await sessions.get('operator')!.api.cameras.list();
    const foreign = all.find((c) => !WARD_OPERATOR.areas.includes(c.areaId as 'p-phuong-son'))!;
    const res = await get(`/api/cameras/${foreign.id}`, ward);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain(foreign.name);
    expect(text).not.toContain(foreign.areaId);
    // Its own ward's camera opens.
    const own = (await ward.api.cameras.list())[0]!;
    expect(cameraSchema.parse(await (await get(`/api/cameras/${own.id}`, ward)).json()).id).toBe(own.id);
  });
});

describe('bypass attempts', () => {
  it('when the session cookie is missing, forged or for a logged-out session, then 401', async () => {
    expect((await get('/api/cameras')).status).toBe(401);
    expect(
      (await fetch(`${server.url}/api/cameras`, { headers: { cookie: 'c2_sid=forged-token' } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${server.url}/api/cameras`, { headers: { cookie: `c2_sid=${'A'.repeat(5000)}` } }))
        .status,
    ).toBe(401);
    const gone = await login(server.url, 'dispatcher');
    await gone.api.auth.logout();
    expect((await get('/api/cameras', gone)).status).toBe(401);
  });

  it("when a mutation carries another session's CSRF token, or none, or the wrong origin, then 403 csrf", async () => {
    const a = await login(server.url, 'dispatcher');
    const b = await login(server.url, 'dispatcher');
    const attempts: Record<string, string>[] = [
      { cookie: a.cookie, 'x-csrf-token': b.csrf },
      { cookie: a.cookie },
      { cookie: a.cookie, 'x-csrf-token': a.csrf, origin: 'http://evil.example' },
      { cookie: a.cookie, 'x-csrf-token': a.csrf, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('csrf');
    }
    expect((await get('/api/auth/me', a)).status).toBe(200);
  });

  it('when a pending MFA step is used with a password session, or a session cookie is used as the MFA cookie, then nothing opens', async () => {
    const op = await login(server.url, 'operator');
    const token = /c2_sid=([^;]+)/.exec(op.cookie)![1]!;
    const res = await fetch(`${server.url}/api/auth/login/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `c2_mfa=${token}` },
      body: JSON.stringify({ code: totpNow() }),
    });
    expect(res.status).toBe(401);
  });
});

describe('hostile input on every route', () => {
  const PAYLOADS = [
    "' OR '1'='1",
    '1; DROP TABLE users;--',
    '$(id)',
    '../../../../etc/passwd',
    '<script>alert(1)</script>',
    '{"$ne":null}',
    '%00',
    'x'.repeat(500),
  ];
  const PARAMS = [
    'q',
    'search',
    'limit',
    'from',
    'to',
    'before',
    'after',
    'type',
    'severity',
    'area',
    'areaId',
    'camera',
    'cameraId',
    'status',
    'state',
    'actor',
    'action',
    'target',
    'plate',
    'sort',
    'order',
    'cursor',
    'id',
  ];

  it('when every filter parameter of every GET route carries injection payloads, then 2xx/400/404 only, and nothing leaks', async () => {
    const problems: string[] = [];
    for (const route of userRoutes().filter((r) => r.method === 'GET')) {
      const role = allowedRole(route);
      if (!role) continue;
      for (const payload of PAYLOADS) {
        const query = PARAMS.map((p) => `${p}=${encodeURIComponent(payload)}`).join('&');
        const url = `${route.path.replace(/:(\w+)/g, encodeURIComponent(payload))}?${query}`;
        const res = await get(url, sessions.get(role));
        const body = await res.text();
        // A stream URL answers a camera the caller may not open, unknown ones included, 403 (streams.api.test).
        const refusedStream = res.status === 403 && route.path.startsWith('/api/streams/:cameraId');
        if (![200, 204, 400, 404, 414, 431].includes(res.status) && !refusedStream)
          problems.push(`${res.status} GET ${route.path} ${payload.slice(0, 20)}`);
        if (LEAKS.test(body)) problems.push(`leak from GET ${route.path}: ${body.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
    // Still standing, tables intact.
    expect((await get('/healthz')).status).toBe(200);
    expect(
      (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]!.n,
    ).toBeGreaterThan(5);
  });

  it('when every mutation route gets an oversized, malformed, or wrongly typed body, then 413 / 400 and the process stays up', async () => {
    const problems: string[] = [];
    const mutations = userRoutes().filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
    expect(mutations.length).toBeGreaterThan(5);
    for (const route of mutations.filter((r) => r.path !== '/api/auth/logout')) {
      const role = allowedRole(route);
      if (!role) continue;
      const s = sessions.get(role)!;
      const url = `${server.url}${route.path.replace(/:(\w+)/g, 'zz-probe')}`;
      const send = (body: string, type = 'application/json') =>
        fetch(url, {
          method: route.method,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type },
          body,
        });
      const huge = await send(JSON.stringify({ text: 'x'.repeat(300_000) }));
      if (huge.status !== 413) problems.push(`${route.method} ${route.path} huge: ${huge.status}`);
      const bodies: [string, number[]][] = [
        ['{"a":', [400]],
        ['[1,2,3]', [400, 404]],
        ['"just a string"', [400]],
        ['null', [400, 404]],
        // Valid JSON with unknown members: they are dropped, so a route whose fields are all optional may accept it.
        [JSON.stringify({ a: { b: { c: [1, { d: 2 }] } } }), [200, 201, 400, 404, 409]],
      ];
      for (const [body, expected] of bodies) {
        const res = await send(body);
        if (!expected.includes(res.status))
          problems.push(`${route.method} ${route.path} ${body.slice(0, 12)}: ${res.status}`);
        const text = await res.text();
        if (LEAKS.test(text)) problems.push(`leak from ${route.method} ${route.path}: ${text.slice(0, 100)}`);
      }
    }
    expect(problems).toEqual([]);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('when paths try to climb out of the console or name secret files, then nothing but the console comes back', async () => {
    const attempts = [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5c..%5cetc%5cpasswd',
      '/.data/mfa.key',
      '/assets/../../.data/mfa.key',
      '/.env',
      '/api/cameras/..%2f..%2f..%2fetc%2fpasswd',
      '/share/v1/cameras/..%2f..%2fetc%2fpasswd',
    ];
    const key = fs.readFileSync(path.join(server.config.dataDir, 'mfa.key'), 'utf8').trim();
    for (const attempt of attempts) {
      const res = await fetch(`${server.url}${attempt}`, {
        headers: { cookie: sessions.get('admin')!.cookie },
      });
      const body = await res.text();
      expect(body, attempt).not.toMatch(/root:x:0:0|"name": "c2-console"|"dependencies"/);
      expect(body, attempt).not.toContain(key);
      expect(res.status, attempt).toBeLessThan(500);
    }
    expect(await (await get('/assets/app.js')).text()).toBe('console.log(1)');
  });
});

describe('no secrets in the logs', () => {
  it('when people sign in (password, TOTP, recovery), then no password, code, token or cookie reaches the log', async () => {
    const code = totpNow();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'secret-probe' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD, code }),
    });
    const cookie = res.headers.getSetCookie().join(';');
    const token = /c2_sid=([^;]+)/.exec(cookie)![1]!;
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong-but-secret-123' }),
    });
    await fetch(`${server.url}/api/cameras?limit=${'9'.repeat(20)}`, {
      headers: { cookie: `c2_sid=${token}` },
    });
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'wrong-but-secret-123', token, code]) expect(log).not.toContain(secret);
  });
});
