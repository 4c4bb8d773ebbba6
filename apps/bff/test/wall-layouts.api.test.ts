import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '@c2/api-client/schemas/camera';
import type { WallLayoutInput } from '@c2/api-client/schemas/wall';
import { ApiError } from '@c2/api-client/http/api-error';
import { hashPassword } from '../src/components/auth/domain/password';
import { insertUser } from '../src/components/auth/data/user-store';
import { dropSchema, errorOf, login, PASSWORD, startTestServer, type Session } from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let operator: Session;
let admin: Session;
let cameras: Camera[];

beforeAll(async () => {
  server = await startTestServer();
  operator = await login(server.url, 'operator');
  admin = await login(server.url, 'admin');
  cameras = await operator.api.cameras.list();
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

const fourUp = (name: string, shared = false): WallLayoutInput => ({
  name,
  grid: '2x2',
  shared,
  tiles: [
    { kind: 'camera', cameraId: cameras[0]!.id },
    { kind: 'camera', cameraId: cameras[1]!.id },
    { kind: 'tour', cameraIds: [cameras[2]!.id, cameras[3]!.id, cameras[4]!.id], seconds: 10 },
    { kind: 'alarm' },
  ],
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

describe('wall layouts', () => {
  it('when an operator saves a layout, then it comes back in their list as saved, and the save is audited', async () => {
    const saved = await operator.api.wallLayouts.create(fourUp('Ca đêm – trung tâm'));
    expect(saved).toMatchObject({
      name: 'Ca đêm – trung tâm',
      grid: '2x2',
      shared: false,
      editable: true,
      ownerName: 'operator',
    });
    const list = await operator.api.wallLayouts.list();
    expect(list.find((l) => l.id === saved.id)?.tiles).toEqual(fourUp('x').tiles);
    const audit = await server.db.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_log WHERE action = 'wall.layout.create' AND target = $1`,
      [saved.id],
    );
    expect(audit).toEqual([{ actor_name: 'operator' }]);
  });

  it('when another user lists layouts, then a private layout is neither listed nor reachable by id', async () => {
    const mine = await operator.api.wallLayouts.create(fourUp('Riêng tôi'));
    const dispatcher = await login(server.url, 'dispatcher');
    expect((await dispatcher.api.wallLayouts.list()).some((l) => l.id === mine.id)).toBe(false);
    expect((await rejection(dispatcher.api.wallLayouts.update(mine.id, fourUp('Chiếm')))).status).toBe(404);
    expect((await rejection(dispatcher.api.wallLayouts.remove(mine.id))).status).toBe(404);
  });

  it('when an operator tries to share, then 403; when the admin shares, everyone sees it, read-only', async () => {
    expect((await rejection(operator.api.wallLayouts.create(fourUp('Chia sẻ', true)))).status).toBe(403);
    const shared = await admin.api.wallLayouts.create(fourUp('Bố cục chung của trung tâm', true));
    const seen = (await operator.api.wallLayouts.list()).find((l) => l.id === shared.id)!;
    expect(seen).toMatchObject({ shared: true, editable: false, ownerName: 'admin' });
    expect((await rejection(operator.api.wallLayouts.update(shared.id, fourUp('Sửa')))).status).toBe(403);
    expect((await rejection(operator.api.wallLayouts.remove(shared.id))).status).toBe(403);
    await admin.api.wallLayouts.remove(shared.id);
    expect((await operator.api.wallLayouts.list()).some((l) => l.id === shared.id)).toBe(false);
  });

  it('when a shared layout holds cameras a viewer may not see, then those tiles come back empty for them', async () => {
    const home = cameras[0]!;
    const other = cameras.find((c) => c.areaId !== home.areaId)!;
    const shared = await admin.api.wallLayouts.create({
      name: 'Toàn tỉnh',
      grid: '2x2',
      shared: true,
      tiles: [
        { kind: 'camera', cameraId: home.id },
        { kind: 'camera', cameraId: other.id },
        { kind: 'tour', cameraIds: [home.id, other.id], seconds: 15 },
      ],
    });
    await insertUser(server.db, {
      id: randomUUID(),
      username: 'ward-op',
      displayName: 'Cán bộ phường',
      role: 'operator',
      areas: [home.areaId],
      passwordHash: await hashPassword(PASSWORD),
    });
    const local = await login(server.url, 'ward-op');
    const seen = (await local.api.wallLayouts.list()).find((l) => l.id === shared.id)!;
    expect(seen.tiles).toEqual([
      { kind: 'camera', cameraId: home.id },
      { kind: 'empty' },
      { kind: 'camera', cameraId: home.id },
    ]);
  });

  it('when the input is wrong, then 400 names the field; a duplicate name is 409', async () => {
    const tooMany = await fetch(`${server.url}/api/wall-layouts`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', grid: '1', tiles: [{ kind: 'empty' }, { kind: 'empty' }] }),
    });
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).fields).toHaveProperty('tiles');
    const badTour = await fetch(`${server.url}/api/wall-layouts`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'y', grid: '1', tiles: [{ kind: 'tour', cameraIds: ['a'], seconds: 1 }] }),
    });
    expect(badTour.status).toBe(400);
    expect(Object.keys((await errorOf(badTour)).fields ?? {})).toEqual(
      expect.arrayContaining(['tiles.0.cameraIds', 'tiles.0.seconds']),
    );
    const unknown = await rejection(
      operator.api.wallLayouts.create({
        name: 'z',
        grid: '1',
        tiles: [{ kind: 'camera', cameraId: 'cam-9999' }],
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.fields).toHaveProperty('tiles.0');
    await operator.api.wallLayouts.create(fourUp('Trùng tên'));
    expect((await rejection(operator.api.wallLayouts.create(fourUp('trùng TÊN')))).status).toBe(409);
  });

  it('when the auditor (no stream:open) asks, then 403', async () => {
    const auditor = await login(server.url, 'auditor');
    expect((await rejection(auditor.api.wallLayouts.list())).status).toBe(403);
  });
});
