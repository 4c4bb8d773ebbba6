import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertSchema, escalationPolicySchema, alertRuleSchema } from '@c2/api-client/schemas/alert';
import { hashPassword } from '../src/components/auth/domain/password';
import {
  alertsOf,
  call,
  detailOf,
  INGEST_SECRET,
  outboxOf,
  postEvents,
  wrongWay,
} from './support/alert-helpers';
import { startGatewayPeer, startSmtpPeer } from './support/notify-peers';
import {
  dropSchema,
  eventually,
  liveClient,
  login,
  PASSWORD,
  startTestServer,
  type Session,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let gateway: Awaited<ReturnType<typeof startGatewayPeer>>;
let admin: Session;
let operator: Session;
let dispatcher: Session;
let auditor: Session;
let cameras: { id: string; areaId: string }[];
let next = 0;
/** A public camera no other test used, so alerts never group across tests. */
const freshCamera = () => cameras[next++]!;

beforeAll(async () => {
  [smtp, gateway] = await Promise.all([startSmtpPeer(), startGatewayPeer()]);
  server = await startTestServer({
    ingestKeys: { 'edge-alerts': INGEST_SECRET },
    smtpUrl: smtp.url,
    smsGatewayUrl: gateway.smsUrl,
    zaloOaAccessToken: 'zalo-test-access-token',
    zaloOaApiUrl: gateway.zaloUrl,
  });
  [admin, operator, dispatcher, auditor] = await Promise.all([
    login(server.url, 'admin'),
    login(server.url, 'operator'),
    login(server.url, 'dispatcher'),
    login(server.url, 'auditor'),
  ]);
  cameras = (await admin.api.cameras.list()).filter((c) => c.classification === 'public');
});
afterAll(async () => {
  await server.stop();
  await Promise.all([smtp.close(), gateway.close()]);
  await dropSchema(server.schema);
});

async function waitForAlert(s: Session, cameraId: string) {
  return eventually(async () => {
    const a = (await alertsOf(server.url, s)).find((x) => x.cameraId === cameraId);
    expect(a).toBeDefined();
    return a!;
  });
}

describe('rules turn events into alerts', () => {
  it('when a wrong-way event arrives, then one P1 alert with its SOP is raised and pushed live; a repeat raises the count', async () => {
    const cam = freshCamera();
    const live = liveClient(server.url, operator.cookie);
    await live.ready;
    await postEvents(server.url, [wrongWay(cam.id)]);
    const alert = await waitForAlert(operator, cam.id);
    expect(alert).toMatchObject({
      priority: 'P1',
      status: 'open',
      type: 'wrong_way',
      areaId: cam.areaId,
      count: 1,
    });
    expect(alert.sop).toMatchObject({ templateId: 'sop-wrong-way', done: 0 });
    expect(alert.slaDeadline).not.toBeNull();

    await postEvents(server.url, [wrongWay(cam.id)]);
    await eventually(async () => {
      const again = (await alertsOf(server.url, operator)).filter((x) => x.cameraId === cam.id);
      expect(again).toHaveLength(1);
      expect(again[0]!.count).toBe(2);
    });
    await eventually(() => {
      const changes = live.received.filter((e) => e.topic === 'alert.changed' && e.data.id === alert.id);
      expect(changes.length).toBeGreaterThanOrEqual(2);
      expect(alertSchema.parse(changes.at(-1)!.data).count).toBe(2);
    });
    live.socket.close();
  });

  it('when events keep grouping into an alert while an operator acknowledges it, then the last state a console gets is the newest: acknowledged, with every event counted', async () => {
    const cam = freshCamera();
    const live = liveClient(server.url, operator.cookie);
    await live.ready;
    await postEvents(server.url, [wrongWay(cam.id)]);
    const alert = await waitForAlert(operator, cam.id);
    // Grouping updates are coalesced per live window; the acknowledgement is pushed at once and must not be
    // overtaken by an older count still waiting in the window.
    await Promise.all(Array.from({ length: 8 }, () => postEvents(server.url, [wrongWay(cam.id)])));
    const ack = await call(server.url, operator, 'POST', `/api/alerts/${alert.id}/acknowledge`);
    expect(ack.status).toBe(200);
    await eventually(async () => {
      const now = (await alertsOf(server.url, operator)).find((a) => a.id === alert.id)!;
      expect(now).toMatchObject({ count: 9, status: 'acknowledged' });
    });
    await eventually(() => {
      const changes = live.received.filter((e) => e.topic === 'alert.changed' && e.data.id === alert.id);
      expect(alertSchema.parse(changes.at(-1)!.data)).toMatchObject({ count: 9, status: 'acknowledged' });
    });
    // Nothing older arrives after the window has passed.
    await new Promise((r) => setTimeout(r, 600));
    const changes = live.received.filter((e) => e.topic === 'alert.changed' && e.data.id === alert.id);
    expect(alertSchema.parse(changes.at(-1)!.data)).toMatchObject({ count: 9, status: 'acknowledged' });
    live.socket.close();
  });

  it('when a burst of events on three cameras arrives at once, then each camera has one alert counting all of its events, and its timeline names every grouped event in order, an entry per pass', async () => {
    const cams = [freshCamera(), freshCamera(), freshCamera()];
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    // Six events per camera, interleaved, in one request: most land in one pass of the alert loop.
    const burst = Array.from({ length: 6 }, (_, i) => cams.map((c) => wrongWay(c.id, { ts: at(i) }))).flat();
    await postEvents(server.url, burst);
    const alerts = await eventually(async () => {
      const mine = (await alertsOf(server.url, operator)).filter((a) =>
        cams.some((c) => c.id === a.cameraId),
      );
      expect(mine.map((a) => a.count)).toEqual([6, 6, 6]);
      return mine;
    });
    for (const a of alerts) {
      const events = burst.filter((e) => e.cameraId === a.cameraId);
      expect(Date.parse(a.lastEventAt)).toBe(Date.parse(events.at(-1)!.ts));
      const grouped = (await detailOf(server.url, operator, a.id)).timeline.filter(
        (t) => t.kind === 'grouped',
      );
      const details = grouped.map((t) => t.detail as { count: number; added: number; eventIds: string[] });
      expect(details.flatMap((d) => d.eventIds)).toEqual(events.slice(1).map((e) => e.id));
      expect(details.map((d) => d.added)).toEqual(details.map((d) => d.eventIds.length));
      expect(details.at(-1)!.count).toBe(6);
      // Most land in one pass: fewer entries than events.
      expect(grouped.length).toBeLessThan(5);
    }
  });

  it('when an event matches no rule (a minor violation), then no alert is raised', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id, { type: 'no_helmet', severity: 'minor' })]);
    const marker = wrongWay(freshCamera().id);
    await postEvents(server.url, [marker]);
    await waitForAlert(operator, marker.cameraId);
    expect((await alertsOf(server.url, operator)).some((a) => a.cameraId === cam.id)).toBe(false);
  });

  it('when a maintenance window covers the camera, then its events raise nothing and the window counts them', async () => {
    const cam = freshCamera();
    const window = await call(server.url, admin, 'POST', '/api/admin/alerts/suppressions', {
      reason: 'Thay camera',
      cameraIds: [cam.id],
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(window.status).toBe(201);
    await postEvents(server.url, [wrongWay(cam.id, { type: 'camera_offline', severity: 'major' })]);
    await eventually(async () => {
      const list = (await call(server.url, admin, 'GET', '/api/admin/alerts/suppressions')).body as {
        id: string;
        suppressed: number;
      }[];
      expect(list.find((w) => w.id === (window.body as { id: string }).id)?.suppressed).toBe(1);
    });
    expect((await alertsOf(server.url, operator)).some((a) => a.cameraId === cam.id)).toBe(false);
  });

  it('when a device-health event arrives, then a maintenance alert with the device procedure is raised', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id, { type: 'image_black', severity: 'major', plate: null })]);
    const alert = await waitForAlert(operator, cam.id);
    expect(alert).toMatchObject({ priority: 'P3', type: 'image_black' });
    expect(alert.sop?.templateId).toBe('sop-device');
  });
});

