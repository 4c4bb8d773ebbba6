import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, login, startTestServer } from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer({ simCameras: 10_000, simUnits: 500 });
}, 120_000);
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

describe('a national-scale simulation (SIM_CAMERAS=10000)', () => {
  it('when the province has 10,000 cameras and 500 units, then all are served with distinct ids', async () => {
    const investigator = await login(server.url, 'investigator');
    const cameras = await investigator.api.cameras.list();
    expect(cameras).toHaveLength(10_000);
    expect(new Set(cameras.map((c) => c.id)).size).toBe(10_000);
    const summary = await investigator.api.cameras.summary();
    expect(summary.total).toBe(10_000);
    expect(await investigator.api.units.list()).toHaveLength(500);
  }, 60_000);
});
