import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationPolicySchema } from '@c2/api-client/schemas/alert';
import { REPO_ROOT } from '../src/platform/config';
import {
  alertsOf,
  call,
  detailOf,
  INGEST_SECRET,
  outboxOf,
  postEvents,
  wrongWay,
} from './support/alert-helpers';
import { startGatewayPeer } from './support/notify-peers';
import { dropSchema, eventually, login, PASSWORD, type Session } from './support/test-server';

// Real BFF processes on one PostgreSQL: a crash during an escalation wait, and two instances sharing the work.
const { DATABASE_URL } = process.env;
const run = randomUUID().slice(0, 8);
const schemas = [`t_alert_kill_${run}`, `t_alert_pair_${run}`];
const children = new Set<ChildProcess>();
let gateway: Awaited<ReturnType<typeof startGatewayPeer>>;

beforeAll(async () => {
  if (DATABASE_URL) gateway = await startGatewayPeer();
});
afterAll(async () => {
  await Promise.all([...children].map((c) => stop(c, 'SIGTERM')));
  if (DATABASE_URL) {
    await gateway.close();
    for (const s of schemas) await dropSchema(s);
  }
});

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    children.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function startBff(port: number, schema: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/bff/src/main.ts')], {
    cwd: path.join(REPO_ROOT, 'apps/bff'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: '',
      MQTT_URL: '',
      INGEST_KEYS: `edge-alerts:${INGEST_SECRET}`,
      SMS_GATEWAY_URL: gateway.smsUrl,
      ZALO_OA_ACCESS_TOKEN: 'zalo-test-access-token',
      ZALO_OA_API_URL: gateway.zaloUrl,
      SIM_CAMERAS: '40',
      SIM_UNITS: '1',
      SIM_EVENTS_PER_MINUTE: '0',
      SIM_FAULTS: 'false',
      SEED_PASSWORD: PASSWORD,
      CONSOLE_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => expect((await fetch(`${url}/readyz`)).status).toBe(200), 60_000);
  return { url, child };
}

async function policyAndRule(url: string, admin: Session, cameraIds: string[], steps: object[]) {
  const policy = escalationPolicySchema.parse(
    (
      await call(url, admin, 'POST', '/api/admin/alerts/policies', {
        name: `p-${run}`,
        ackSlaSeconds: 300,
        resolveSlaSeconds: 900,
        steps,
      })
    ).body,
  );
  const rule = await call(url, admin, 'POST', '/api/admin/alerts/rules', {
    name: `r-${run}`,
    eventTypes: ['wrong_way'],
    priority: 'P1',
    cameraIds,
    policyId: policy.id,
  });
  expect(rule.status).toBe(201);
}

