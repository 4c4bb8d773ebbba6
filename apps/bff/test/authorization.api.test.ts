import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX, TOPIC_PERMISSION } from '@c2/api-client/permissions';
import { ROLES, type Role } from '@c2/api-client/schemas/role';
import type { LogTopic } from '@c2/api-client/schemas/live';
import { listRoutes, type RouteInfo } from '../src/components/auth/http/route-inventory';
import type { GuardTag } from '../src/components/auth/http/auth-guards';
import { WARD_OPERATOR } from '../src/components/auth/domain/auth-service';
import type { Change } from '../src/components/live/domain/event-log';
import {
  dropSchema,
  eventually,
  liveClient,
  login,
  startTestServer,
  type Session,
  usernameOf,
} from './support/test-server';

/*
 * Authorization on every path, generated: every route the app has (read from its router, so routes added by any
 * component are covered without editing this file) is called as every role and as nobody, and the answer is held
 * against the permission matrix. Then every live topic of TOPIC_PERMISSION is pushed and replayed to every role.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const sessions = new Map<Role, Session>();
const PROBE_ID = 'zz-authz-probe';
/**
 * A public camera stands in for `:cameraId`: the stream routes answer an unknown camera 403, exactly as a secret one
 * (so a URL never tells whether a camera exists), which would read here as "the role is forbidden".
 */
let probeCamera = PROBE_ID;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) sessions.set(role, await login(server.url, usernameOf(role)));
  const cameras = await sessions.get('operator')!.api.cameras.list();
  probeCamera = cameras.find((c) => c.classification === 'public')!.id;
});
afterAll(async () => {
  await server?.stop();
  await dropSchema(server.schema);
});

type Expectation = 'public' | 'machine' | { roles: ReadonlySet<Role> };

/** What the guards on a route's way demand, in matrix terms: every permission guard must be passed. */
function expectationOf(guards: readonly GuardTag[]): Expectation {
  if (guards.some((g) => g.kind === 'machine')) return 'machine';
  const perms = guards.filter((g): g is Extract<GuardTag, { kind: 'permission' }> => g.kind === 'permission');
  if (perms.length === 0 && !guards.some((g) => g.kind === 'session')) return 'public';
  return {
    roles: new Set(
      ROLES.filter((r) => perms.every((g) => g.anyOf.some((p) => PERMISSION_MATRIX[r].includes(p)))),
    ),
  };
}

const concrete = (path: string) =>
  path
    .replace(/:cameraId\b/g, probeCamera)
    .replace(/:(\w+)/g, PROBE_ID)
    .replace(/\*(\w+)?/g, `${PROBE_ID}/file`)
    .replace(/\{|\}/g, '');

async function call(route: RouteInfo, session: Session | null): Promise<Response> {
  const method = route.method === 'ALL' ? 'GET' : route.method;
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
  if (hasBody) headers['content-type'] = 'application/json';
  return fetch(`${server.url}${concrete(route.path)}`, {
    method,
    headers,
    body: hasBody ? '{}' : undefined,
    redirect: 'manual',
  });
}

/** Routes that end the caller's own session go last, so they cannot spoil the calls after them. */
const endsSession = (r: RouteInfo) => r.path === '/api/auth/logout';

