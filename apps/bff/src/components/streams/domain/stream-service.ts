import client from 'prom-client';
import type { MediamtxAuthRequest, StreamInfo, StreamVariant } from '@c2/api-client/schemas/stream';
import { streamUrls } from '@c2/api-client/schemas/stream';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import { AppError, forbidden, notFound, unauthorized, unavailable } from '../../../platform/errors';
import type { VmsPort } from '../../../upstreams/vms/vms-port';
import type { HlsOrigin, OriginAnswer } from '../../../upstreams/vms/origin/hls-origin';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import type { CameraRef } from '../../cameras/domain/camera-service';
import { audienceOf } from '../../live/domain/audience';
import { selectOfflineIntervals } from '../data/offline-intervals';
import { createStreamTokens } from './stream-token';
import { createStreamViewers, type StreamKind, type Viewing } from './stream-viewers';

/** Who is asking for video, and how they proved it. */
export interface Viewer {
  principal: Principal;
  /** The stream token the request carried (propagated into segment URIs), when it came with one. */
  token: string | null;
  ip: string | null;
}

export interface StreamServiceDeps {
  db: Db;
  vms: VmsPort;
  origin: HlsOrigin | null;
  cameraRef: (cameraId: string) => CameraRef | undefined;
  resolveSession: (sessionKey: string) => Promise<Principal | null>;
  audit: AuditTrail;
  metrics: Metrics;
  logger: Logger;
  config: {
    idleSeconds: number;
    auditWindowSeconds: number;
    tokenSecret: string | undefined;
    tokenTtlSeconds: number;
    /** The BFF's own credentials at MediaMTX's API (from VMS_URL), which the hook lets through for `api`. */
    vmsApiCredentials: { user: string; pass: string } | null;
  };
  now?: () => number;
}

/** How long a resolved session is trusted by the token paths before the database is asked again. */
const SESSION_CACHE_MS = 10_000;

/**
 * Stream access: who may open which camera's video, through the built-in origin (embedded) or the VMS (MediaMTX,
 * by redirect with a short-lived signed token that its authentication hook checks). Every stream opened is audited
 * once per viewer and camera within a window, every refusal is counted, and open streams are counted like a VMS
 * counts them.
 */
