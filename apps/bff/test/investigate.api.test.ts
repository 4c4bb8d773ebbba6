import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { caseDetailSchema, caseSchema } from '@c2/api-client/schemas/investigate';
import { hashPassword } from '../src/components/auth/domain/password';
import { insertUser } from '../src/components/auth/data/user-store';
import { verifyEvidencePackage } from '../src/components/evidence/domain/package-verifier';
import { dropSchema, errorOf, login, PASSWORD, startTestServer, type Session } from './support/test-server';
import { drive, send, tempDataDir, type Journey } from './support/drills';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let admin: Session;
let investigator: Session;
let journey: Journey;

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const soon = () => new Date(Date.now() + 60_000).toISOString();

beforeAll(async () => {
  data = await tempDataDir();
  server = await startTestServer({ dataDir: data.dir });
  [admin, investigator] = await Promise.all([login(server.url, 'admin'), login(server.url, 'investigator')]);
  journey = await drive(server.url, admin, { plate: '99A-123.45', sightings: 4, violation: 'speeding' });
  expect(journey.eventIds.length).toBeGreaterThanOrEqual(3);
  // Another vehicle whose plate a reader could confuse with the first (one digit apart).
  await drive(server.url, admin, { plate: '99A-123.46', sightings: 2 });
  await drive(server.url, admin, { plate: '30K-555.55', sightings: 3 });
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
  await data.remove();
});

