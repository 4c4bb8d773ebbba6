import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '@c2/api-client/schemas/camera';
import { NO_EVENT_FILTER, type AnalyticsEvent, type EventType } from '@c2/api-client/schemas/event';
import { dropSchema, errorOf, login, postEvents, startTestServer, type Session } from './support/test-server';

const run = randomUUID().slice(0, 8);
const KEY = { id: 'edge-feed', secret: 'a-feed-test-secret-long-enough' };

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let operator: Session;
let investigator: Session;
let cameras: Camera[];
const sent: Array<{ id: string; cameraId: string; type: EventType; severity: string; ts: string }> = [];

beforeAll(async () => {
  server = await startTestServer({ ingestKeys: { [KEY.id]: KEY.secret } });
  operator = await login(server.url, 'operator');
  investigator = await login(server.url, 'investigator');
  cameras = await investigator.api.cameras.list();
  const secret = cameras.find((c) => c.classification === 'secret')!;
  const open = cameras.filter((c) => c.classification === 'public').slice(0, 3);
  const types: EventType[] = ['accident', 'wrong_way', 'congestion', 'red_light'];
  // 60 events, one second apart, some sharing a timestamp (the cursor must break ties by id).
  const base = Date.now() - 3600_000;
  for (let i = 0; i < 60; i++) {
    const camera = i % 10 === 0 ? secret : open[i % open.length]!;
    sent.push({
      id: `feed-${run}-${String(i).padStart(2, '0')}`,
      cameraId: camera.id,
      type: types[i % types.length]!,
      severity: i % 2 === 0 ? 'critical' : 'minor',
      ts: new Date(base + Math.floor(i / 2) * 1000).toISOString(),
    });
  }
  const results = await postEvents(server.url, KEY, sent);
  expect(results.every((r) => r.outcome === 'stored')).toBe(true);
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

const ours = (events: AnalyticsEvent[]) => events.filter((e) => e.id.startsWith(`feed-${run}`));

describe('event feed API', () => {
  it('when the feed is paged to the end, then every visible event comes once, newest first, none of a secret camera', async () => {
    const seen: AnalyticsEvent[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page = await operator.api.events.list(NO_EVENT_FILTER, { limit: 7, cursor });
      seen.push(...page.events);
      cursor = page.next;
      if (!cursor) break;
    }
    const mine = ours(seen);
    const secretIds = new Set(cameras.filter((c) => c.classification === 'secret').map((c) => c.id));
    const visible = sent.filter((e) => !secretIds.has(e.cameraId));
    expect(mine.map((e) => e.id).sort()).toEqual(visible.map((e) => e.id).sort());
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.ts >= seen[i]!.ts).toBe(true);
  });

  it('when filtered by type, severity and camera, then only matching events come back', async () => {
    const camera = sent[1]!.cameraId;
    const page = await investigator.api.events.list(
      { types: ['wrong_way', 'red_light'], severities: ['minor'], areaId: null, cameraId: camera },
      { limit: 100 },
    );
    const expected = sent.filter(
      (e) => ['wrong_way', 'red_light'].includes(e.type) && e.severity === 'minor' && e.cameraId === camera,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      ours(page.events)
        .map((e) => e.id)
        .sort(),
    ).toEqual(expected.map((e) => e.id).sort());
  });

  it('when a filter or cursor is malformed, then 400 names the field and nothing is listed', async () => {
    for (const [query, field] of [
      ['type=accident,meteor', 'type'],
      ['severity=extreme', 'severity'],
      ['cursor=yesterday', 'cursor'],
      ['cursor=2026-13-45T99:00:00Z~x', 'cursor'],
      ['limit=100000', 'limit'],
      [`camera=${'x'.repeat(500)}`, 'camera'],
    ] as const) {
      const res = await fetch(`${server.url}/api/events?${query}`, { headers: { cookie: operator.cookie } });
      expect(res.status, query).toBe(400);
      const error = await errorOf(res);
      expect(Object.keys(error.fields ?? {}).join(','), query).toContain(field);
    }
  });

  it('when nobody is logged in, then the feed answers 401', async () => {
    expect((await fetch(`${server.url}/api/events`)).status).toBe(401);
  });
});