describe.runIf(Boolean(DATABASE_URL))('escalation across BFF processes on PostgreSQL', () => {
  it('when the BFF is killed (SIGKILL) during an escalation wait and restarted, then the step fires within 1 s of its deadline, once', async () => {
    const schema = schemas[0]!;
    const first = await startBff(8222, schema);
    const admin = await login(first.url, 'admin');
    const camera = (await admin.api.cameras.list()).find((c) => c.classification === 'public')!.id;
    await policyAndRule(
      first.url,
      admin,
      [camera],
      [
        { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['sms'], waitSeconds: 30 },
        { targets: [{ kind: 'role', role: 'leader' }], channels: ['zalo'], waitSeconds: 5 },
      ],
    );
    await postEvents(first.url, [wrongWay(camera)]);
    const operator = await login(first.url, 'operator');
    const alert = await eventually(async () => {
      const a = (await alertsOf(first.url, operator)).find((x) => x.cameraId === camera);
      expect(a).toBeDefined();
      return a!;
    });
    // A long wait, so that a restart on a busy machine still comes back before the deadline.
    const due = Date.parse(alert.createdAt) + 30_000;
    await eventually(() => expect(gateway.calls.filter((c) => c.path === '/sms')).toHaveLength(1), 5000);

    await stop(first.child, 'SIGKILL');
    expect(Date.now()).toBeLessThan(due - 20_000);
    const second = await startBff(8223, schema);
    expect(Date.now()).toBeLessThan(due);

    const zalo = await eventually(() => {
      const c = gateway.calls.filter((x) => x.path === '/zalo');
      expect(c).toHaveLength(1);
      return c[0]!;
    }, 35_000);
    expect(Math.abs(zalo.at - due)).toBeLessThan(1000);
    const detail = await detailOf(second.url, await login(second.url, 'operator'), alert.id);
    expect(detail.timeline.filter((t) => t.kind === 'notified').map((t) => t.detail.level)).toEqual([1, 2]);
    expect(detail.alert.escalationLevel).toBe(2);
    // Nothing more fires after the last step.
    await new Promise((r) => setTimeout(r, 1500));
    expect(gateway.calls.filter((x) => x.path === '/zalo')).toHaveLength(1);
    await stop(second.child, 'SIGTERM');
  }, 120_000);

  it('when two instances share one database, then each alert is raised once and each escalation step notifies once', async () => {
    const schema = schemas[1]!;
    const a = await startBff(8224, schema);
    const b = await startBff(8225, schema);
    const admin = await login(a.url, 'admin');
    const cams = (await admin.api.cameras.list())
      .filter((c) => c.classification === 'public')
      .slice(0, 6)
      .map((c) => c.id);
    const smsBefore = gateway.calls.filter((c) => c.path === '/sms').length;
    await policyAndRule(a.url, admin, cams, [
      { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['sms'], waitSeconds: 1, repeat: 1 },
      { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['sms'], waitSeconds: 1 },
    ]);
    // Every camera's event goes to both instances at once (a second event of the same camera): one alert each.
    await Promise.all(
      cams.flatMap((c) => [postEvents(a.url, [wrongWay(c)]), postEvents(b.url, [wrongWay(c)])]),
    );
    const operator = await login(b.url, 'operator');
    const alerts = await eventually(async () => {
      const list = (await alertsOf(b.url, operator)).filter((x) => cams.includes(x.cameraId!));
      expect(list).toHaveLength(cams.length);
      expect(list.every((x) => x.count === 2)).toBe(true);
      return list;
    }, 10_000);
    // Three firings per alert (step 1, its repeat, step 2), each one SMS.
    await eventually(
      () => expect(gateway.calls.filter((c) => c.path === '/sms').length - smsBefore).toBe(3 * cams.length),
      15_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const sms = gateway.calls.filter((c) => c.path === '/sms').slice(smsBefore);
    expect(sms).toHaveLength(3 * cams.length);
    expect(new Set(sms.map((c) => c.body.reference)).size).toBe(sms.length);
    for (const alert of alerts) {
      const outbox = await outboxOf(a.url, admin, alert.id);
      expect(outbox.filter((m) => m.channel === 'sms')).toHaveLength(3);
      const detail = await detailOf(a.url, admin, alert.id);
      expect(
        detail.timeline.filter((t) => t.kind === 'notified').map((t) => [t.detail.step, t.detail.repeat]),
      ).toEqual([
        [0, 0],
        [0, 1],
        [1, 0],
      ]);
    }
    // Every due deadline (the repeat and step 2; step 1 fires as the alert is raised) was acted on once in all.
    const metrics = await Promise.all([a.url, b.url].map(async (u) => (await fetch(`${u}/metrics`)).text()));
    const fired = metrics.map((m) =>
      Number(/c2_alert_deadline_lateness_seconds_count (\d+)/.exec(m)?.[1] ?? 0),
    );
    expect(fired[0]! + fired[1]!).toBe(2 * cams.length);
    await Promise.all([stop(a.child, 'SIGTERM'), stop(b.child, 'SIGTERM')]);
  }, 120_000);
});