export function createStreamService(deps: StreamServiceDeps) {
  const { origin, vms, audit, logger } = deps;
  const now = deps.now ?? Date.now;
  const tokens = createStreamTokens(deps.config.tokenSecret, now);
  const viewers = createStreamViewers({
    idleMs: deps.config.idleSeconds * 1000,
    auditWindowMs: deps.config.auditWindowSeconds * 1000,
    registry: deps.metrics.registry,
    now,
  });
  const denied = new client.Counter({
    name: 'c2_stream_denied_total',
    help: 'Stream requests refused, by reason',
    labelNames: ['reason'] as const,
    registers: [deps.metrics.registry],
  });
  const segmentsServed = new client.Counter({
    name: 'c2_stream_segments_served_total',
    help: 'Media segments served by the built-in origin, by variant',
    labelNames: ['variant'] as const,
    registers: [deps.metrics.registry],
  });
  const sessions = new Map<string, { principal: Principal | null; at: number }>();

  function mayOpen(p: Principal, cameraId: string): boolean {
    if (!p.permissions.includes('stream:open')) return false;
    const ref = deps.cameraRef(cameraId);
    if (!ref) return false;
    const a = audienceOf(p.permissions, p.user.areas);
    return ref.tier <= a.maxTier && (a.areas === null || a.areas.includes(ref.areaId));
  }

  async function sessionOf(sessionKey: string): Promise<Principal | null> {
    const hit = sessions.get(sessionKey);
    if (hit && now() - hit.at < SESSION_CACHE_MS) return hit.principal;
    const principal = await deps.resolveSession(sessionKey);
    if (sessions.size > 10_000) sessions.clear();
    sessions.set(sessionKey, { principal, at: now() });
    return principal;
  }

  /** Audits an opening once per user, camera and kind within the window; the audit write comes before the video. */
  async function recordOpen(
    p: Principal,
    cameraId: string,
    kind: StreamKind | 'snapshot',
    ip: string | null,
    detail: Record<string, unknown>,
  ): Promise<void> {
    // A poster is seen as part of opening the camera's live video: one entry for both, whichever comes first.
    if (!viewers.markAudited(p.user.id, cameraId, kind === 'snapshot' ? 'live' : kind)) return;
    try {
      await audit.record({
        actorId: p.user.id,
        actorName: p.user.username,
        action: kind === 'snapshot' ? 'camera.snapshot' : 'stream.open',
        target: cameraId,
        ip,
        detail: { kind, ...detail },
      });
    } catch (err) {
      // No audit entry, no video.
      viewers.forgetAudited(p.user.id, cameraId, kind === 'snapshot' ? 'live' : kind);
      logger.error({ err, cameraId }, 'stream audit write failed');
      throw err;
    }
  }

  const deniedAudited = new Map<string, number>();
  /** Counts a refusal; audits it (a security-relevant attempt) once per caller and camera within the window. */
  function refuse(
    reason: string,
    who: { id: string; name: string } | null,
    cameraId: string,
    ip: string | null,
  ) {
    denied.inc({ reason });
    const key = `${who?.id ?? ip ?? '?'}|${cameraId}|${reason}`;
    const t = now();
    const last = deniedAudited.get(key);
    if (last === undefined || t - last >= deps.config.auditWindowSeconds * 1000) {
      if (deniedAudited.size > 10_000) deniedAudited.clear();
      deniedAudited.set(key, t);
      audit
        .record({
          actorId: who?.id ?? null,
          actorName: who?.name ?? null,
          action: 'stream.denied',
          target: cameraId,
          ip,
          detail: { reason },
        })
        .catch((err: unknown) => logger.error({ err }, 'audit write failed'));
    }
  }

  function fromOrigin<T>(answer: OriginAnswer<T>): T {
    if (answer.ok) return answer.body;
    switch (answer.reason) {
      case 'offline':
        throw new AppError('stream_offline', 'Camera is offline', 404);
      case 'not_ready':
        throw unavailable(`Video is being prepared (${answer.detail})`, answer.retryAfterSeconds);
      case 'unknown_camera':
      case 'not_found':
        throw notFound('Stream');
    }
  }

  function requireOrigin(): HlsOrigin {
    if (!origin) throw notFound('Stream at this origin');
    return origin;
  }

  const withToken = (uri: string, v: Viewer) =>
    v.token ? `${uri}?token=${encodeURIComponent(v.token)}` : uri;

  return {
    tokens,
    viewers,

    start() {
      origin?.library.start();
    },
    /** A session ended here (logout): its stream tokens stop working now, not after the cache's few seconds. */
    forgetSession(sessionKey: string) {
      sessions.set(sessionKey, { principal: null, at: now() });
    },
    async stop() {
      viewers.stop();
      await origin?.library.stop();
    },

    /**
     * Who may watch `cameraId`: the session's principal, else the principal of a valid stream token for this very
     * camera (whose session is still alive). Not logged in at all: 401; anything else not allowed: 403, whether the
     * camera exists or not (a stream URL reveals nothing about cameras the caller may not see).
     */
    async authorize(req: {
      principal: Principal | undefined;
      token: string | undefined;
      cameraId: string;
      ip: string | null;
    }): Promise<Viewer> {
      let principal = req.principal ?? null;
      let token: string | null = null;
      if (!principal && req.token) {
        const claims = tokens.verify(req.token);
        if (!claims || claims.cam !== req.cameraId || claims.exp * 1000 < now()) {
          refuse('bad_token', null, req.cameraId, req.ip);
          throw forbidden('Stream token is not valid for this camera');
        }
        principal = await sessionOf(claims.sid);
        if (!principal || principal.user.id !== claims.uid) {
          refuse('session_ended', null, req.cameraId, req.ip);
          throw forbidden('The session this stream token was given to has ended');
        }
        token = req.token;
      }
      if (!principal) {
        denied.inc({ reason: 'anonymous' });
        throw unauthorized();
      }
      if (!mayOpen(principal, req.cameraId)) {
        refuse('not_allowed', { id: principal.user.id, name: principal.user.username }, req.cameraId, req.ip);
        throw forbidden('Not allowed to open this camera');
      }
      return { principal, token, ip: req.ip };
    },

    /** The camera's stream URLs, or null when the caller may not see it (the route answers 404). */
    info(p: Principal, cameraId: string): StreamInfo | null {
      if (!mayOpen(p, cameraId)) return null;
      const source = vms.streamSource(cameraId);
      if (!source) return null;
      return {
        cameraId,
        live: { main: streamUrls.live(cameraId, 'main'), sub: streamUrls.live(cameraId, 'sub') },
        poster: streamUrls.poster(cameraId),
        recorded: source.kind === 'origin' && origin !== null,
        source: source.kind === 'origin' ? 'origin' : 'vms',
      };
    },

    /** The live playlist (built-in origin) or where to get it (the VMS, with a fresh stream token). */
    async live(
      v: Viewer,
      cameraId: string,
      variant: StreamVariant,
    ): Promise<{ playlist: string } | { redirect: string }> {
      const source = vms.streamSource(cameraId);
      if (!source) throw notFound('Stream');
      const viewing: Viewing = { viewer: v.principal.sessionKey, cameraId, variant, kind: 'live' };
      if (source.kind === 'vms') {
        await recordOpen(v.principal, cameraId, 'live', v.ip, { variant, via: 'vms' });
        viewers.touch(viewing);
        const token = tokens.sign(
          { sid: v.principal.sessionKey, uid: v.principal.user.id, cam: cameraId },
          deps.config.tokenTtlSeconds,
        );
        return { redirect: `${source.live[variant]}?token=${encodeURIComponent(token)}` };
      }
      // The stream's sequence numbers count from when it was opened (by whoever opened it first).
      const openedAt = viewers.openedAt(viewing) ?? now();
      const playlist = fromOrigin(
        await requireOrigin().livePlaylist(cameraId, openedAt, (k) => withToken(`seg-${k}.ts`, v)),
      );
      if (viewers.touch(viewing, openedAt))
        await recordOpen(v.principal, cameraId, 'live', v.ip, { variant, via: 'origin' });
      return { playlist };
    },

    async segment(v: Viewer, cameraId: string, variant: StreamVariant, k: number): Promise<Buffer> {
      const body = fromOrigin(await requireOrigin().segment(cameraId, variant, k));
      // A segment keeps its viewing open; a segment of the past (recorded video) keeps the recorded one open.
      const live = k >= Math.floor(now() / 1000) - 60;
      viewers.touch({ viewer: v.principal.sessionKey, cameraId, variant, kind: live ? 'live' : 'recorded' });
      segmentsServed.inc({ variant });
      return body;
    },

    async poster(v: Viewer, cameraId: string): Promise<Buffer> {
      const body = fromOrigin(await requireOrigin().poster(cameraId));
      await recordOpen(v.principal, cameraId, 'snapshot', v.ip, {});
      return body;
    },

    /** What the camera recorded in a range, as a VOD playlist; the seconds it was offline are left out. */
    async recorded(
      v: Viewer,
      cameraId: string,
      range: { fromMs: number; toMs: number },
      variant: StreamVariant,
    ): Promise<string> {
      const o = requireOrigin();
      const gaps = await selectOfflineIntervals(deps.db, cameraId, range.fromMs, range.toMs);
      const isGap = (k: number) => gaps.some(([a, b]) => k * 1000 < b && (k + 1) * 1000 > a);
      const playlist = fromOrigin(
        await o.recordedPlaylist(cameraId, range, (k) => withToken(`${variant}/seg-${k}.ts`, v), isGap),
      );
      viewers.touch({ viewer: v.principal.sessionKey, cameraId, variant, kind: 'recorded' });
      await recordOpen(v.principal, cameraId, 'recorded', v.ip, {
        variant,
        from: new Date(range.fromMs).toISOString(),
        to: new Date(range.toMs).toISOString(),
      });
      return playlist;
    },

    /**
     * MediaMTX's external authentication hook. `read`/`playback` pass with a stream token (as `token`, as the
     * `token` query parameter, or as the password) for that very path whose session is alive and still allowed the
     * camera; an expired token still passes while its stream is being watched (hls.js reloads the same URL for
     * hours). `api`/`metrics`/`pprof` pass only with the BFF's own credentials, as does the BFF's own `read` of a
     * stream for a snapshot. `publish` never passes here: cameras
     * publish with MediaMTX's internal users (`authHTTPExclude`).
     */
    async mediamtxAuth(body: MediamtxAuthRequest): Promise<boolean> {
      const ip = body.ip || null;
      const c = deps.config.vmsApiCredentials;
      const isBff = c !== null && body.user === c.user && body.password === c.pass;
      if (body.action === 'api' || body.action === 'metrics' || body.action === 'pprof') {
        if (!isBff) denied.inc({ reason: 'vms_api' });
        return isBff;
      }
      // The BFF itself reads a stream for a snapshot with its own credentials (no user session behind it).
      if (body.action === 'read' && isBff) return true;
      if (body.action === 'publish') {
        denied.inc({ reason: 'vms_publish' });
        return false;
      }
      const raw = body.token || new URLSearchParams(body.query).get('token') || body.password;
      const claims = raw ? tokens.verify(raw) : null;
      const path = body.path.replace(/^\/+/, '');
      if (!claims) {
        refuse('bad_token', null, path || '?', ip);
        return false;
      }
      const source = vms.streamSource(claims.cam);
      const variant: StreamVariant | null =
        source?.kind !== 'vms'
          ? null
          : source.paths.main === path
            ? 'main'
            : source.paths.sub === path
              ? 'sub'
              : null;
      if (!variant) {
        refuse('wrong_path', null, claims.cam, ip);
        return false;
      }
      const principal = await sessionOf(claims.sid);
      if (!principal || principal.user.id !== claims.uid) {
        refuse('session_ended', null, claims.cam, ip);
        return false;
      }
      if (!mayOpen(principal, claims.cam)) {
        refuse('not_allowed', { id: principal.user.id, name: principal.user.username }, claims.cam, ip);
        return false;
      }
      const kind: StreamKind = body.action === 'playback' ? 'recorded' : 'live';
      const viewing: Viewing = { viewer: claims.sid, cameraId: claims.cam, variant, kind };
      if (claims.exp * 1000 < now() && !viewers.isOpen(viewing)) {
        refuse('token_expired', { id: principal.user.id, name: principal.user.username }, claims.cam, ip);
        return false;
      }
      if (viewers.touch(viewing))
        await recordOpen(principal, claims.cam, kind, ip, { variant, via: 'vms', protocol: body.protocol });
      return true;
    },
  };
}
export type StreamService = ReturnType<typeof createStreamService>;
