import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamUrls, type MediamtxAuthRequest } from '@c2/api-client/schemas/stream';
import { SESSION_COOKIE } from '@c2/api-client/realtime/events';
import { createStreamTokens } from '../src/components/streams/domain/stream-token';
import { dropSchema, eventually, login, startTestServer, type Session } from './support/test-server';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/mediamtx');
const SECRET = 'stream-token-secret-for-the-mediamtx-contract-test';

interface FixturePath {
  name: string;
  available: boolean;
  ready: boolean;
  [k: string]: unknown;
}

/**
 * A local HTTP server that answers like MediaMTX (contract from its published OpenAPI and authentication docs):
 * the control API's paginated `/v3/paths/list` behind Basic credentials, and an HLS server that, like MediaMTX
 * with `authMethod: http`, posts its documented authentication body to the hook before serving a playlist.
 */
function fakeMediamtx(hookUrl: () => string) {
  const list = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'paths-list.json'), 'utf8')) as {
    items: FixturePath[];
  };
  const paths = list.items;
  const hookCalls: MediamtxAuthRequest[] = [];
  // `silent`: the control API drops every connection unanswered, as a hung or unreachable MediaMTX would.
  const control = { silent: false, listCalls: 0 };
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v3/paths/list') {
        control.listCalls++;
        if (control.silent) {
          req.socket.destroy();
          return;
        }
        if (req.headers.authorization !== `Basic ${Buffer.from('api:s3cret').toString('base64')}`) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end('{"status":"error","error":"authentication error"}');
          return;
        }
        // Pages of two, so the adapter's paging is exercised (MediaMTX pages by `itemsPerPage` the same way).
        const per = Math.min(2, Number(url.searchParams.get('itemsPerPage') ?? 100));
        const page = Number(url.searchParams.get('page') ?? 0);
        const body = {
          pageCount: Math.ceil(paths.length / per),
          itemCount: paths.length,
          items: paths.slice(page * per, page * per + per),
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return;
      }
      const hls = /^\/(.+)\/index\.m3u8$/.exec(url.pathname);
      if (hls) {
        const auth: MediamtxAuthRequest = {
          user: '',
          password: '',
          token: '',
          ip: '127.0.0.1',
          action: 'read',
          path: hls[1]!,
          protocol: 'hls',
          id: null,
          query: url.search.slice(1),
        };
        hookCalls.push(auth);
        const verdict = await fetch(hookUrl(), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(auth),
        });
        if (!verdict.status.toString().startsWith('20')) {
          res.writeHead(401).end();
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' })
          .end(
            '#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-STREAM-INF:BANDWIDTH=1200000,CODECS="avc1.4d4029"\nvideo1_stream.m3u8\n',
          );
        return;
      }
      res.writeHead(404).end();
    })();
  });
  return { server, paths, hookCalls, control };
}

type Server = Awaited<ReturnType<typeof startTestServer>>;
let bff: Server;
let mtx: ReturnType<typeof fakeMediamtx>;
let mtxUrl: string;
let operator: Session;

beforeAll(async () => {
  mtx = fakeMediamtx(() => `${bff.url}/api/streams/mediamtx/auth`);
  await new Promise<void>((r) => mtx.server.listen(0, '127.0.0.1', r));
  mtxUrl = `http://127.0.0.1:${(mtx.server.address() as AddressInfo).port}`;
  bff = await startTestServer({
    vmsUrl: `http://api:s3cret@${mtxUrl.slice('http://'.length)}`,
    vmsHlsUrl: mtxUrl,
    vmsCamerasFile: path.join(FIXTURES, 'cameras.json'),
    vmsPollSeconds: 1,
    streamTokenSecret: SECRET,
  });
  operator = await login(bff.url, 'operator');
});
afterAll(async () => {
  await bff.stop();
  await new Promise((r) => mtx.server.close(r));
  await dropSchema(bff.schema);
});

