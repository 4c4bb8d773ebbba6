import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, eventually, liveClient, login, startTestServer } from './support/test-server';

// Several BFF instances need a shared PostgreSQL and Redis; CI names both (TEST_REDIS_URL with DATABASE_URL).
const redisUrl = process.env.TEST_REDIS_URL;
const shared = Boolean(process.env.DATABASE_URL && redisUrl);
const schema = `t_fanout_${Date.now().toString(36)}`;
const servers: Array<Awaited<ReturnType<typeof startTestServer>>> = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  if (shared) await dropSchema(schema);
});

describe.runIf(shared)('several BFF instances behind a load balancer', () => {
  it('when a change happens on one instance, then a console connected to another receives it, and resumes from either', async () => {
    const a = await startTestServer({ databaseSchema: schema, redisUrl });
    servers.push(a);
    const b = await startTestServer({ databaseSchema: schema, redisUrl });
    servers.push(b);

    const operator = await login(b.url, 'operator');
    const onB = liveClient(b.url, operator.cookie);
    await onB.ready;

    const admin = await login(a.url, 'admin');
    const camera = (await admin.api.cameras.list()).find((c) => c.classification === 'public')!;
    const res = await fetch(`${a.url}/api/sim/cameras/${camera.id}/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline', seconds: 600 }),
    });
    expect(res.status).toBe(204);

    const entry = await eventually(() => {
      const e = onB.received.find((x) => x.topic === 'camera.status' && x.data.cameraId === camera.id);
      expect(e).toBeDefined();
      return e!;
    });
    onB.socket.close();

    // The log is shared: a console resuming on instance A from just before the change gets it replayed.
    const resumed = liveClient(a.url, operator.cookie, entry.seq - 1);
    const replay = await resumed.ready;
    expect(replay.entries.map((e) => e.seq)).toContain(entry.seq);
    resumed.socket.close();
  });
});