describe('operators work an alert', () => {
  it('when an operator acknowledges, claims and works the SOP, then the timeline records each step with who and when', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id)]);
    const alert = await waitForAlert(operator, cam.id);
    const id = alert.id;

    const ack = await call(server.url, operator, 'POST', `/api/alerts/${id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(alertSchema.parse(ack.body)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'Nguyễn Văn An (trực ca)',
    });
    expect((await call(server.url, dispatcher, 'POST', `/api/alerts/${id}/acknowledge`)).status).toBe(409);
    expect((await call(server.url, operator, 'POST', `/api/alerts/${id}/claim`)).status).toBe(200);

    const step = (body: object) => call(server.url, operator, 'POST', `/api/alerts/${id}/sop-steps`, body);
    expect((await step({ stepId: 'verify', outcome: 'done', answer: 'yes' })).status).toBe(200);
    expect((await step({ stepId: 'warn', outcome: 'done' })).status).toBe(200);
    // A required note missing is a 400 naming the field.
    const noNote = await step({ stepId: 'notify-unit', outcome: 'done' });
    expect(noNote.status).toBe(400);
    expect((noNote.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'note',
    );
    expect((await step({ stepId: 'notify-unit', outcome: 'done', note: 'Tổ CSGT 03, 5 phút' })).status).toBe(
      200,
    );
    expect((await step({ stepId: 'injuries', outcome: 'done', answer: 'no' })).status).toBe(200);
    // The injuries branch was not taken: its step cannot be recorded.
    expect((await step({ stepId: 'call-115', outcome: 'done', note: 'x' })).status).toBe(400);

    const resolved = await call(server.url, operator, 'POST', `/api/alerts/${id}/resolve`, {
      reason: 'Đã xử lý',
    });
    expect(resolved.status).toBe(200);
    const detail = await detailOf(server.url, operator, id);
    expect(detail.alert).toMatchObject({ status: 'resolved', resolvedBy: 'Nguyễn Văn An (trực ca)' });
    expect(detail.alert.sop).toMatchObject({ done: 4, skippedRequired: 0, compliance: 1 });
    expect(detail.sopRecords.map((r) => [r.stepId, r.by])).toEqual([
      ['verify', 'Nguyễn Văn An (trực ca)'],
      ['warn', 'Nguyễn Văn An (trực ca)'],
      ['notify-unit', 'Nguyễn Văn An (trực ca)'],
      ['injuries', 'Nguyễn Văn An (trực ca)'],
    ]);
    const kinds = detail.timeline.map((t) => t.kind);
    expect(kinds.slice(0, 2)).toEqual(['created', 'notified']);
    expect(kinds).toEqual(expect.arrayContaining(['acknowledged', 'claimed', 'sop_step', 'resolved']));
    expect(detail.timeline.every((t) => !Number.isNaN(Date.parse(t.at)))).toBe(true);
    // Closed is closed.
    expect((await call(server.url, operator, 'POST', `/api/alerts/${id}/claim`)).status).toBe(409);
  });

  it('when an operator skips a required step, then the on-duty supervisor is notified and compliance drops', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id)]);
    const { id } = await waitForAlert(operator, cam.id);
    const skipped = await call(server.url, operator, 'POST', `/api/alerts/${id}/sop-steps`, {
      stepId: 'verify',
      outcome: 'skipped',
      note: 'Camera mờ, không xác minh được',
    });
    expect(skipped.status).toBe(200);
    expect(alertSchema.parse(skipped.body).sop).toMatchObject({ skippedRequired: 1, compliance: 0 });
    const messages = await outboxOf(server.url, admin, id);
    const toSupervisor = messages.filter((m) => m.reason === 'required SOP step skipped');
    expect(toSupervisor.map((m) => [m.recipientName, m.channel]).sort()).toEqual([
      ['Trần Thị Bình (điều phối)', 'email'],
      ['Trần Thị Bình (điều phối)', 'in_app'],
    ]);
    const inbox = (await call(server.url, dispatcher, 'GET', '/api/alerts/notifications')).body as {
      alertId: string;
    }[];
    expect(inbox.some((m) => m.alertId === id)).toBe(true);
  });

  it('when an alert is a false positive, then it needs a reason, closes, and a transfer needs a current assignee', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id)]);
    const { id } = await waitForAlert(operator, cam.id);
    const people = (await call(server.url, operator, 'GET', '/api/alerts/people')).body as {
      id: string;
      username: string;
      email: string | null;
    }[];
    const dispatcherId = people.find((p) => p.username === 'dispatcher')!.id;
    expect(people.every((p) => p.email === null)).toBe(true);
    expect(
      (
        await call(server.url, operator, 'POST', `/api/alerts/${id}/transfer`, {
          userId: dispatcherId,
          reason: 'x',
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(server.url, operator, 'POST', `/api/alerts/${id}/assign`, { userId: dispatcherId })).status,
    ).toBe(200);
    const noReason = await call(server.url, operator, 'POST', `/api/alerts/${id}/false-positive`, {});
    expect(noReason.status).toBe(400);
    expect((noReason.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'reason',
    );
    const fp = await call(server.url, dispatcher, 'POST', `/api/alerts/${id}/false-positive`, {
      reason: 'Xe cứu hỏa đi ngược chiều có phép',
    });
    expect(alertSchema.parse(fp.body)).toMatchObject({
      status: 'false_positive',
      assigneeName: 'Trần Thị Bình (điều phối)',
    });
    expect((await alertsOf(server.url, operator, 'active')).some((a) => a.id === id)).toBe(false);
  });

  it('when a user may not handle alerts or sees another area, then 403 or 404', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id)]);
    const { id } = await waitForAlert(operator, cam.id);
    expect((await call(server.url, auditor, 'POST', `/api/alerts/${id}/acknowledge`)).status).toBe(403);
    expect((await call(server.url, operator, 'GET', '/api/admin/alerts/rules')).status).toBe(403);
    const other = cameras.find((c) => c.areaId !== cam.areaId)!;
    await server.db.query(
      `INSERT INTO users (id, username, display_name, role, areas, password_hash) VALUES ($1, $2, $3, 'operator', $4, $5)`,
      [randomUUID(), 'op-elsewhere', 'Trực ca phường khác', [other.areaId], await hashPassword(PASSWORD)],
    );
    const elsewhere = await login(server.url, 'op-elsewhere');
    expect((await call(server.url, elsewhere, 'GET', `/api/alerts/${id}`)).status).toBe(404);
    expect((await call(server.url, elsewhere, 'POST', `/api/alerts/${id}/acknowledge`)).status).toBe(404);
    expect((await alertsOf(server.url, elsewhere)).some((a) => a.id === id)).toBe(false);
  });
});

describe('administrators configure', () => {
  it('when a rule misses its name and types, then the 400 names each field with a code a console can translate', async () => {
    const bad = await call(server.url, admin, 'POST', '/api/admin/alerts/rules', {
      eventTypes: [],
      priority: 'P9',
    });
    expect(bad.status).toBe(400);
    const { error } = bad.body as {
      error: { fields: Record<string, string>; issues: Record<string, { code: string }> };
    };
    expect(error.issues).toMatchObject({
      name: { code: 'required' },
      eventTypes: { code: 'too_small', origin: 'array', limit: 1 },
      priority: { code: 'invalid_value' },
    });
    expect(Object.keys(error.issues).sort()).toEqual(Object.keys(error.fields).sort());
  });

  it('when a rule names an unknown procedure or a bad window, then 400 naming the field; a good rule is saved and audited', async () => {
    const bad = await call(server.url, admin, 'POST', '/api/admin/alerts/rules', {
      name: 'x',
      eventTypes: ['accident'],
      priority: 'P1',
      sopTemplateId: 'nope',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'sopTemplateId',
    );
    const window = await call(server.url, admin, 'POST', '/api/admin/alerts/rules', {
      name: 'x',
      eventTypes: ['accident'],
      priority: 'P1',
      activeFrom: 600,
    });
    expect((window.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'activeTo',
    );
    const badSop = await call(server.url, admin, 'POST', '/api/admin/alerts/sops', {
      name: 'x',
      steps: [
        {
          id: 'a',
          title: 'A',
          kind: 'question',
          answers: [
            { value: 'y', label: 'Y', next: 'a' },
            { value: 'n', label: 'N' },
          ],
        },
      ],
    });
    expect(badSop.status).toBe(400);
    expect(
      Object.keys((badSop.body as { error: { fields: Record<string, string> } }).error.fields),
    ).toContain('steps.0.answers.0.next');
    const good = await call(server.url, admin, 'POST', '/api/admin/alerts/rules', {
      name: 'Cháy trên cao tốc',
      eventTypes: ['fire_smoke'],
      priority: 'P1',
      sopTemplateId: 'sop-accident',
    });
    expect(good.status).toBe(201);
    const audit = await server.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'alert.rule.create'`,
    );
    expect(audit).toHaveLength(1);
  });
});

