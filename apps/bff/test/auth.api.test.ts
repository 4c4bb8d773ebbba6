import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, errorOf, login, PASSWORD, startTestServer } from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer({ loginMaxFailures: 3 });
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

async function badInputCount(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('c2_bad_input_total{source="http"}'));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('login', () => {
  it('when the seeded operator logs in, then the session is in an httpOnly cookie and /me answers who it is', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ username: 'operator', password: PASSWORD }));
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('c2_sid='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('c2_csrf='))).not.toMatch(/HttpOnly/i);
    const session = await login(server.url, 'operator');
    const me = await session.api.auth.me();
    expect(me.user.role).toBe('operator');
    expect(me.permissions).toContain('camera:view');
    expect(me.permissions).not.toContain('user:manage');
  });

  it('when the password is wrong or the user unknown, then both answer the same 401', async () => {
    const wrong = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'leader', password: 'nope-nope' }),
    );
    const unknown = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'ghost', password: 'nope-nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await errorOf(wrong)).message).toBe((await errorOf(unknown)).message);
  });

  it('when the body is malformed, then 400 names the field, it is counted, and the server stays up', async () => {
    const before = await badInputCount();
    const missing = await post('/api/auth/login', JSON.stringify({ username: 'operator' }));
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields).toHaveProperty('password');
    const wrongType = await post('/api/auth/login', JSON.stringify({ username: 42, password: 'x' }));
    expect((await errorOf(wrongType)).fields).toHaveProperty('username');
    const notJson = await post('/api/auth/login', '{"username":');
    expect(notJson.status).toBe(400);
    const huge = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'a', password: 'x'.repeat(400_000) }),
    );
    expect(huge.status).toBe(413);
    expect(await badInputCount()).toBe(before + 4);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('when a user fails too often, then login answers 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i++)
      await post('/api/auth/login', JSON.stringify({ username: 'dispatcher', password: 'bad-pass' }));
    const res = await post('/api/auth/login', JSON.stringify({ username: 'dispatcher', password: PASSWORD }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('session protection', () => {
  it('when a mutation lacks the CSRF header, then it is refused with 403', async () => {
    const { cookie } = await login(server.url, 'investigator');
    const res = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('csrf');
  });

  it('when a request comes from another origin, then it is refused with 403', async () => {
    const { cookie, csrf } = await login(server.url, 'investigator');
    const res = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('when a user logs out, then the session no longer opens anything', async () => {
    const session = await login(server.url, 'investigator');
    await session.api.auth.logout();
    const res = await fetch(`${server.url}/api/cameras`, { headers: { cookie: session.cookie } });
    expect(res.status).toBe(401);
  });

  it('when nobody is logged in, then API routes answer 401; without the permission, 403', async () => {
    expect((await fetch(`${server.url}/api/cameras`)).status).toBe(401);
    const auditor = await login(server.url, 'auditor');
    const res = await fetch(`${server.url}/api/units`, { headers: { cookie: auditor.cookie } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toContain('unit:view');
  });

  it('when an unknown API route is called, then 404 JSON, never the SPA', async () => {
    const { cookie } = await login(server.url, 'operator');
    const res = await fetch(`${server.url}/api/nothing-here`, { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('when any page is served, then strict security headers are set', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
