import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violationDetailSchema } from '@c2/api-client/schemas/violation';
import { verifyEvidencePackage } from '../src/components/evidence/domain/package-verifier';
import { dropSchema, errorOf, login, startTestServer, type Session } from './support/test-server';
import { drive, send, tempDataDir } from './support/drills';

const REPO = path.resolve(import.meta.dirname, '../../..');

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let admin: Session;
let investigator: Session;
let leader: Session;
let operator: Session;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startTestServer({ dataDir: data.dir, violationMakerChecker: true });
  [admin, investigator, leader, operator] = await Promise.all([
    login(server.url, 'admin'),
    login(server.url, 'investigator'),
    login(server.url, 'leader'),
    login(server.url, 'operator'),
  ]);
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
  await data.remove();
});

async function newViolation(type: 'speeding' | 'red_light' | 'no_helmet' = 'speeding', plate?: string) {
  const j = await drive(server.url, admin, { violation: type, sightings: 2, ...(plate ? { plate } : {}) });
  expect(j.violationIds).toHaveLength(1);
  return { id: j.violationIds[0]!, plate: j.plate, eventId: j.eventIds[j.eventIds.length - 1]! };
}

const decide = (s: Session, id: string, body: unknown) =>
  send(server.url, s, 'POST', `/api/violations/${encodeURIComponent(id)}/decisions`, body);

