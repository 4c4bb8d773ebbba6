import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceViolation } from '@c2/api-client/schemas/violation-service';
import { dropSchema, login, startTestServer, type Session } from './support/test-server';
import { send } from './support/drills';
import { startViolationService } from './support/violation-service';

const TOKEN = 'service-token-1234';
type Server = Awaited<ReturnType<typeof startTestServer>>;
let service: Awaited<ReturnType<typeof startViolationService>>;
let server: Server;
let investigator: Session;
let leader: Session;
let jpeg: Buffer;

function record(id: string, cameraId: string): ServiceViolation {
  return {
    id,
    eventId: null,
    cameraId,
    type: 'red_light',
    plate: '29LD-1234',
    plateConfidence: 0.91,
    ts: new Date().toISOString(),
    speedKmh: null,
    limitKmh: null,
    evidence: [
      { name: 'overview.jpg', kind: 'overview', contentType: 'image/jpeg' },
      { name: 'plate.jpg', kind: 'plate', contentType: 'image/jpeg' },
    ],
  };
}

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  service = await startViolationService({ token: TOKEN });
  server = await startTestServer({
    violationsUrl: service.url,
    violationsToken: TOKEN,
    violationsPollMs: 200,
    violationMakerChecker: true,
  });
  [investigator, leader] = await Promise.all([
    login(server.url, 'investigator'),
    login(server.url, 'leader'),
  ]);
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
  await service.close();
});

describe('violation service over HTTP', () => {
  it('when the service has new records, then the BFF takes them in by cursor, fetches evidence with the token, and reports healthy', async () => {
    const cameras = await investigator.api.cameras.list();
    service.add(record('svc-1', cameras[0]!.id), {
      'overview.jpg': { bytes: jpeg, contentType: 'image/jpeg' },
      'plate.jpg': { bytes: jpeg, contentType: 'image/jpeg' },
    });
    service.add(record('svc-unknown-camera', 'cam-nowhere'), {});
    await expect
      .poll(async () => (await investigator.api.violations.list({})).items.map((v) => v.id), {
        timeout: 5000,
      })
      .toEqual(['svc-1']);
    await expect
      .poll(async () => (await investigator.api.violations.get('svc-1')).evidence.map((e) => e.sha256), {
        timeout: 5000,
      })
      .toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(service.state.unauthorized).toBe(0);
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean }>;
    };
    expect(ready.checks.violations!.ok).toBe(true);
  });

  it('when a file changes at the source after it was sealed, then the center serves it marked altered', async () => {
    service.replaceFile('svc-1', 'plate.jpg', Buffer.concat([jpeg, Buffer.from([0])]));
    const res = await fetch(`${server.url}/api/violations/svc-1/evidence/plate.jpg`, {
      headers: { cookie: investigator.cookie },
    });
    expect(res.headers.get('x-evidence-integrity')).toBe('altered');
  });

  it('when the service refuses a decision for a while, then the BFF retries until it is accepted, and it arrives signed', async () => {
    service.state.failDecisions = 1;
    await send(server.url, investigator, 'POST', '/api/violations/svc-1/decisions', { action: 'verify' });
    await send(server.url, leader, 'POST', '/api/violations/svc-1/decisions', { action: 'approve' });
    await expect
      .poll(async () => (await investigator.api.violations.get('svc-1')).reviews[1]!.sync, { timeout: 8000 })
      .toMatchObject({ state: 'failed', attempts: 1 });
    // The retry is due after its backoff; make it due now rather than wait in a test.
    await server.db.query("UPDATE violation_reviews SET sync_next_at = now() WHERE sync_state = 'failed'");
    await expect.poll(() => service.decisions.length, { timeout: 8000 }).toBe(1);
    expect(service.decisions[0]).toMatchObject({
      id: 'svc-1',
      decision: {
        decision: 'verified',
        plate: '29LD-1234',
        approvedBy: { name: 'Phạm Quốc Dũng (lãnh đạo)' },
        signature: { alg: 'Ed25519' },
      },
    });
    await expect
      .poll(async () => (await investigator.api.violations.get('svc-1')).reviews[1]!.sync.state)
      .toBe('sent');
  });
});

describe('signing key rotation', () => {
  it('when the BFF restarts with a new key, then records signed with the old key still verify and the new key is the active one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-rotation-'));
    const pem = () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pgliteDir = process.env.DATABASE_URL ? undefined : path.join(dir, 'db');
    const common = {
      dataDir: dir,
      ...(pgliteDir ? { pgliteDir } : {}),
      violationsUrl: service.url,
      violationsToken: TOKEN,
    };
    const first = await startTestServer({ ...common, signingKey: pem() });
    try {
      const s1 = await login(first.url, 'investigator');
      const cameras = await s1.api.cameras.list();
      service.add(record('svc-rot-1', cameras[1]!.id), {
        'overview.jpg': { bytes: jpeg, contentType: 'image/jpeg' },
        'plate.jpg': { bytes: jpeg, contentType: 'image/jpeg' },
      });
      await expect
        .poll(async () => (await s1.api.violations.list({})).items.some((v) => v.id === 'svc-rot-1'), {
          timeout: 5000,
        })
        .toBe(true);
    } finally {
      await first.stop();
    }
    const second = await startTestServer({ ...common, databaseSchema: first.schema, signingKey: pem() });
    try {
      const s2 = await login(second.url, 'investigator');
      const keys = await s2.api.signatures.keys();
      expect(keys).toHaveLength(2);
      expect(keys.filter((k) => k.active)).toHaveLength(1);
      const old = (await s2.api.violations.list({})).items.find((v) => v.id === 'svc-rot-1')!;
      expect(old.signature.status).toBe('verified');
      expect(old.signature.keyId).not.toBe(keys.find((k) => k.active)!.keyId);
    } finally {
      await second.stop();
      await dropSchema(first.schema);
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