describe('authorization on every REST route, generated from the router and the matrix', () => {
  it('when the app is listed, then every route carries a permission guard or is declared public or machine', () => {
    const routes = listRoutes(server.app);
    expect(routes.length).toBeGreaterThan(20);
    const holes = routes.filter((r) => r.guards.length === 0).map((r) => `${r.method} ${r.path}`);
    expect(holes, 'routes with no requirePermission/requireSession/publicRoute/machineRoute').toEqual([]);
  });

  it('when the core routes are listed, then they demand the permissions the matrix names for them', () => {
    const guard = (method: string, path: string) =>
      listRoutes(server.app).find((r) => r.method === method && r.path === path)?.guards;
    const perm = (p: string) => ({ kind: 'permission', anyOf: [p] });
    expect(guard('GET', '/api/audit')).toContainEqual(perm('audit:view'));
    expect(guard('GET', '/api/audit/export.csv')).toContainEqual(perm('audit:view'));
    expect(guard('GET', '/api/admin/users')).toContainEqual(perm('user:manage'));
    expect(guard('POST', '/api/admin/sharing-keys')).toContainEqual(perm('sharing:manage'));
    expect(guard('GET', '/api/cameras/:id')).toContainEqual(perm('camera:view'));
    expect(guard('GET', '/share/v1/cameras')?.[0]?.kind).toBe('machine');
  });

  it('when every route is called as every role and as nobody, then each answer matches the matrix', async () => {
    const routes = listRoutes(server.app)
      .filter((r) => !r.path.includes('^')) // the SPA fallback (a RegExp) is checked as public above
      .sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
    const wrong: string[] = [];
    for (const route of routes) {
      const expectation = expectationOf(route.guards);
      const anonymous = await call(route, null);
      if (expectation === 'public') {
        if (anonymous.status >= 500 || anonymous.status === 403)
          wrong.push(`${route.method} ${route.path} as nobody: ${anonymous.status} (declared public)`);
        continue;
      }
      if (expectation === 'machine') {
        // A machine route opens with its own key: neither nobody nor any user's session gets through.
        for (const role of ROLES) {
          const res = await call(route, sessions.get(role)!);
          if (res.status < 300)
            wrong.push(`${route.method} ${route.path} as ${role}: ${res.status} (machine route)`);
        }
        if (anonymous.status < 300)
          wrong.push(`${route.method} ${route.path} as nobody: ${anonymous.status}`);
        continue;
      }
      if (anonymous.status !== 401)
        wrong.push(`${route.method} ${route.path} as nobody: ${anonymous.status}, not 401`);
      for (const role of ROLES) {
        const res = await call(route, sessions.get(role)!);
        const allowed = expectation.roles.has(role);
        if (allowed && (res.status === 401 || res.status === 403))
          wrong.push(`${route.method} ${route.path} as ${role}: ${res.status}, but the matrix allows it`);
        if (!allowed && res.status !== 403)
          wrong.push(
            `${route.method} ${route.path} as ${role}: ${res.status}, but the matrix forbids it (403)`,
          );
        if (res.status >= 500) wrong.push(`${route.method} ${route.path} as ${role}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('authorization on every live topic, generated from TOPIC_PERMISSION', () => {
  const topics = Object.keys(TOPIC_PERMISSION) as LogTopic[];

  function probe(topic: LogTopic, areaId: string | null): Change {
    // The gateway forwards entries as stored; a probe's data only has to be recognisable.
    return { topic, areaId, tier: 0, data: { probe: `${topic}|${areaId}` } } as unknown as Change;
  }
  const probesOf = (entries: { data: unknown }[]) =>
    entries
      .map((e) => (e.data as { probe?: string }).probe)
      .filter((p): p is string => !!p)
      .sort();

  it('when an entry of each topic is pushed and replayed, then exactly the roles with its permission (and jurisdiction) get it', async () => {
    // Fresh sessions: the REST sweep above ended its own with the logout route.
    const viewers: (readonly [Role | 'ward', Session])[] = [];
    for (const role of ROLES) viewers.push([role, await login(server.url, usernameOf(role))]);
    viewers.push(['ward', await login(server.url, WARD_OPERATOR.username)]);
    const clients = viewers.map(([who, s]) => ({ who, client: liveClient(server.url, s.cookie) }));
    await Promise.all(clients.map((c) => c.client.ready));
    const before = await server.eventLog.head();

    const other = 'x-luc-nam';
    await server.eventLog.append(
      topics.flatMap((t) => [probe(t, null), probe(t, WARD_OPERATOR.areas[0]), probe(t, other)]),
    );
    const expected = (who: Role | 'ward') => {
      const role: Role = who === 'ward' ? 'operator' : who;
      const areas = who === 'ward' ? [null, WARD_OPERATOR.areas[0]] : [null, WARD_OPERATOR.areas[0], other];
      return topics
        .filter((t) => PERMISSION_MATRIX[role].includes(TOPIC_PERMISSION[t]))
        .flatMap((t) => areas.map((a) => `${t}|${a}`))
        .sort();
    };

    // Live delivery.
    for (const { who, client } of clients) {
      await eventually(() => expect(probesOf(client.received)).toEqual(expected(who)), 5000);
      client.socket.disconnect();
    }
    // Replay after a reconnect from before the probes: the same audience rules.
    for (const [who, s] of viewers) {
      const again = liveClient(server.url, s.cookie, before);
      const replay = await again.ready;
      expect(probesOf(replay.entries), `replay to ${who}`).toEqual(expected(who));
      again.socket.disconnect();
    }
  });

  it('when a socket connects without a session, then it is refused', async () => {
    const anon = liveClient(server.url, '');
    await expect(anon.ready).rejects.toThrow(/unauthorized/);
    anon.socket.disconnect();
  });
});