describe('review queue', () => {
  it('when a violation arrives, then it waits in the queue, signed, and its evidence is sealed once received', async () => {
    const v = await newViolation('speeding');
    const page = await investigator.api.violations.list({ status: 'pending' });
    const item = page.items.find((x) => x.id === v.id);
    expect(item).toBeDefined();
    expect(item!.status).toBe('pending');
    expect(item!.signature.status).toBe('verified');
    expect(item!.plate).toBe(v.plate);
    expect(item!.speedKmh).toBeGreaterThan(item!.limitKmh!);
    expect(item!.evidence.map((e) => e.kind)).toEqual(['overview', 'vehicle', 'plate', 'clip']);

    // The first open answers at once and seals the files as they are received.
    await expect
      .poll(
        async () =>
          (await investigator.api.violations.get(v.id)).evidence.every((e) =>
            /^[0-9a-f]{64}$/.test(e.sha256 ?? ''),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    const detail = await investigator.api.violations.get(v.id);
    const image = await fetch(`${server.url}${detail.evidence[0]!.url}`, {
      headers: { cookie: investigator.cookie },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('x-evidence-integrity')).toBe('intact');
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const clip = await fetch(`${server.url}${detail.evidence[3]!.url}`, {
      headers: { cookie: investigator.cookie },
    });
    expect(clip.headers.get('content-type')).toBe('video/mp4');
    expect(
      Buffer.from(await clip.arrayBuffer())
        .subarray(4, 8)
        .toString(),
    ).toBe('ftyp');
  });

  it('when a role without the permission decides, then 403 and nothing changes', async () => {
    const v = await newViolation();
    const byOperator = await decide(operator, v.id, { action: 'verify' });
    expect(byOperator.status).toBe(403);
    expect((await errorOf(byOperator)).code).toBe('forbidden');
    const dispatcher = await login(server.url, 'dispatcher');
    expect((await decide(dispatcher, v.id, { action: 'reject', reasonCode: 'duplicate' })).status).toBe(403);
    // The leader is a checker, not a maker: approving is theirs, verifying is not.
    expect((await decide(leader, v.id, { action: 'verify' })).status).toBe(403);
    expect((await investigator.api.violations.get(v.id)).status).toBe('pending');
  });

  it('when a decision is malformed, then 400 names the field', async () => {
    const v = await newViolation();
    const other = await decide(investigator, v.id, { action: 'reject', reasonCode: 'other' });
    expect(other.status).toBe(400);
    expect((await errorOf(other)).fields).toHaveProperty('note');
    const badPlate = await decide(investigator, v.id, { action: 'verify', plate: 'not a plate' });
    expect(badPlate.status).toBe(400);
    expect((await errorOf(badPlate)).fields).toHaveProperty('plate');
    const unknown = await decide(investigator, v.id, { action: 'delete' });
    expect(unknown.status).toBe(400);
  });

  it('when the investigator rejects with a reason, then the violation is rejected, the decision signed and sent to the service', async () => {
    const v = await newViolation('red_light');
    const res = await decide(investigator, v.id, {
      action: 'reject',
      reasonCode: 'priority_vehicle',
      note: 'Xe cứu thương làm nhiệm vụ',
    });
    expect(res.status).toBe(200);
    const detail = violationDetailSchema.parse(await res.json());
    expect(detail.status).toBe('rejected');
    expect(detail.reviews).toHaveLength(1);
    expect(detail.reviews[0]).toMatchObject({
      action: 'reject',
      reasonCode: 'priority_vehicle',
      actorName: 'Lê Minh Châu (điều tra)',
    });
    expect(detail.reviews[0]!.signature.status).toBe('verified');
    expect(detail.reviews[0]!.evidence.every((e) => e.sha256 !== null)).toBe(true);
    await expect
      .poll(
        () => server.upstreams.sim!.violations!.decisions().find((d) => d.id === v.id)?.decision.decision,
        { timeout: 8000 },
      )
      .toBe('rejected');
    const sent = server.upstreams.sim!.violations!.decisions().find((d) => d.id === v.id)!.decision;
    expect(sent.reasonCode).toBe('priority_vehicle');
    expect(sent.signature.alg).toBe('Ed25519');
    await expect
      .poll(async () => (await investigator.api.violations.get(v.id)).reviews[0]!.sync.state)
      .toBe('sent');
    // A rejected violation cannot be verified afterwards.
    expect((await decide(investigator, v.id, { action: 'verify' })).status).toBe(409);
  });

  it('when maker–checker is on, then a verification waits for a different person, and only their approval confirms it', async () => {
    const v = await newViolation('no_helmet');
    const verified = await decide(investigator, v.id, { action: 'verify', plate: '98H1-234.56' });
    expect(verified.status).toBe(200);
    const waiting = violationDetailSchema.parse(await verified.json());
    expect(waiting.status).toBe('awaiting_approval');
    expect(waiting.plate).toBe('98H1-234.56');
    expect(waiting.plateDetected).toBe(v.plate);
    // Nothing goes to the service before the checker.
    expect(server.upstreams.sim!.violations!.decisions().some((d) => d.id === v.id)).toBe(false);

    const self = await decide(investigator, v.id, { action: 'approve' });
    expect(self.status).toBe(403);
    expect((await errorOf(self)).message).toMatch(/different person/);

    const approved = await decide(leader, v.id, { action: 'approve' });
    expect(approved.status).toBe(200);
    const done = violationDetailSchema.parse(await approved.json());
    expect(done.status).toBe('verified');
    expect(done.reviews.map((r) => r.action)).toEqual(['verify', 'approve']);
    await expect
      .poll(() => server.upstreams.sim!.violations!.decisions().find((d) => d.id === v.id)?.decision, {
        timeout: 8000,
      })
      .toMatchObject({
        decision: 'verified',
        plate: '98H1-234.56',
        decidedBy: { name: 'Lê Minh Châu (điều tra)' },
        approvedBy: { name: 'Phạm Quốc Dũng (lãnh đạo)' },
      });
  });

  it('when the checker returns a verification, then it is pending again for another look', async () => {
    const v = await newViolation();
    await decide(investigator, v.id, { action: 'verify' });
    const back = await decide(leader, v.id, {
      action: 'return',
      reasonCode: 'plate_mismatch',
      note: 'Biển số không khớp ảnh',
    });
    expect(back.status).toBe(200);
    expect(violationDetailSchema.parse(await back.json()).status).toBe('pending');
  });

  it('when an admin turns maker–checker off, then a verification confirms at once; the switch is audited', async () => {
    expect(
      (await send(server.url, investigator, 'PUT', '/api/violations/settings', { makerChecker: false }))
        .status,
    ).toBe(403);
    const off = await send(server.url, admin, 'PUT', '/api/violations/settings', { makerChecker: false });
    expect(off.status).toBe(200);
    try {
      const v = await newViolation();
      const res = await decide(investigator, v.id, { action: 'verify' });
      expect(violationDetailSchema.parse(await res.json()).status).toBe('verified');
      const audit = await server.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE action IN ('violation.settings', 'violation.verify') ORDER BY id",
      );
      expect(audit.map((a) => a.action)).toContain('violation.settings');
    } finally {
      await send(server.url, admin, 'PUT', '/api/violations/settings', { makerChecker: true });
    }
  });

  it('when a record is altered in the database, then it shows as not verified', async () => {
    const v = await newViolation();
    await server.db.query(
      `UPDATE violations SET record = jsonb_set(record, '{plate}', '"30A-999.99"') WHERE id = $1`,
      [v.id],
    );
    const page = await investigator.api.violations.list({});
    expect(page.items.find((x) => x.id === v.id)!.signature.status).toBe('not_verified');
  });
});

describe('evidence package', () => {
  it('when a violation is exported, then the package verifies offline, the export is audited, and one changed byte of an image is named', async () => {
    const v = await newViolation('speeding');
    await decide(investigator, v.id, { action: 'verify' });
    await decide(leader, v.id, { action: 'approve' });
    expect(
      (await fetch(`${server.url}/api/violations/${v.id}/export`, { headers: { cookie: operator.cookie } }))
        .status,
    ).toBe(403);
    const res = await fetch(`${server.url}/api/violations/${v.id}/export`, {
      headers: { cookie: investigator.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = new Uint8Array(await res.arrayBuffer());

    const keys = await investigator.api.signatures.keys();
    const report = verifyEvidencePackage(zip, { trustedKeyIds: keys.map((k) => k.keyId) });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.subject).toMatchObject({ kind: 'violation', id: v.id });
    expect(report.recordsChecked).toBe(4); // violation, verify, approve, the AI event
    const audit = await server.db.query<{ target: string }>(
      "SELECT target FROM audit_log WHERE action = 'evidence.export'",
    );
    expect(audit.map((a) => a.target)).toContain(v.id);

    const files = unzipSync(zip);
    const image = `evidence/${v.id}/overview.jpg`;
    const bytes = files[image]!;
    bytes[2000] = bytes[2000]! ^ 0x01;
    const tampered = verifyEvidencePackage(zipSync(files));
    expect(tampered.ok).toBe(false);
    expect(tampered.problems.map((p) => p.path)).toContain(image);
    expect(tampered.problems.every((p) => p.path === image)).toBe(true);
    expect(verifyEvidencePackage(zip, { trustedKeyIds: ['ed25519:someone-else'] }).problems[0]!.kind).toBe(
      'untrusted_key',
    );

    // The command a prosecutor runs: `pnpm verify-evidence <zip>`, offline, exit code and the file named.
    const good = path.join(data.dir, 'good.zip');
    const bad = path.join(data.dir, 'bad.zip');
    await fs.writeFile(good, zip);
    await fs.writeFile(bad, zipSync(files));
    const run = promisify(execFile);
    const ok = await run('pnpm', ['--silent', 'verify-evidence', good, '--trust', keys[0]!.keyId], {
      cwd: REPO,
    });
    expect(ok.stdout).toMatch(/RESULT: VERIFIED/);
    const failed = await run('pnpm', ['--silent', 'verify-evidence', bad], { cwd: REPO }).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`TAMPERED: ${image}`);
  });
});

describe('AI event signatures', () => {
  it('when an AI event is stored, then it verifies; when its row is altered, then it does not', async () => {
    const j = await drive(server.url, admin, { sightings: 2 });
    const id = j.eventIds[0]!;
    expect((await investigator.api.signatures.verifyEvent(id)).signature.status).toBe('verified');
    await server.db.query(`UPDATE analytics_events SET plate = '30A-000.01' WHERE id = $1`, [id]);
    expect((await investigator.api.signatures.verifyEvent(id)).signature.status).toBe('not_verified');
  });
});
