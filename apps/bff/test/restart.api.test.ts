import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, login, startTestServer } from './support/test-server';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-restart-'));
const schema = `t_restart_${Date.now().toString(36)}`;
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await dropSchema(schema);
});

describe('restart', () => {
  it('when the BFF restarts, then users, camera state and the event log are kept', async () => {
    const config = { pgliteDir: path.join(dir, 'pglite'), databaseSchema: schema };
    const first = await startTestServer(config);
    const admin = await login(first.url, 'admin');
    const res = await fetch(`${first.url}/api/sim/cameras/cam-0003/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline', seconds: 3600 }),
    });
    expect(res.status).toBe(204);
    await expect.poll(async () => (await admin.api.cameras.get('cam-0003')).status.state).toBe('offline');
    const before = await admin.api.cameras.list();
    const head = (await first.db.query<{ n: number }>('SELECT max(seq)::int AS n FROM event_log'))[0]!.n;
    await first.stop();

    const second = await startTestServer(config);
    try {
      // Users: the same account logs in with the same password; no re-seeding happened.
      const again = await login(second.url, 'admin');
      expect(second.seeded).toEqual([]);
      // Camera state: unchanged cameras keep when their state began.
      const after = await again.api.cameras.list();
      const untouched = after.find((c) => c.id === 'cam-0004')!;
      expect(untouched.status.since).toBe(before.find((c) => c.id === 'cam-0004')!.status.since);
      // The drill ended with the old process, so the VMS now says online: that change is logged after the old head.
      const log = await second.db.query<{
        seq: number;
        topic: string;
        data: { cameraId: string; state: string };
      }>('SELECT seq, topic, data FROM event_log ORDER BY seq');
      expect(
        log.some((e) => e.seq <= head && e.data.cameraId === 'cam-0003' && e.data.state === 'offline'),
      ).toBe(true);
      const recovered = log.find((e) => e.seq > head && e.data.cameraId === 'cam-0003');
      expect(recovered?.data.state).toBe('online');
    } finally {
      await second.stop();
    }
  }, 60_000);
});
