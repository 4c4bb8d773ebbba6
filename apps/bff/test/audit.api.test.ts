import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, auditVerificationSchema } from '@c2/api-client/schemas/audit';
import { dropSchema, errorOf, eventually, login, startTestServer, type Session } from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let auditor: Session;

beforeAll(async () => {
  server = await startTestServer();
  auditor = await login(server.url, 'auditor');
});
afterAll(async () => {
  await server?.stop();
  await dropSchema(server.schema);
});

async function verify(s: Session = auditor) {
  const res = await fetch(`${server.url}/api/audit/verify`, { headers: { cookie: s.cookie } });
  expect(res.status).toBe(200);
  return auditVerificationSchema.parse(await res.json());
}

async function page(query: string, s: Session = auditor) {
  const res = await fetch(`${server.url}/api/audit${query}`, { headers: { cookie: s.cookie } });
  return { res, body: res.ok ? auditPageSchema.parse(await res.json()) : null };
}

describe('the hash-chained audit trail', () => {
  it('when people sign in and act, then every entry is chained and the verifier confirms the whole chain', async () => {
    await login(server.url, 'operator');
    await login(server.url, 'admin');
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.firstBroken).toBeNull();
    expect(result.checked).toBeGreaterThanOrEqual(3);
    const { body } = await page('?limit=500');
    const entries = [...body!.entries].reverse();
    // Each entry's hash is the next one's link.
    const rows = await server.db.query<{ id: number; prev_hash: string; hash: string }>(
      'SELECT id, prev_hash, hash FROM audit_log ORDER BY id',
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(entries.some((e) => e.action === 'auth.login' && e.actorName === 'operator')).toBe(true);
  });

  it('when the application role tries to change or delete an entry, then PostgreSQL refuses', async () => {
    await expect(server.db.query("UPDATE audit_log SET actor_name = 'someone else'")).rejects.toThrow(
      /append-only/,
    );
    await expect(server.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(server.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('when many entries are written at once, then the chain does not fork', async () => {
    const users = await Promise.all(
      ['dispatcher', 'leader', 'investigator', 'operator'].map((u) => login(server.url, u)),
    );
    // Concurrent sessions reading the trail write audit.viewed entries side by side with the logins above.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => page(`?limit=1&actor=${users[i % users.length] ? 'x' : 'y'}`)),
    );
    const n = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(n);
  });

  it.runIf(process.env.DATABASE_URL)(
    'when two BFF instances on one PostgreSQL append at the same time, then the chain stays one line',
    async () => {
      const second = await startTestServer({ databaseSchema: server.schema });
      try {
        const sessions = await Promise.all([login(server.url, 'auditor'), login(second.url, 'auditor')]);
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            fetch(`${[server.url, second.url][i % 2]}/api/audit?limit=1`, {
              headers: { cookie: sessions[i % 2]!.cookie },
            }),
          ),
        );
        const n = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
        const result = await verify();
        expect(result.ok).toBe(true);
        expect(result.checked).toBe(n);
      } finally {
        await second.stop();
      }
    },
  );

  it('when someone with owner rights edits an entry in the database, then the verifier names that entry', async () => {
    const [victim] = await server.db.query<{ id: number }>(
      "SELECT id FROM audit_log WHERE action = 'auth.login' ORDER BY id LIMIT 1",
    );
    await server.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await server.db.query("UPDATE audit_log SET actor_name = 'nobody', detail = '{}'::jsonb WHERE id = $1", [
      victim!.id,
    ]);
    await server.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: Number(victim!.id), reason: 'content' });
    expect(result.firstBroken!.message).toContain(`#${victim!.id}`);
  });
});

