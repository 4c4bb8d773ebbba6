import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-adapter';
import { loadConfig, type Config } from './platform/config';
import { createLogger, type Logger } from './platform/logger';
import { createMetrics } from './platform/metrics';
import { openDb, type Db } from './platform/db';
import { createBaseApp, createErrorHandler, handle } from './platform/http';
import { notFound, unauthorized } from './platform/errors';
import { createEventLog } from './components/live/domain/event-log';
import { audienceOf } from './components/live/domain/audience';
import { createLiveGateway } from './components/live/socket/live-gateway';
import { createAuditTrail } from './components/audit/domain/audit-trail';
import { createAuthService } from './components/auth/domain/auth-service';
import {
  attachPrincipal,
  csrfGuard,
  principalOf,
  requirePermission,
  sessionTokenOf,
} from './components/auth/http/auth-guards';
import { createAuthRoutes } from './components/auth/http/auth-routes';
import { createCameraService } from './components/cameras/domain/camera-service';
import { createCameraRoutes } from './components/cameras/http/camera-routes';
import { createEventIngest } from './components/events/domain/event-ingest';
import { createIngestWebhook } from './components/events/http/ingest-webhook';
import { createDeadLetterRoutes } from './components/events/http/dead-letter-routes';
import { createEventRoutes } from './components/events/http/event-routes';
import { createUnitTracker } from './components/units/domain/unit-tracker';
import { createUnitRoutes } from './components/units/http/unit-routes';
import { createMapRoutes } from './components/map/http/map-routes';
import { createNearestCameraRoutes } from './components/map/http/nearest-camera-routes';
import { createMapService } from './components/map/domain/map-service';
import { createUpstreams, type Upstreams } from './upstreams/create-upstreams';
import { createSimControlRoutes } from './upstreams/vms/sim/sim-control-routes';

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  db: Db;
  logger: Logger;
  upstreams: Upstreams;
  seeded: { username: string; role: string }[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Config values that win over the environment (tests: `{ port: 0, pgliteDir: 'memory://' }`). */
  config?: Partial<Config>;
  env?: Record<string, string | undefined>;
  logger?: Logger;
}

