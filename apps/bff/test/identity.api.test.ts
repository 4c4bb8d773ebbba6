import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityAccessSchema, identityLookupResultSchema } from '@c2/api-client/schemas/identity';
import { dropSchema, errorOf, login, startTestServer, type Session } from './support/test-server';
import { send } from './support/drills';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let investigator: Session;
let leader: Session;
let auditor: Session;

beforeAll(async () => {
  server = await startTestServer({ identityUnitId: 'PC08-TEST' });
  [investigator, leader, auditor] = await Promise.all([
    login(server.url, 'investigator'),
    login(server.url, 'leader'),
    login(server.url, 'auditor'),
  ]);
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

const lookup = (s: Session, body: unknown) => send(server.url, s, 'POST', '/api/identity/lookups', body);
const purpose = { code: 'violation_processing', detail: 'Xử lý vi phạm quá tốc độ tại QL1A Km12' };
const accessLog = async () =>
  identityAccessSchema
    .array()
    .parse(
      await (
        await fetch(`${server.url}/api/identity/access-log`, { headers: { cookie: auditor.cookie } })
      ).json(),
    );

describe('identity lookup', () => {
  it('when no purpose is stated, then 400 naming it, no registry data in the answer, and nothing looked up', async () => {
    const before = (await accessLog()).length;
    for (const body of [
      { subject: { kind: 'vehicle', plate: '99A-123.45' } },
      { subject: { kind: 'vehicle', plate: '99A-123.45' }, purpose: { code: 'other' } },
      { subject: { kind: 'vehicle', plate: '99A-123.45' }, purpose: { code: 'other', detail: 'vì' } },
    ]) {
      const res = await lookup(investigator, body);
      expect(res.status).toBe(400);
      const text = await res.clone().text();
      const error = await errorOf(res);
      expect(Object.keys(error.fields ?? {}).some((f) => f.startsWith('purpose'))).toBe(true);
      // No field of the registry leaks into the error.
      expect(text).not.toMatch(/owner|vehicleType|Nguyễn|Trần|Số \d/);
    }
    expect((await accessLog()).length).toBe(before);
  });

  it('when the investigator states a purpose, then every field comes back unmasked and the access is logged', async () => {
    const res = await lookup(investigator, {
      subject: { kind: 'vehicle', plate: '99A-123.45' },
      purpose,
      reference: { kind: 'violation', id: 'vp-1' },
    });
    expect(res.status).toBe(200);
    const result = identityLookupResultSchema.parse(await res.json());
    expect(result.found).toBe(true);
    expect(result.withheld).toEqual([]);
    const owner = result.fields.find((f) => f.field === 'ownerName')!;
    expect(owner.masked).toBe(false);
    expect(owner.value).not.toContain('*');
    expect(result.fields.find((f) => f.field === 'ownerIdNumber')!.value).toMatch(/^\d{12}$/);

    const [entry] = await accessLog();
    expect(entry).toMatchObject({
      id: result.accessId,
      username: 'investigator',
      role: 'investigator',
      unitId: 'PC08-TEST',
      purposeCode: 'violation_processing',
      purposeDetail: purpose.detail,
      subjectKind: 'vehicle',
      subject: '99A-123.45',
      outcome: 'found',
      reference: 'violation:vp-1',
    });
    expect(entry!.fields).toContain('ownerName');
  });

  it('when the leader looks up, then only the fields the role may see come back, and personal ones masked', async () => {
    const res = await lookup(leader, {
      subject: { kind: 'vehicle', plate: '99A-123.45' },
      purpose: { code: 'accident_investigation', detail: 'Tai nạn liên hoàn tại nút giao Đình Trám' },
    });
    const result = identityLookupResultSchema.parse(await res.json());
    const fields = result.fields.map((f) => f.field);
    expect(fields).not.toContain('ownerIdNumber');
    expect(fields).not.toContain('ownerPhone');
    expect(result.withheld).toEqual(expect.arrayContaining(['ownerIdNumber', 'ownerPhone']));
    const owner = result.fields.find((f) => f.field === 'ownerName')!;
    expect(owner.masked).toBe(true);
    expect(owner.value).toMatch(/\*/);
    const color = result.fields.find((f) => f.field === 'color')!;
    expect(color.masked).toBe(false);
    const [entry] = await accessLog();
    expect(entry!.fields).not.toContain('ownerIdNumber');
  });

  it('when a resident is looked up by someone without the right, or the record is absent, then 403 with nothing asked of the registry, or not found and logged', async () => {
    const res = await lookup(leader, { subject: { kind: 'resident', idNumber: '001203004567' }, purpose });
    expect(res.status).toBe(403);
    const operator = await login(server.url, 'operator');
    expect(
      (await lookup(operator, { subject: { kind: 'vehicle', plate: '99A-123.45' }, purpose })).status,
    ).toBe(403);
    const missing = identityLookupResultSchema.parse(
      await (
        await lookup(investigator, { subject: { kind: 'resident', idNumber: '001203004000' }, purpose })
      ).json(),
    );
    expect(missing).toMatchObject({ found: false, fields: [] });
    expect((await accessLog())[0]).toMatchObject({ subjectKind: 'resident', outcome: 'not_found' });
  });

  it('when someone other than an auditor reads the access log, then 403', async () => {
    const res = await fetch(`${server.url}/api/identity/access-log`, {
      headers: { cookie: investigator.cookie },
    });
    expect(res.status).toBe(403);
  });
});