describe('plate search', () => {
  it('when the plate is written with other separators, case or diacritics, then the same sightings come back in time order', async () => {
    for (const plate of ['99A-123.45', '99a12345', '99A 123 45', '99Ă-123.45']) {
      const r = await investigator.api.investigate.search({ plate, from: hourAgo(), to: soon() });
      expect(
        r.items.map((i) => i.eventId),
        plate,
      ).toEqual(journey.eventIds);
      expect(r.items.every((i) => i.plateMatch === 'exact' && i.signature.status === 'verified')).toBe(true);
    }
    const r = await investigator.api.investigate.search({ plate: '99A-123.45', from: hourAgo(), to: soon() });
    const ts = r.items.map((i) => Date.parse(i.ts));
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    expect(r.items.map((i) => i.cameraId)).toEqual(journey.cameraIds);
    // The violation at the last camera is linked to its sighting.
    expect(r.items[r.items.length - 1]!.violationId).toBe(journey.violationIds[0]);
    expect(r.plates).toEqual([{ plate: '99A-123.45', distance: 0, count: journey.eventIds.length }]);
  });

  it('when fuzzy, then a misread look-alike or a one-digit slip finds the plate, the exact one first', async () => {
    const misread = await investigator.api.investigate.search({
      plate: '99A-I23.4S',
      fuzzy: true,
      from: hourAgo(),
      to: soon(),
    });
    expect(misread.plates.map((p) => p.plate)).toContain('99A-123.45');
    const near = await investigator.api.investigate.search({
      plate: '99A-123.45',
      fuzzy: true,
      from: hourAgo(),
      to: soon(),
    });
    expect(near.plates.map((p) => [p.plate, p.distance])).toEqual([
      ['99A-123.45', 0],
      ['99A-123.46', 1],
    ]);
    expect(near.items.filter((i) => i.plateMatch === 'fuzzy')).toHaveLength(2);
    const exactOnly = await investigator.api.investigate.search({
      plate: '99A-123.46',
      from: hourAgo(),
      to: soon(),
    });
    expect(exactOnly.items).toHaveLength(2);
    const partial = await investigator.api.investigate.search({
      plate: '555.55',
      fuzzy: true,
      from: hourAgo(),
      to: soon(),
    });
    expect(partial.plates.map((p) => p.plate)).toContain('30K-555.55');
  });

  it('when filtered by camera and type, or given a bad range, then only those / a 400 naming the field', async () => {
    const byCamera = await investigator.api.investigate.search({
      cameraIds: [journey.cameraIds[0]!],
      from: hourAgo(),
      to: soon(),
    });
    expect(byCamera.items.every((i) => i.cameraId === journey.cameraIds[0])).toBe(true);
    expect(byCamera.items.map((i) => i.eventId)).toContain(journey.eventIds[0]);
    const byType = await investigator.api.investigate.search({
      types: ['speeding'],
      from: hourAgo(),
      to: soon(),
    });
    expect(byType.items.map((i) => i.eventId)).toEqual([journey.eventIds[journey.eventIds.length - 1]]);
    const bad = await fetch(`${server.url}/api/investigate/search?from=${soon()}&to=${hourAgo()}`, {
      headers: { cookie: investigator.cookie },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('to');
  });

  it('when a user of another area searches, then the sightings outside their jurisdiction are not there; searches are audited', async () => {
    const cameras = await investigator.api.cameras.list();
    const first = cameras.find((c) => c.id === journey.cameraIds[0])!;
    const other = cameras.find((c) => c.areaId !== first.areaId && !journey.cameraIds.includes(c.id))!;
    const username = `inv-${randomUUID().slice(0, 6)}`;
    await insertUser(server.db, {
      id: randomUUID(),
      username,
      displayName: 'Điều tra viên phường khác',
      role: 'investigator',
      areas: [other.areaId],
      passwordHash: await hashPassword(PASSWORD),
    });
    const local = await login(server.url, username);
    const r = await local.api.investigate.search({ plate: '99A-123.45', from: hourAgo(), to: soon() });
    expect(r.items.every((i) => i.areaId === other.areaId)).toBe(true);
    expect(r.items.length).toBeLessThan(journey.eventIds.length);
    expect(
      (await send(server.url, local, 'PUT', `/api/investigate/bookmarks/${journey.eventIds[0]}`, {})).status,
    ).toBe(404);
    const audited = await server.db.query<{ target: string }>(
      "SELECT target FROM audit_log WHERE action = 'investigate.search'",
    );
    expect(audited.length).toBeGreaterThan(0);
  });

  it('when a role without investigate:search asks, then 403', async () => {
    const operator = await login(server.url, 'operator');
    const res = await fetch(`${server.url}/api/investigate/search?from=${hourAgo()}&to=${soon()}`, {
      headers: { cookie: operator.cookie },
    });
    expect(res.status).toBe(403);
  });
});

describe('bookmarks and case files', () => {
  it('when an event is bookmarked with a note, then search marks it and the list has it; unbookmarking removes it', async () => {
    const id = journey.eventIds[1]!;
    const b = await investigator.api.investigate.bookmark(id, 'Xe đi qua nút giao lúc cao điểm');
    expect(b.note).toBe('Xe đi qua nút giao lúc cao điểm');
    const r = await investigator.api.investigate.search({ plate: '99A12345', from: hourAgo(), to: soon() });
    expect(r.items.find((i) => i.eventId === id)!.bookmarked).toBe(true);
    expect((await investigator.api.investigate.bookmarks()).map((x) => x.eventId)).toContain(id);
    await investigator.api.investigate.unbookmark(id);
    expect((await investigator.api.investigate.bookmarks()).map((x) => x.eventId)).not.toContain(id);
  });

  it('when a case groups events, a violation and a clip, then it reads back in time order and exports a package that verifies', async () => {
    const created = caseSchema.parse(
      await (
        await send(server.url, investigator, 'POST', '/api/investigate/cases', {
          title: 'Xe 99A-123.45 chạy quá tốc độ',
        })
      ).json(),
    );
    expect(created.code).toMatch(/^HS-\d{4}-\d{4}$/);
    for (const eventId of journey.eventIds.slice(0, 2))
      await investigator.api.investigate.addItem(created.id, { kind: 'event', refId: eventId });
    await investigator.api.investigate.addItem(created.id, {
      kind: 'violation',
      refId: journey.violationIds[0]!,
      note: 'Vi phạm chính',
    });
    const from = new Date(Date.now() - 120_000).toISOString();
    await investigator.api.investigate.addItem(created.id, {
      kind: 'clip',
      cameraId: journey.cameraIds[1]!,
      from,
      to: new Date().toISOString(),
    });
    await investigator.api.investigate.addNote(created.id, 'Đề nghị xác minh chủ xe');
    const tooLong = await send(
      server.url,
      investigator,
      'POST',
      `/api/investigate/cases/${created.id}/items`,
      {
        kind: 'clip',
        cameraId: journey.cameraIds[1],
        from: hourAgo(),
        to: soon(),
      },
    );
    expect(tooLong.status).toBe(400);

    const detail = caseDetailSchema.parse(await investigator.api.investigate.case(created.id));
    expect(detail.items.map((i) => i.kind).sort()).toEqual(['clip', 'event', 'event', 'violation']);
    expect(detail.items.find((i) => i.kind === 'violation')!.plate).toBe('99A-123.45');
    expect(detail.notes.map((n) => n.text)).toEqual(['Đề nghị xác minh chủ xe']);
    expect((await investigator.api.investigate.cases()).find((c) => c.id === created.id)!.itemCount).toBe(4);

    const res = await fetch(`${server.url}/api/investigate/cases/${created.id}/export`, {
      headers: { cookie: investigator.cookie },
    });
    expect(res.status).toBe(200);
    const zip = new Uint8Array(await res.arrayBuffer());
    const report = verifyEvidencePackage(zip);
    expect(report.problems).toEqual([]);
    const files = Object.keys(unzipSync(zip));
    expect(files).toContain('case.json');
    expect(files).toContain(`evidence/${journey.violationIds[0]}/clip.mp4`);
    for (const e of journey.eventIds.slice(0, 2)) expect(files).toContain(`records/events/${e}.json`);
    const caseJson = JSON.parse(Buffer.from(unzipSync(zip)['case.json']!).toString()) as {
      items: Array<{ recordedClip?: string }>;
    };
    expect(
      caseJson.items.some((i) =>
        i.recordedClip?.startsWith(`/api/streams/${journey.cameraIds[1]}/recorded.m3u8?from=`),
      ),
    ).toBe(true);
  });
});