describe('escalation over e-mail, SMS and Zalo', () => {
  it('when nobody acknowledges, then an e-mail reaches the SMTP server, then SMS and Zalo reach their gateways at the policy times', async () => {
    const cam = freshCamera();
    const people = (await call(server.url, admin, 'GET', '/api/admin/alerts/people')).body as {
      id: string;
      username: string;
      email: string;
      phone: string;
    }[];
    const op = people.find((p) => p.username === 'operator')!;
    const policy = escalationPolicySchema.parse(
      (
        await call(server.url, admin, 'POST', '/api/admin/alerts/policies', {
          name: 'Thử nghiệm',
          ackSlaSeconds: 30,
          resolveSlaSeconds: 600,
          steps: [
            { targets: [{ kind: 'user', userId: op.id }], channels: ['email'], waitSeconds: 2 },
            { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['sms'], waitSeconds: 2 },
            { targets: [{ kind: 'role', role: 'leader' }], channels: ['zalo'], waitSeconds: 2 },
          ],
        })
      ).body,
    );
    alertRuleSchema.parse(
      (
        await call(server.url, admin, 'POST', '/api/admin/alerts/rules', {
          name: 'Ngược chiều (thử)',
          eventTypes: ['wrong_way'],
          priority: 'P1',
          cameraIds: [cam.id],
          sopTemplateId: 'sop-wrong-way',
          policyId: policy.id,
        })
      ).body,
    );
    await postEvents(server.url, [wrongWay(cam.id)]);
    const alert = await waitForAlert(operator, cam.id);
    const t0 = Date.parse(alert.createdAt);

    const mail = await eventually(() => {
      const m = smtp.mails.find((x) => x.text.includes(alert.id) || x.to.includes(op.email));
      expect(m).toBeDefined();
      return m!;
    }, 5000);
    expect(mail.to).toEqual([op.email]);
    expect(mail.at - t0).toBeLessThan(1000);
    const sms = await eventually(() => {
      const c = gateway.calls.find(
        (x) => x.path === '/sms' && String(x.body.text).includes('Di nguoc chieu'),
      );
      expect(c).toBeDefined();
      return c!;
    }, 6000);
    expect(sms.at - t0).toBeGreaterThanOrEqual(1900);
    expect(sms.at - t0).toBeLessThan(3000);
    expect(sms.body.to).toMatch(/^849/);
    const zalo = await eventually(() => {
      const c = gateway.calls.find((x) => x.path === '/zalo');
      expect(c).toBeDefined();
      return c!;
    }, 8000);
    expect(zalo.at - t0).toBeGreaterThanOrEqual(3900);
    expect(zalo.at - t0).toBeLessThan(5000);
    expect(zalo.headers.access_token).toBe('zalo-test-access-token');
    expect(zalo.body).toMatchObject({
      template_id: 'c2-alert',
      template_data: { priority: 'P1', level: '3' },
    });

    const escalated = await detailOf(server.url, operator, alert.id);
    expect(escalated.alert).toMatchObject({ status: 'escalated', escalationLevel: 3 });
    const outbox = await outboxOf(server.url, admin, alert.id);
    expect(outbox.map((m) => [m.channel, m.transport, m.status])).toEqual(
      expect.arrayContaining([
        ['email', 'smtp', 'sent'],
        ['sms', 'sms-http', 'sent'],
        ['zalo', 'zalo-zns', 'sent'],
      ]),
    );

    // The e-mail's one-click link: GET only shows it, POST acknowledges in the recipient's name.
    const link = /https?:\/\/[^\s"<>]+\/ack\/[A-Za-z0-9_.-]+/.exec(mail.text)![0];
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect((await detailOf(server.url, operator, alert.id)).alert.acknowledgedAt).toBeNull();
    const clicked = await fetch(link, { method: 'POST' });
    expect(clicked.status).toBe(200);
    const after = await detailOf(server.url, operator, alert.id);
    expect(after.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Nguyễn Văn An (trực ca)' });
    expect(after.timeline.find((t) => t.kind === 'acknowledged')?.detail).toEqual({ via: 'link' });
    expect((await fetch(link, { method: 'POST' })).status).toBe(409);
    expect((await fetch(`${link}x`)).status).toBe(404);
  }, 30_000);

  it('when someone acknowledges in the middle of a wait, then the next not-acknowledged step never fires; a gateway failure is retried', async () => {
    const cam = freshCamera();
    gateway.failNext('/sms', 1);
    const policy = escalationPolicySchema.parse(
      (
        await call(server.url, admin, 'POST', '/api/admin/alerts/policies', {
          name: 'Thử nghiệm 2',
          ackSlaSeconds: 30,
          resolveSlaSeconds: 600,
          steps: [
            { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['sms'], waitSeconds: 3 },
            { targets: [{ kind: 'role', role: 'leader' }], channels: ['zalo'], waitSeconds: 3 },
          ],
        })
      ).body,
    );
    await call(server.url, admin, 'POST', '/api/admin/alerts/rules', {
      name: 'Ngược chiều (thử 2)',
      eventTypes: ['wrong_way'],
      priority: 'P1',
      cameraIds: [cam.id],
      policyId: policy.id,
    });
    const zaloBefore = gateway.calls.filter((c) => c.path === '/zalo').length;
    await postEvents(server.url, [wrongWay(cam.id)]);
    const alert = await waitForAlert(operator, cam.id);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await call(server.url, operator, 'POST', `/api/alerts/${alert.id}/acknowledge`)).status).toBe(
      200,
    );
    // The SMS failed once (503) and went out on the retry, 2 s later.
    const sms = await eventually(async () => {
      const m = (await outboxOf(server.url, admin, alert.id)).find((x) => x.channel === 'sms');
      expect(m).toMatchObject({ status: 'sent', attempts: 2 });
      return m!;
    }, 8000);
    expect(sms.lastError).toBeNull();
    // Step 2 was due at +3 s; wait past it.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(alert.createdAt) + 4000 - Date.now())));
    expect(gateway.calls.filter((c) => c.path === '/zalo').length).toBe(zaloBefore);
    expect((await detailOf(server.url, operator, alert.id)).alert.escalationLevel).toBe(1);
  }, 30_000);

  it('when an operator escalates by hand, then the next level is notified at once', async () => {
    const cam = freshCamera();
    await postEvents(server.url, [wrongWay(cam.id)]);
    const alert = await waitForAlert(operator, cam.id);
    const res = await call(server.url, operator, 'POST', `/api/alerts/${alert.id}/escalate`, {
      reason: 'Cần lãnh đạo ca',
    });
    expect(alertSchema.parse(res.body)).toMatchObject({ status: 'escalated', escalationLevel: 2 });
    const outbox = await outboxOf(server.url, admin, alert.id);
    // Default P1 policy, level 2: the on-duty supervisor in-app, by SMS and by Zalo.
    expect(
      outbox
        .filter((m) => m.reason === 'manual escalation to level 2')
        .map((m) => m.channel)
        .sort(),
    ).toEqual(['in_app', 'sms', 'zalo']);
  });
});