describe('the verifier on other kinds of tampering', () => {
  let fresh: Server;
  let reader: Session;
  beforeAll(async () => {
    fresh = await startTestServer();
    reader = await login(fresh.url, 'auditor');
    for (const u of ['operator', 'dispatcher', 'leader']) await login(fresh.url, u);
  });
  afterAll(async () => {
    await fresh?.stop();
    await dropSchema(fresh.schema);
  });
  const check = async () =>
    auditVerificationSchema.parse(
      await (await fetch(`${fresh.url}/api/audit/verify`, { headers: { cookie: reader.cookie } })).json(),
    );

  it('when the newest entries are cut off, then the verifier reports the tail against the chain head', async () => {
    const id = (await fresh.db.query<{ id: number }>('SELECT max(id) AS id FROM audit_log'))[0]!.id;
    await fresh.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await fresh.db.query('DELETE FROM audit_log WHERE id >= $1', [Number(id) - 1]);
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: Number(id), reason: 'tail' });
  });

  it('when an entry is deleted from the middle, then the next entry is named as a broken link', async () => {
    const rows = await fresh.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id');
    const middle = Number(rows[2]!.id);
    const next = Number(rows[3]!.id);
    await fresh.db.query('DELETE FROM audit_log WHERE id = $1', [middle]);
    await fresh.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const result = await check();
    expect(result.firstBroken).toMatchObject({ id: next, reason: 'link' });
    expect(result.firstBroken!.message).toContain(`#${next}`);
  });
});

describe("the auditor's page", () => {
  it('when filters are given, then only matching entries come back, newest first, and the view is itself recorded', async () => {
    await login(server.url, 'dispatcher');
    const { body } = await page('?action=auth.login&actor=dispatcher');
    expect(body!.entries.length).toBeGreaterThan(0);
    expect(body!.entries.every((e) => e.action === 'auth.login' && e.actorName === 'dispatcher')).toBe(true);
    const ids = body!.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const prefix = await page('?action=auth.');
    expect(prefix.body!.entries.every((e) => e.action.startsWith('auth.'))).toBe(true);
    const views = await page('?action=audit.viewed&limit=5');
    expect(views.body!.entries[0]!.actorName).toBe('auditor');
    expect(views.body!.entries[0]!.detail).toMatchObject({ filters: { action: 'auth.' } });
  });

  it('when a filter carries SQL or LIKE wildcards, then it matches literally and nothing leaks', async () => {
    for (const q of ["' OR '1'='1", '%', '_', "admin'--", '\\', '%25%27%3B DROP TABLE audit_log;--']) {
      const { res, body } = await page(`?actor=${encodeURIComponent(q)}&target=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(body!.entries, q).toEqual([]);
    }
    const bad = await page(`?action=${encodeURIComponent("auth.login' OR 1=1")}&from=yesterday&limit=9999`);
    expect(bad.res.status).toBe(400);
    const fields = (await errorOf(bad.res)).fields;
    expect(Object.keys(fields ?? {}).sort()).toEqual(['action', 'from', 'limit']);
    const n = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
    expect(n).toBeGreaterThan(0);
  });

  it('when the auditor pages back, then pages do not overlap and end with null', async () => {
    const first = await page('?limit=3');
    const second = await page(`?limit=3&before=${first.body!.nextBefore}`);
    const a = first.body!.entries.map((e) => e.id);
    const b = second.body!.entries.map((e) => e.id);
    expect(Math.min(...a)).toBeGreaterThan(Math.max(...b));
    const last = await page('?limit=500&before=2');
    expect(last.body!.nextBefore).toBeNull();
  });

  it('when the trail is exported, then a UTF-8 CSV arrives with formula cells neutralised, and the export is recorded', async () => {
    // A user named like a spreadsheet formula: the CSV must carry it as text.
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '=HYPERLINK("http://evil")', password: 'whatever-it-is' }),
    });
    const res = await fetch(`${server.url}/api/audit/export.csv?action=auth.login_failed`, {
      headers: { cookie: auditor.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-.*\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,time,actor,actor_id,action,target,ip,detail,hash');
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://evil"")"`))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes('auth.login_failed'))).toBe(true);
    const { body } = await page('?action=audit.exported&limit=1');
    expect(body!.entries[0]!.detail).toMatchObject({
      filters: { action: 'auth.login_failed' },
      format: 'csv',
    });
  });

  it('when a role without audit:view asks, then 403, and the refusal itself is in the trail', async () => {
    const operator = await login(server.url, 'operator');
    for (const path of ['/api/audit', '/api/audit/export.csv', '/api/audit/verify']) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: operator.cookie } });
      expect(res.status, path).toBe(403);
    }
    // Refusals are written after the answer has gone out: wait for them rather than race them.
    await eventually(async () => {
      const { body } = await page('?action=access.refused&actor=operator');
      expect(body!.entries.map((e) => e.target)).toContain('GET /api/audit/export.csv');
    });
  });
});
