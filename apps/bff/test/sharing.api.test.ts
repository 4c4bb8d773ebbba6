import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createdSharingKeySchema,
  sharedCameraSchema,
  sharedStatisticsSchema,
  sharingKeySchema,
} from '@c2/api-client/schemas/sharing';
import { auditPageSchema } from '@c2/api-client/schemas/audit';
import { dropSchema, errorOf, login, startTestServer, type Session } from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Session;

beforeAll(async () => {
  server = await startTestServer({ simEventsPerMinute: 0 });
  admin = await login(server.url, 'admin');
});
afterAll(async () => {
  await server?.stop();
  await dropSchema(server.schema);
});

async function createKey(body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/admin/sharing-keys`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return createdSharingKeySchema.parse(await res.json());
}
const partner = (path: string, key?: string) =>
  fetch(`${server.url}/share/v1${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('sharing with the city IOC', () => {
  it('when the IOC reads cameras with its key, then only public cameras come back, with no owner or personal data', async () => {
    const { secret, key } = await createKey({
      name: 'IOC Bắc Ninh',
      partner: 'Trung tâm IOC tỉnh Bắc Ninh',
      scopes: ['cameras', 'statistics'],
      expiresInDays: 30,
    });
    expect(secret).toMatch(/^c2s\./);
    expect(key.state).toBe('active');
    const res = await partner('/cameras', secret);
    expect(res.status).toBe(200);
    const cameras = sharedCameraSchema.array().parse(await res.json());
    const investigator = await login(server.url, 'investigator');
    const all = await investigator.api.cameras.list();
    const publicIds = all
      .filter((c) => c.classification === 'public')
      .map((c) => c.id)
      .sort();
    expect(cameras.map((c) => c.id).sort()).toEqual(publicIds);
    expect(publicIds.length).toBeLessThan(all.length);
    const raw = JSON.stringify(cameras);
    for (const word of ['owner', 'classification', 'restricted', 'secret', 'plate'])
      expect(raw).not.toContain(word);

    // A restricted or secret camera's id answers like one that does not exist.
    const hidden = all.find((c) => c.classification !== 'public')!;
    expect((await partner(`/cameras/${hidden.id}`, secret)).status).toBe(404);
    expect(
      sharedCameraSchema.parse(await (await partner(`/cameras/${publicIds[0]}`, secret)).json()).id,
    ).toBe(publicIds[0]);
  });

  it('when the IOC reads statistics, then they aggregate public cameras only', async () => {
    const { secret } = await createKey({
      name: 'Stats',
      partner: 'IOC',
      scopes: ['statistics'],
      expiresInDays: 1,
    });
    const stats = sharedStatisticsSchema.parse(await (await partner('/statistics', secret)).json());
    const investigator = await login(server.url, 'investigator');
    const publicCount = (await investigator.api.cameras.list()).filter(
      (c) => c.classification === 'public',
    ).length;
    expect(stats.cameras.total).toBe(publicCount);
    expect(stats.byArea.reduce((n, a) => n + a.cameras, 0)).toBe(publicCount);
    // This key has no cameras scope.
    expect((await partner('/cameras', secret)).status).toBe(403);
  });

  it('when a key is missing, malformed, unknown, revoked or expired, then 401 and nothing else', async () => {
    const { secret, key } = await createKey({
      name: 'Tạm',
      partner: 'IOC',
      scopes: ['cameras'],
      expiresInDays: 1,
    });
    expect((await partner('/cameras')).status).toBe(401);
    expect((await partner('/cameras', 'not-a-key')).status).toBe(401);
    expect((await partner('/cameras', `${secret.slice(0, -2)}xx`)).status).toBe(401);
    // A user's session is no key.
    const cookieCall = await fetch(`${server.url}/share/v1/cameras`, { headers: { cookie: admin.cookie } });
    expect(cookieCall.status).toBe(401);

    const revoked = await fetch(`${server.url}/api/admin/sharing-keys/${key.id}/revoke`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(sharingKeySchema.parse(await revoked.json()).state).toBe('revoked');
    const afterRevoke = await partner('/cameras', secret);
    expect(afterRevoke.status).toBe(401);
    expect((await errorOf(afterRevoke)).message).toContain('revoked');

    const old = await createKey({ name: 'Cũ', partner: 'IOC', scopes: ['cameras'], expiresInDays: 1 });
    await server.db.query("UPDATE sharing_keys SET expires_at = now() - interval '1 minute' WHERE id = $1", [
      old.key.id,
    ]);
    expect((await errorOf(await partner('/cameras', old.secret))).message).toContain('expired');
  });

  it('when a key goes over its rate, then 429 with Retry-After', async () => {
    const { secret } = await createKey({
      name: 'Chậm',
      partner: 'IOC',
      scopes: ['statistics'],
      expiresInDays: 1,
      ratePerMinute: 3,
    });
    const answers: Response[] = [];
    for (let i = 0; i < 8; i++) answers.push(await partner('/statistics', secret));
    // 8 calls span at most two one-minute windows, so one window holds at least 4 of them: over the limit of 3.
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers.filter((r) => r.status === 200).length).toBeLessThanOrEqual(6);
  });

  it('when partners call, then every call is in the audit trail with the key, the path and the answer', async () => {
    const auditor = await login(server.url, 'auditor');
    const res = await fetch(`${server.url}/api/audit?action=sharing.call&limit=200`, {
      headers: { cookie: auditor.cookie },
    });
    const entries = auditPageSchema.parse(await res.json()).entries;
    expect(entries.some((e) => e.target === 'GET /share/v1/cameras' && e.detail.status === 200)).toBe(true);
    expect(entries.some((e) => e.detail.refused === 'revoked' && e.detail.status === 401)).toBe(true);
    expect(entries.some((e) => e.detail.refused === 'missing')).toBe(true);
    expect(entries.some((e) => e.detail.refused === 'rate_limited' && e.detail.status === 429)).toBe(true);
  });

  it('when a role other than admin manages keys, or the body is wrong, then 403 / 400', async () => {
    const leader = await login(server.url, 'leader');
    const res = await fetch(`${server.url}/api/admin/sharing-keys`, { headers: { cookie: leader.cookie } });
    expect(res.status).toBe(403);
    const bad = await fetch(`${server.url}/api/admin/sharing-keys`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', partner: 'x', scopes: ['everything'], expiresInDays: 9999 }),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).fields ?? {}).sort()).toEqual([
      'expiresInDays',
      'name',
      'scopes.0',
    ]);
  });
});