const hook = (body: Partial<MediamtxAuthRequest>) =>
  fetch(`${bff.url}/api/streams/mediamtx/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user: '',
      password: '',
      token: '',
      ip: '10.0.0.9',
      protocol: 'hls',
      id: null,
      query: '',
      ...body,
    }),
  });

const sessionKeyOf = (s: Session) => {
  const token = s.cookie
    .split('; ')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split('=')[1]!;
  return createHash('sha256').update(decodeURIComponent(token)).digest('base64url');
};

describe('MediaMTX as the VMS', () => {
  it('when the BFF starts, then cameras are the registered paths, online when MediaMTX has their source, and unregistered paths stay hidden', async () => {
    const investigator = await login(bff.url, 'investigator');
    const cams = await investigator.api.cameras.list();
    expect(cams.map((c) => c.id).sort()).toEqual(['mtx-dt295-ngatu', 'mtx-ql18-km12', 'mtx-secret-1']);
    const byId = new Map(cams.map((c) => [c.id, c]));
    expect(byId.get('mtx-ql18-km12')!.status.state).toBe('online');
    expect(byId.get('mtx-ql18-km12')!.status.since).toBe('2026-02-28T23:58:11.204Z');
    // MediaMTX read the real size of the stream.
    expect(byId.get('mtx-ql18-km12')!.streams.main).toEqual({ width: 1920, height: 1080 });
    expect(byId.get('mtx-dt295-ngatu')!.status.state).toBe('offline');
    expect(byId.get('mtx-secret-1')!.status.state).toBe('offline');
    const ready = (await (await fetch(`${bff.url}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean; detail: string }>;
    };
    expect(ready.checks.vms).toMatchObject({ ok: true });
    expect(ready.checks.vms!.detail).toContain('1 unregistered paths hidden');
  });

  it('when a path loses its source, then its camera goes offline within a poll', async () => {
    const p = mtx.paths.find((x) => x.name === 'bn/ql18/km12')!;
    p.available = false;
    p.ready = false;
    await eventually(
      async () => expect((await operator.api.cameras.get('mtx-ql18-km12')).status.state).toBe('offline'),
      5000,
    );
    p.available = true;
    p.ready = true;
    await eventually(
      async () => expect((await operator.api.cameras.get('mtx-ql18-km12')).status.state).toBe('online'),
      5000,
    );
  });

  it('when MediaMTX stops answering, then cameras turn unknown (never online on old news), calls back off, and states return by themselves', async () => {
    const states = async () =>
      Object.fromEntries((await operator.api.cameras.list()).map((c) => [c.id, c.status.state]));
    const before = await states();
    expect(before['mtx-ql18-km12']).toBe('online');
    mtx.control.silent = true;
    // Three polls (1 s each) without an answer: every camera is unknown, the online one included.
    await eventually(
      async () => expect(Object.values(await states())).toEqual(Object.values(before).map(() => 'unknown')),
      10_000,
    );
    const ready = (await (await fetch(`${bff.url}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean }>;
    };
    expect(ready.checks.vms).toMatchObject({ ok: false });
    // The breaker is open: over six seconds of 1 s polls the BFF calls at most three times (2 s, then 4 s apart).
    const calls = mtx.control.listCalls;
    await new Promise((r) => setTimeout(r, 6000));
    expect(mtx.control.listCalls - calls).toBeLessThanOrEqual(3);
    expect(Object.values(await states()).every((s) => s === 'unknown')).toBe(true);

    mtx.control.silent = false;
    await eventually(async () => expect(await states()).toEqual(before), 20_000);
  });

  it('when an operator opens a camera, then the BFF redirects to MediaMTX with a stream token, MediaMTX asks the hook, and the stream opens, audited once', async () => {
    const info = await operator.api.streams.info('mtx-ql18-km12');
    expect(info.source).toBe('vms');
    expect(info.recorded).toBe(false);
    const res = await fetch(`${bff.url}${streamUrls.live('mtx-ql18-km12', 'sub')}`, {
      headers: { cookie: operator.cookie },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${mtxUrl}/bn/ql18/km12_sub/index.m3u8`);
    expect(location.searchParams.get('token')).toBeTruthy();

    const played = await fetch(location);
    expect(played.status).toBe(200);
    expect(await played.text()).toContain('#EXT-X-STREAM-INF');
    const call = mtx.hookCalls.at(-1)!;
    expect(call).toMatchObject({ action: 'read', protocol: 'hls', path: 'bn/ql18/km12_sub' });
    // A player reloading the playlist keeps passing; the opening is audited once.
    expect((await fetch(location)).status).toBe(200);
    const rows = await bff.db.query<{ detail: { via: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'stream.open' AND target = 'mtx-ql18-km12'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail.via).toBe('vms');
  });

  it('when a token is used for another camera’s path, or forged, or its session logged out, then MediaMTX is told no', async () => {
    const res = await fetch(`${bff.url}${streamUrls.live('mtx-ql18-km12', 'main')}`, {
      headers: { cookie: operator.cookie },
      redirect: 'manual',
    });
    const token = new URL(res.headers.get('location')!).searchParams.get('token')!;
    expect((await fetch(`${mtxUrl}/bn/dt295/nga-tu/index.m3u8?token=${token}`)).status).toBe(401);
    expect((await fetch(`${mtxUrl}/bn/ql18/km12/index.m3u8?token=${token.slice(0, -3)}abc`)).status).toBe(
      401,
    );
    expect((await fetch(`${mtxUrl}/bn/ql18/km12/index.m3u8`)).status).toBe(401);

    const leaving = await login(bff.url, 'operator');
    const loc = (
      await fetch(`${bff.url}${streamUrls.live('mtx-ql18-km12', 'main')}`, {
        headers: { cookie: leaving.cookie },
        redirect: 'manual',
      })
    ).headers.get('location')!;
    expect((await fetch(loc)).status).toBe(200);
    await leaving.api.auth.logout();
    expect((await fetch(loc)).status).toBe(401);
  });

  it('when the operator asks for a secret camera, then the BFF refuses before MediaMTX is involved, and a hand-made token for it fails the hook', async () => {
    const res = await fetch(`${bff.url}${streamUrls.live('mtx-secret-1', 'main')}`, {
      headers: { cookie: operator.cookie },
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    const tokens = createStreamTokens(SECRET);
    const me = await operator.api.auth.me();
    const token = tokens.sign({ sid: sessionKeyOf(operator), uid: me.user.id, cam: 'mtx-secret-1' }, 60);
    expect((await hook({ action: 'read', path: 'bn/secret/1', token })).status).toBe(401);
  });

  it('when a token has expired, then it opens nothing new, but a stream being watched keeps playing', async () => {
    const tokens = createStreamTokens(SECRET);
    const me = await operator.api.auth.me();
    const sid = sessionKeyOf(operator);
    const expired = tokens.sign({ sid, uid: me.user.id, cam: 'mtx-dt295-ngatu' }, -5);
    expect((await hook({ action: 'read', path: 'bn/dt295/nga-tu', query: `token=${expired}` })).status).toBe(
      401,
    );
    const fresh = tokens.sign({ sid, uid: me.user.id, cam: 'mtx-dt295-ngatu' }, 60);
    expect((await hook({ action: 'read', path: 'bn/dt295/nga-tu', query: `token=${fresh}` })).status).toBe(
      204,
    );
    // The stream is open now: the same viewer's reloads with an older token of theirs still pass.
    expect((await hook({ action: 'read', path: 'bn/dt295/nga-tu', query: `token=${expired}` })).status).toBe(
      204,
    );
    // Passed as a Bearer token or as the password, as MediaMTX documents, it works the same.
    expect((await hook({ action: 'read', path: 'bn/dt295/nga-tu', token: fresh })).status).toBe(204);
    expect((await hook({ action: 'read', path: 'bn/dt295/nga-tu', user: 'x', password: fresh })).status).toBe(
      204,
    );
  });

  it('when MediaMTX asks about api, publish or a malformed body, then only the BFF’s own API credentials pass', async () => {
    expect((await hook({ action: 'api', user: 'api', password: 's3cret' })).status).toBe(204);
    expect((await hook({ action: 'api', user: 'api', password: 'nope' })).status).toBe(401);
    expect(
      (await hook({ action: 'publish', path: 'bn/ql18/km12', user: 'api', password: 's3cret' })).status,
    ).toBe(401);
    const bad = await fetch(`${bff.url}/api/streams/mediamtx/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'fly' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'action',
    );
  });
});