/**
 * Starts the whole BFF: database and migrations, upstream adapters, the live backbone, REST routes and the built
 * console. Used by `main.ts` and, on port 0, by the API tests.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env, options.config);
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const db = await openDb(
    {
      databaseUrl: config.databaseUrl,
      schema: config.databaseSchema,
      pgliteDir: config.pgliteDir ?? path.join(config.dataDir, 'pglite'),
    },
    logger,
  );

  const eventLog = createEventLog(db, metrics);
  const audit = createAuditTrail(db);
  const auth = createAuthService(db, metrics, config);
  const seeded = config.seedUsers ? await auth.seedUsers(config.seedPassword) : [];

  const upstreams = createUpstreams(config, logger);
  const app = createBaseApp(metrics);
  const httpServer = http.createServer(app);

  const gateway = createLiveGateway({
    httpServer,
    eventLog,
    allowedOrigin: config.publicOrigin,
    batchMs: config.liveBatchMs,
    replayLimit: config.replayLimit,
    logger,
    metrics,
    authenticate: async (cookie) => {
      const p = await auth.resolve(sessionTokenOf(cookie));
      return p
        ? { userId: p.user.id, sessionKey: p.sessionKey, audience: audienceOf(p.permissions, p.user.areas) }
        : null;
    },
  });

  const redisClients: ReturnType<typeof createClient>[] = [];
  if (config.redisUrl) {
    const pub = createClient({ url: config.redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub])
      c.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
    // Instances of one deployment share a database schema; the channel is keyed by it so that two deployments
    // (or two test runs) on one Redis never hear each other.
    gateway.io.adapter(createAdapter(pub, sub, { key: `c2:${config.databaseSchema}` }));
    redisClients.push(pub, sub);
  }

  const cameras = createCameraService({ db, vms: upstreams.vms, eventLog, logger });
  const units = createUnitTracker({
    db,
    units: upstreams.units,
    logger,
    pushPositions: gateway.pushPositions,
  });
  const ingest = createEventIngest({
    db,
    eventLog,
    cameraRef: cameras.ref,
    metrics,
    logger,
    lateAfterMs: config.eventLateSeconds * 1000,
  });

  // --- HTTP surface ---
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    handle(async (_req, res) => {
      const checks: Record<string, { ok: boolean; detail: string }> = {
        database: (await db.ping())
          ? { ok: true, detail: db.kind }
          : { ok: false, detail: `${db.kind} not answering` },
      };
      for (const name of ['vms', 'analytics', 'violations', 'units', 'identity'] as const) {
        checks[name] = await upstreams[name]
          .health()
          .catch((err: unknown) => ({ ok: false, detail: String(err) }));
      }
      const ready = Object.values(checks).every((c) => c.ok);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
    }),
  );
  app.get(
    '/metrics',
    handle(async (req, res) => {
      if (config.metricsToken && req.get('authorization') !== `Bearer ${config.metricsToken}`)
        throw unauthorized();
      res.setHeader('content-type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    }),
  );

  // Machine-to-machine: signed with an API key, no session or CSRF; raw body for the signature.
  app.use(
    '/ingest/v1',
    createIngestWebhook({
      ingest,
      keys: config.ingestKeys,
      maxSkewSeconds: config.ingestMaxSkewSeconds,
      metrics,
    }),
  );

  const api = Router();
  api.use(attachPrincipal(auth));
  api.use(csrfGuard(config.publicOrigin));
  api.use(
    '/auth',
    createAuthRoutes({
      auth,
      audit,
      secureCookies: config.secureCookies,
      onSessionEnded: (key) => gateway.endSession(key, 'logout'),
    }),
  );
  const maps = createMapService(db);
  api.use('/cameras', createNearestCameraRoutes(maps));
  api.use('/cameras', createCameraRoutes(cameras));
  api.use('/events', createEventRoutes(db, config.eventLateSeconds * 1000));
  api.use('/admin/dead-letters', createDeadLetterRoutes(db));
  api.use('/units', createUnitRoutes(units));
  api.use('/map', createMapRoutes(upstreams.geo, maps, config.mapStyleUrl));
  if (upstreams.sim) {
    api.use('/sim', requirePermission('system:configure'), (req, res, next) => {
      const p = principalOf(res);
      res.on('finish', () => {
        if (res.statusCode >= 400) return;
        const detail = { method: req.method, body: req.body as unknown };
        audit
          .record({
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'sim.control',
            target: req.path,
            ip: req.ip ?? null,
            detail,
          })
          .catch((err: unknown) => logger.error({ err }, 'audit write failed'));
      });
      next();
    });
    api.use('/sim', createSimControlRoutes(upstreams.sim.vms));
  }
  api.use((req) => {
    throw notFound(`API route ${req.method} ${req.path}`);
  });
  app.use('/api', api);
  serveConsole(app, config.consoleDist, logger);
  app.use(createErrorHandler(logger, metrics));

  // --- start the data flows ---
  await cameras.start();
  await upstreams.vms.start();
  await units.start();
  await upstreams.units.start();
  const stopIngest = upstreams.analytics.onMessage((message) => ingest.submit(message));
  await upstreams.analytics.start();
  await upstreams.violations.start();
  await upstreams.identity.start();
  const purge = setInterval(() => void auth.purgeExpired().catch(() => undefined), 3600_000);
  purge.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, db: db.kind, redis: Boolean(config.redisUrl) }, 'console BFF listening');

  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    config,
    db,
    logger,
    upstreams,
    seeded,
    stop() {
      stopping ??= (async () => {
        clearInterval(purge);
        // Stop consuming, then commit what was already taken in, before anything else closes.
        await upstreams.analytics.stop().catch(() => undefined);
        await ingest.flush();
        stopIngest();
        for (const u of [upstreams.violations, upstreams.units, upstreams.vms, upstreams.identity]) {
          await u.stop().catch(() => undefined);
        }
        await cameras.stop();
        await units.stop();
        await gateway.close(); // also closes the HTTP server
        await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
        await db.close();
      })();
      return stopping;
    },
  };
}

/** Serves the built SPA; any non-API GET falls back to index.html so deep links work. */
function serveConsole(app: express.Express, dist: string, logger: Logger): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) logger.warn({ dist }, 'console is not built; only the API is served');
  app.use(express.static(dist, { index: false, maxAge: '1h', immutable: false }));
  app.get(/^(?!\/(api|socket\.io)\/).*/, (_req, res) => {
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('Console not built. Run `npm start` (it builds) or `pnpm build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
