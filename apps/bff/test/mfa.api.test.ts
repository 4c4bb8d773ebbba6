import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolLoginResultSchema,
  mfaEnrolmentSchema,
  sessionSummarySchema,
} from '@c2/api-client/schemas/auth';
import { adminUserSchema } from '@c2/api-client/schemas/admin';
import { sessionInfoSchema } from '@c2/api-client/schemas/user';
import { totpAt } from '../src/components/auth/domain/totp';
import {
  cookiesOf,
  dropSchema,
  errorOf,
  eventually,
  liveClient,
  login,
  PASSWORD,
  startTestServer,
  totpNow,
  type Session,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Session;

beforeAll(async () => {
  // A high per-address throttle so the account lockout (3) is what these tests meet.
  server = await startTestServer({ loginLockoutFailures: 3, loginMaxFailures: 100 });
  admin = await login(server.url, 'admin');
});
afterAll(async () => {
  await server?.stop();
  await dropSchema(server.schema);
});

function post(path: string, body: unknown, cookie = '') {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}
function as(s: Session, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}
async function createUser(username: string, role: string) {
  const res = await as(admin, 'POST', '/api/admin/users', {
    username,
    displayName: `Người dùng ${username}`,
    role,
    areas: null,
    password: 'Mat-khau-dai-2026',
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return adminUserSchema.parse(await res.json());
}

describe('TOTP second factor', () => {
  it('when an MFA account signs in with its password only, then no session exists until a code is given', async () => {
    const first = await post('/api/auth/login', { username: 'leader', password: PASSWORD });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ mfa: 'totp' });
    const cookies = first.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith('c2_sid='))).toBe(false);
    expect(cookies.find((c) => c.startsWith('c2_mfa='))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i,
    );
    const challenge = cookiesOf(first);

    const wrong = await post('/api/auth/login/mfa', { code: '000000' }, challenge);
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).code).toBe('invalid_code');
    const right = await post('/api/auth/login/mfa', { code: totpNow() }, challenge);
    expect(right.status).toBe(200);
    const session = sessionInfoSchema.parse(await right.json());
    expect(session.mfa).toEqual({ enrolled: true, required: true });
    expect(right.headers.getSetCookie().some((c) => c.startsWith('c2_sid='))).toBe(true);
    // The challenge is spent.
    expect((await post('/api/auth/login/mfa', { code: totpNow() }, challenge)).status).toBe(401);
  });

  it('when the code comes with the password, then the session opens in one request; a role without MFA needs none', async () => {
    const one = await post('/api/auth/login', {
      username: 'investigator',
      password: PASSWORD,
      code: totpNow(),
    });
    expect(sessionInfoSchema.parse(await one.json()).user.username).toBe('investigator');
    const operator = await post('/api/auth/login', { username: 'operator', password: PASSWORD });
    expect(sessionInfoSchema.parse(await operator.json()).mfa).toEqual({ enrolled: false, required: false });
  });

  it('when a new admin signs in the first time, then enrolment is forced: QR code, a confirming code, ten recovery codes', async () => {
    await createUser('admin.moi', 'admin');
    const first = await post('/api/auth/login', { username: 'admin.moi', password: 'Mat-khau-dai-2026' });
    expect(await first.json()).toMatchObject({ mfa: 'enrol' });
    const challenge = cookiesOf(first);
    // No way around the enrolment: the TOTP step refuses an enrol challenge.
    expect((await post('/api/auth/login/mfa', { code: '123456' }, challenge)).status).toBe(401);

    const start = await post('/api/auth/login/enrol', {}, challenge);
    const enrolment = mfaEnrolmentSchema.parse(await start.json());
    expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`);
    expect(Buffer.from(enrolment.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg');

    const bad = await post('/api/auth/login/enrol/confirm', { code: '000000' }, challenge);
    expect(bad.status).toBe(401);
    const ok = await post(
      '/api/auth/login/enrol/confirm',
      { code: totpAt(enrolment.secret, Date.now() / 1000) },
      challenge,
    );
    expect(ok.status).toBe(200);
    const result = enrolLoginResultSchema.parse(await ok.json());
    expect(new Set(result.recoveryCodes).size).toBe(10);
    expect(result.session.mfa).toEqual({ enrolled: true, required: true });

    // From now on a code is asked; a recovery code works exactly once.
    const next = await post('/api/auth/login', { username: 'admin.moi', password: 'Mat-khau-dai-2026' });
    expect(await next.json()).toMatchObject({ mfa: 'totp' });
    const recovery = result.recoveryCodes[0]!;
    expect(
      (await post('/api/auth/login/mfa', { code: recovery.toUpperCase() }, cookiesOf(next))).status,
    ).toBe(200);
    const again = await post('/api/auth/login', {
      username: 'admin.moi',
      password: 'Mat-khau-dai-2026',
      code: recovery,
    });
    expect(again.status).toBe(401);
    const withTotp = await login(server.url, 'admin.moi', 'Mat-khau-dai-2026', enrolment.secret);
    const status = await (await as(withTotp, 'GET', '/api/auth/mfa')).json();
    expect(status).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 9 });
  });

  it('when re-enrolling from a session, then the current factor is asked first', async () => {
    const leader = await login(server.url, 'leader');
    expect((await as(leader, 'POST', '/api/auth/mfa/enrol', {})).status).toBe(400);
    expect((await as(leader, 'POST', '/api/auth/mfa/enrol', { code: '000000' })).status).toBe(401);
    const start = await as(leader, 'POST', '/api/auth/mfa/enrol', { code: totpNow() });
    expect(start.status).toBe(200);
    const { secret } = mfaEnrolmentSchema.parse(await start.json());
    const confirm = await as(leader, 'POST', '/api/auth/mfa/enrol/confirm', {
      code: totpAt(secret, Date.now() / 1000),
    });
    expect(confirm.status).toBe(200);
    // The old (seeded) secret no longer opens the account; the new one does.
    await expect(login(server.url, 'leader')).rejects.toThrow(/401/);
    await login(server.url, 'leader', PASSWORD, secret);
  });

  // Starts a second server of its own: give it the time a busy machine needs.
  it(
    'when codes may not be reused, then a code accepted once is refused the second time',
    { timeout: 90_000 },
    async () => {
      const strict = await startTestServer({ mfaRejectReusedCodes: true });
      try {
        const code = totpNow();
        const once = await fetch(`${strict.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'auditor', password: PASSWORD, code }),
        });
        expect(once.status).toBe(200);
        const twice = await fetch(`${strict.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'auditor', password: PASSWORD, code }),
        });
        expect(twice.status).toBe(401);
      } finally {
        await strict.stop();
        await dropSchema(strict.schema);
      }
    },
  );
});

describe('lockout', () => {
  it('when an account fails repeatedly, then it is locked (423) even for the right password, until an admin unlocks it', async () => {
    const user = await createUser('dieu.phoi2', 'dispatcher');
    for (let i = 0; i < 3; i++)
      expect(
        (await post('/api/auth/login', { username: 'dieu.phoi2', password: 'wrong-password' })).status,
      ).toBe(401);
    const locked = await post('/api/auth/login', { username: 'dieu.phoi2', password: 'Mat-khau-dai-2026' });
    expect(locked.status).toBe(423);
    expect((await errorOf(locked)).code).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const listed = adminUserSchema.array().parse(await (await as(admin, 'GET', '/api/admin/users')).json());
    expect(listed.find((u) => u.id === user.id)!.lockedUntil).not.toBeNull();
    expect((await as(admin, 'POST', `/api/admin/users/${user.id}/unlock`)).status).toBe(200);
    expect(
      (await post('/api/auth/login', { username: 'dieu.phoi2', password: 'Mat-khau-dai-2026' })).status,
    ).toBe(200);
  });

  it('when wrong TOTP codes are sent, then they count toward the lockout too', async () => {
    await createUser('dieu.tra2', 'investigator');
    // Enrol it through the forced enrolment first.
    const first = await post('/api/auth/login', { username: 'dieu.tra2', password: 'Mat-khau-dai-2026' });
    const c = cookiesOf(first);
    const { secret } = mfaEnrolmentSchema.parse(await (await post('/api/auth/login/enrol', {}, c)).json());
    await post('/api/auth/login/enrol/confirm', { code: totpAt(secret, Date.now() / 1000) }, c);
    for (let i = 0; i < 3; i++) {
      const r = await post('/api/auth/login', {
        username: 'dieu.tra2',
        password: 'Mat-khau-dai-2026',
        code: '000000',
      });
      expect(r.status).toBe(401);
    }
    const locked = await post('/api/auth/login', {
      username: 'dieu.tra2',
      password: 'Mat-khau-dai-2026',
      code: totpAt(secret, Date.now() / 1000),
    });
    expect(locked.status).toBe(423);
  });
});

describe('sessions', () => {
  it('when a user lists their sessions, then both devices show; revoking the other ends it and its live socket', async () => {
    const desk = await login(server.url, 'dispatcher');
    const wall = await login(server.url, 'dispatcher');
    const live = liveClient(server.url, wall.cookie);
    await live.ready;
    const ended = new Promise<string>((resolve) => live.socket.on('session:ended', resolve));

    const list = sessionSummarySchema
      .array()
      .parse(await (await as(desk, 'GET', '/api/auth/sessions')).json());
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect((await as(desk, 'DELETE', `/api/auth/sessions/${other.id}`)).status).toBe(204);

    expect(await ended).toBe('revoked');
    await eventually(() => expect(live.socket.connected).toBe(false));
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: wall.cookie } })).status).toBe(401);
    expect((await as(desk, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it("when a user names another user's session id, then 404 and nothing ends", async () => {
    const victim = await login(server.url, 'operator');
    const victimSessions = sessionSummarySchema
      .array()
      .parse(await (await as(victim, 'GET', '/api/auth/sessions')).json());
    const thief = await login(server.url, 'dispatcher');
    expect((await as(thief, 'DELETE', `/api/auth/sessions/${victimSessions[0]!.id}`)).status).toBe(404);
    expect((await as(victim, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('when an admin forces a user out, then every session of that user and its sockets end', async () => {
    const target = await createUser('truc.ca3', 'operator');
    const s1 = await login(server.url, 'truc.ca3', 'Mat-khau-dai-2026');
    const s2 = await login(server.url, 'truc.ca3', 'Mat-khau-dai-2026');
    const live = liveClient(server.url, s1.cookie);
    await live.ready;
    const ended = new Promise<string>((resolve) => live.socket.on('session:ended', resolve));
    const res = await as(admin, 'POST', `/api/admin/users/${target.id}/logout`);
    expect(adminUserSchema.parse(await res.json()).activeSessions).toBe(0);
    expect(await ended).toBe('revoked');
    for (const s of [s1, s2]) expect((await as(s, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('when a session idles past its limit or passes its absolute end, then it opens nothing', async () => {
    const idle = await login(server.url, 'operator');
    const gone = await login(server.url, 'operator');
    await server.db.query(
      "UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE csrf_token = $1",
      [idle.csrf],
    );
    await server.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE csrf_token = $1",
      [gone.csrf],
    );
    expect((await as(idle, 'GET', '/api/cameras/summary')).status).toBe(401);
    expect((await as(gone, 'GET', '/api/cameras/summary')).status).toBe(401);
  });

  it("when an admin changes a user's areas or disables them, then their sessions end at once", async () => {
    const target = await createUser('truc.ca4', 'operator');
    const s = await login(server.url, 'truc.ca4', 'Mat-khau-dai-2026');
    await as(admin, 'PATCH', `/api/admin/users/${target.id}`, { areas: ['p-kinh-bac'] });
    expect((await as(s, 'GET', '/api/auth/me')).status).toBe(401);
    const again = await login(server.url, 'truc.ca4', 'Mat-khau-dai-2026');
    const me = sessionInfoSchema.parse(await (await as(again, 'GET', '/api/auth/me')).json());
    expect(me.user.areas).toEqual(['p-kinh-bac']);
    await as(admin, 'PATCH', `/api/admin/users/${target.id}`, { disabled: true });
    expect((await as(again, 'GET', '/api/auth/me')).status).toBe(401);
    await expect(login(server.url, 'truc.ca4', 'Mat-khau-dai-2026')).rejects.toThrow(/401/);
  });

  it('when an admin would disable themselves or names an unknown area, then 409 / 400', async () => {
    const me = sessionInfoSchema.parse(await (await as(admin, 'GET', '/api/auth/me')).json());
    expect((await as(admin, 'PATCH', `/api/admin/users/${me.user.id}`, { disabled: true })).status).toBe(409);
    const bad = await as(admin, 'POST', '/api/admin/users', {
      username: 'vung.la',
      displayName: 'Vùng lạ',
      role: 'operator',
      areas: ['p-atlantis'],
      password: 'Mat-khau-dai-2026',
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('areas');
  });
});
