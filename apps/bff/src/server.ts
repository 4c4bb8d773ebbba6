import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { loadConfig, type Config } from './platform/config';
import { createLogger, type Logger } from './platform/logger';
import { createMetrics } from './platform/metrics';
import { openDb, type Db } from './platform/db';
import { createBaseApp, createErrorHandler, handle } from './platform/http';
import { notFound, unauthorized } from './platform/errors';
import { createEventLog } from './components/live/domain/event-log';
import { audienceOf } from './components/live/domain/audience';
import { createLiveGateway } from './components/live/socket/live-gateway';
import { startRedisFanout } from './components/live/socket/redis-fanout';
import { createAuditTrail } from './components/audit/domain/audit-trail';
import { createAuditRoutes } from './components/audit/http/audit-routes';
import { auditRefusals } from './components/audit/http/access-audit';
import { createAuthService } from './components/auth/domain/auth-service';
import { createSecretBox, loadSecretKey } from './components/auth/domain/secret-box';
import { createUserAdmin } from './components/auth/domain/user-admin';
import { createOidc } from './components/auth/domain/oidc';
import {
  attachPrincipal,
  csrfGuard,
  machineRoute,
  principalOf,
  publicRoute,
  requirePermission,
  sessionTokenOf,
} from './components/auth/http/auth-guards';
import { createAuthRoutes } from './components/auth/http/auth-routes';
import { createAdminUserRoutes } from './components/auth/http/admin-user-routes';
import { createOidcRoutes } from './components/auth/http/oidc-routes';
import { unguardedRoutes } from './components/auth/http/route-inventory';
import { createSharing } from './components/sharing/domain/sharing';
import { createPartnerApi, createSharingKeyRoutes } from './components/sharing/http/sharing-routes';
import { createCameraService } from './components/cameras/domain/camera-service';
import { createCameraRoutes } from './components/cameras/http/camera-routes';
import { createEventIngest } from './components/events/domain/event-ingest';
import { createIngestWebhook } from './components/events/http/ingest-webhook';
import { createDeadLetterRoutes } from './components/events/http/dead-letter-routes';
import { createEventRoutes } from './components/events/http/event-routes';
import { createUnitTracker } from './components/units/domain/unit-tracker';
import { createUnitRoutes } from './components/units/http/unit-routes';
import { createMapRoutes } from './components/map/http/map-routes';
import { createWorkRunner } from './components/incidents/domain/incident-work';
import { createAlertLookup } from './components/alerts/domain/alert-lookup';
import { createIncidentService } from './components/incidents/domain/incident-service';
import { createDispatchService } from './components/incidents/domain/dispatch-service';
import { createPhotoStore } from './components/incidents/domain/photo-store';
import { createDispatchRoutes, createIncidentRoutes } from './components/incidents/http/incident-routes';
import { createFieldRoutes } from './components/incidents/http/field-routes';
import { createNearestCameraRoutes } from './components/map/http/nearest-camera-routes';
import { createMapService } from './components/map/domain/map-service';
import { createUpstreams, type Upstreams } from './upstreams/create-upstreams';
import { createSimControlRoutes } from './upstreams/vms/sim/sim-control-routes';
import { adaptersFromConfig, createNotifyOutbox } from './upstreams/notify/notify-outbox';
import { createAlertService } from './components/alerts/domain/alert-service';
import { createAlertAdmin } from './components/alerts/domain/alert-admin';
import { createAlertRoutes } from './components/alerts/http/alert-routes';
import { createAlertAdminRoutes } from './components/alerts/http/alert-admin-routes';
import { createAckLinkRoutes } from './components/alerts/http/ack-link-routes';
import { createSimImageRoutes } from './upstreams/vms/sim/sim-image-routes';
import { createDeviceMetrics } from './components/devices/domain/device-metrics';
import { createDeviceService } from './components/devices/domain/device-service';
import { createQualityMonitor } from './components/devices/domain/quality-monitor';
import { createHealthCollector } from './components/devices/domain/health-collector';
import { createDeviceRoutes } from './components/devices/http/device-routes';
import {
  createDashboardRoutes,
  createDashboardSummaryRoutes,
  createKpiTargetRoutes,
} from './components/dashboards/http/dashboard-routes';
import { createAvailabilityJob } from './components/dashboards/domain/availability-job';
import { createDailySummary } from './components/dashboards/domain/daily-summary';
import { createDashboardService } from './components/dashboards/domain/dashboard-service';
import { createSimJourneyRoutes } from './upstreams/violations/sim/sim-drill-routes';
import { loadSigningKey } from './platform/signing/signing-keys';
import { createSigner } from './platform/signing/signer';
import { createEventSigning } from './components/evidence/domain/event-signing';
import { createEvidenceVault } from './components/evidence/domain/evidence-vault';
import { createEvidenceExports } from './components/evidence/domain/evidence-exports';
import {
  createEventSignatureRoutes,
  createSignatureRoutes,
} from './components/evidence/http/signature-routes';
import { createViolationReview } from './components/violations/domain/violation-review';
import { createViolationRoutes } from './components/violations/http/violation-routes';
import { createInvestigation } from './components/investigate/domain/investigation';
import { plateIndexSink } from './components/investigate/domain/plate-index';
import { createInvestigateRoutes } from './components/investigate/http/investigate-routes';
import { createIdentityLookup } from './components/identity/domain/identity-lookup';
import { createIdentityRoutes } from './components/identity/http/identity-routes';
import { createStreamService } from './components/streams/domain/stream-service';
import { createStreamRoutes } from './components/streams/http/stream-routes';
import { createLayoutService } from './components/video-wall/domain/layout-service';
import { createLayoutRoutes } from './components/video-wall/http/layout-routes';

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  db: Db;
  logger: Logger;
  upstreams: Upstreams;
  seeded: { username: string; role: string; mfa: boolean }[];
  /** The Express app, for tests that read its routes (the generated authorization test). */
  app: express.Express;
  eventLog: ReturnType<typeof createEventLog>;
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
  const signer = createSigner(
    db,
    await loadSigningKey({
      pem: config.signingKey,
      file: config.signingKeyFile,
      dir: path.join(config.dataDir, 'keys'),
    }),
  );
  await signer.start();
  const secretBox = createSecretBox(await loadSecretKey(config.mfaEncryptionKey, config.dataDir));
  const auth = createAuthService(db, metrics, config, secretBox);
  const seeded = config.seedUsers ? await auth.seedUsers(config.seedPassword, config.seedTotpSecret) : [];

  const upstreams = createUpstreams(config, logger);
  const app = createBaseApp(metrics, { hsts: config.secureCookies });
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

  // Instances of one deployment share a database schema; the channel is keyed by it so that two deployments (or
  // two test runs) on one Redis never hear each other.
  const fanout = config.redisUrl
    ? await startRedisFanout({
        url: config.redisUrl,
        key: `c2:${config.databaseSchema}`,
        gateway,
        eventLog,
        metrics,
        logger,
      })
    : null;

  const cameras = createCameraService({ db, vms: upstreams.vms, eventLog, logger });
  const units = createUnitTracker({
    db,
    units: upstreams.units,
    logger,
    pushPositions: gateway.pushPositions,
  });
  const now = () => new Date();
  const work = createWorkRunner({
    db,
    eventLog,
    audit,
    sendTask: (unitId, task) => upstreams.units.sendTask(unitId, task),
    now,
  });
  const incidents = createIncidentService({
    db,
    work,
    cameras,
    areas: () => upstreams.geo.mapContext().areas,
    alerts: createAlertLookup(db),
    accidentResponseTargetSeconds: config.accidentResponseTargetMinutes * 60,
    lateAfterMs: config.eventLateSeconds * 1000,
    now,
  });
  const dispatch = createDispatchService({
    db,
    work,
    incidents,
    routing: upstreams.routing,
    positionOf: units.positionOf,
    sendTask: (unitId, task) => upstreams.units.sendTask(unitId, task),
    photos: createPhotoStore(config.dataDir),
    logger,
    metrics,
  });
  const streams = createStreamService({
    db,
    vms: upstreams.vms,
    origin: upstreams.origin,
    cameraRef: cameras.ref,
    resolveSession: auth.resolveKey,
    audit,
    metrics,
    logger,
    config: {
      idleSeconds: config.streamIdleSeconds,
      auditWindowSeconds: config.streamAuditWindowSeconds,
      tokenSecret: config.streamTokenSecret,
      tokenTtlSeconds: config.streamTokenTtlSeconds,
      vmsApiCredentials: credentialsOf(config.vmsUrl),
    },
  });
  const ingest = createEventIngest({
    db,
    eventLog,
    cameraRef: cameras.ref,
    metrics,
    logger,
    lateAfterMs: config.eventLateSeconds * 1000,
  });
  const outbox = createNotifyOutbox({
    db,
    adapters: adaptersFromConfig(config),
    maxAttempts: config.notifyMaxAttempts,
    logger,
    metrics,
  });
  // Acknowledge links point at PUBLIC_ORIGIN, or at this server once it knows its port.
  let publicBase = config.publicOrigin ?? '';
  const alerts = createAlertService({
    db,
    eventLog,
    outbox,
    audit,
    cameraRef: cameras.ref,
    publicBaseUrl: () => publicBase,
    logger,
    metrics,
  });
  const alertAdmin = createAlertAdmin({ db, audit });
  ingest.onStoredWithin(alerts.inboxWithin);

  const endSessions = (keys: string[], reason: 'expired' | 'revoked') => {
    for (const key of keys) {
      gateway.endSession(key, reason);
      streams.forgetSession(key);
    }
  };
  const users = createUserAdmin({
    db,
    mfaRequired: auth.mfaRequired,
    knownArea: (areaId) => upstreams.geo.areaName(areaId) !== undefined,
    onSessionsEnded: (keys) => endSessions(keys, 'revoked'),
  });
  const sharing = createSharing({
    db,
    publicCameras: () => cameras.list({ topics: [], maxTier: 0, areas: null }),
  });
  const deviceMetrics = createDeviceMetrics(metrics.registry);
  const devices = createDeviceService({ db, vms: upstreams.vms, devices: upstreams.devices, eventLog });
  const quality = createQualityMonitor({
    db,
    vms: upstreams.vms,
    ingest,
    eventLog,
    audit,
    logger,
    metrics: deviceMetrics,
    options: {
      intervalSeconds: config.deviceQualityIntervalSeconds,
      maxPerSecond: config.deviceQualityMaxPerSecond,
      confirmSeconds: config.deviceQualityConfirmSeconds,
      raiseAfter: config.deviceFaultRaiseAfter,
      clearAfter: config.deviceFaultClearAfter,
      offlineGraceSeconds: config.deviceOfflineGraceSeconds,
      healAttempts: config.deviceHealAttempts,
      healBackoffSeconds: config.deviceHealBackoffSeconds,
    },
  });
  const health = createHealthCollector({
    db,
    devices: upstreams.devices,
    eventLog,
    logger,
    metrics: deviceMetrics,
    kindOf: devices.kindOf,
    areaOf: devices.areaOf,
    options: {
      intervalSeconds: config.deviceHealthIntervalSeconds,
      raiseAfter: config.deviceFaultRaiseAfter,
      clearAfter: config.deviceFaultClearAfter,
      rawHours: config.deviceHistoryRawHours,
      days: config.deviceHistoryDays,
    },
  });
  // Every stored AI event is signed and its plate indexed in the transaction that stores it.
  const eventSigning = createEventSigning(signer);
  ingest.onStoredWithin(eventSigning.sink);
  ingest.onStoredWithin(plateIndexSink);
  const vault = createEvidenceVault({ db, violations: upstreams.violations });
  const violations = createViolationReview({
    db,
    port: upstreams.violations,
    signer,
    vault,
    eventLog,
    audit,
    cameraRef: cameras.ref,
    logger,
    pollMs: config.violationsPollMs,
    makerCheckerDefault: config.violationMakerChecker,
  });
  const evidenceExports = createEvidenceExports({ db, signer, vault, violations, eventSigning, audit });
  const investigation = createInvestigation({ db, audit, eventSigning });
  const dashboards = createDashboardService({ db, audit, areas: () => upstreams.geo.mapContext().areas });
  const availability = createAvailabilityJob({ db, logger });
  const dailySummary = createDailySummary({
    db,
    dashboards,
    outbox,
    logger,
    hour: config.dashboardSummaryHour,
  });
  const identity = createIdentityLookup({
    db,
    port: upstreams.identity,
    audit,
    unitId: config.identityUnitId,
    logger,
  });

  // --- HTTP surface ---
  app.get('/healthz', publicRoute('liveness probe'), (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    publicRoute('readiness probe of the load balancer'),
    handle(async (_req, res) => {
      const checks: Record<string, { ok: boolean; detail: string }> = {
        database: (await db.ping())
          ? { ok: true, detail: db.kind }
          : { ok: false, detail: `${db.kind} not answering` },
      };
      for (const name of ['vms', 'analytics', 'violations', 'units', 'identity', 'devices'] as const) {
        checks[name] = await upstreams[name]
          .health()
          .catch((err: unknown) => ({ ok: false, detail: String(err) }));
      }
      if (upstreams.origin) checks.video = upstreams.origin.health();
      const ready = Object.values(checks).every((c) => c.ok);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
    }),
  );
  app.get(
    '/metrics',
    publicRoute('Prometheus scrape; METRICS_TOKEN closes it'),
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
    machineRoute('HMAC-signed webhook (INGEST_KEYS)'),
    createIngestWebhook({
      ingest,
      keys: config.ingestKeys,
      maxSkewSeconds: config.ingestMaxSkewSeconds,
      metrics,
    }),
  );

  // Partner centers (the city IOC): an API key, public cameras only, every call audited.
  app.use('/share/v1', createPartnerApi({ sharing, audit, logger }));

  const api = Router();
  api.use(attachPrincipal(auth));
  api.use(csrfGuard(config.publicOrigin));
  api.use(auditRefusals(audit, logger));
  const oidcEnabled = Boolean(config.oidcIssuer && config.oidcClientId);
  if (oidcEnabled) {
    const oidc = createOidc(
      {
        issuer: config.oidcIssuer!,
        clientId: config.oidcClientId!,
        clientSecret: config.oidcClientSecret,
        scopes: config.oidcScopes,
        usernameClaim: config.oidcUsernameClaim,
        mfaAmr: config.oidcMfaAmr,
      },
      logger,
    );
    api.use(
      '/auth/oidc',
      createOidcRoutes({
        oidc,
        auth,
        audit,
        db,
        logger,
        secureCookies: config.secureCookies,
        redirectUrl: config.oidcRedirectUrl,
        publicOrigin: config.publicOrigin,
      }),
    );
  }
  api.use(
    '/auth',
    createAuthRoutes({
      auth,
      audit,
      secureCookies: config.secureCookies,
      onSessionEnded: (key, reason) => {
        gateway.endSession(key, reason);
        streams.forgetSession(key);
      },
      oidcLabel: oidcEnabled ? config.oidcLabel : null,
    }),
  );
  api.use('/audit', createAuditRoutes(audit));
  api.use('/admin/users', createAdminUserRoutes({ users, audit }));
  api.use('/admin/sharing-keys', createSharingKeyRoutes({ sharing, audit }));
  const maps = createMapService(db);
  api.use('/cameras', createNearestCameraRoutes(maps));
  api.use('/cameras', createCameraRoutes(cameras));
  api.use('/events', createEventRoutes(db, config.eventLateSeconds * 1000));
  api.use('/events', createEventSignatureRoutes(db, eventSigning));
  api.use('/signatures', createSignatureRoutes(signer));
  api.use('/violations', createViolationRoutes({ violations, vault, exports: evidenceExports }));
  api.use('/investigate', createInvestigateRoutes({ investigation, exports: evidenceExports }));
  api.use('/identity', createIdentityRoutes(identity));
  api.use('/admin/dead-letters', createDeadLetterRoutes(db));
  api.use('/alerts', createAlertRoutes({ alerts, admin: alertAdmin, outbox }));
  api.use('/admin/alerts', createAlertAdminRoutes({ admin: alertAdmin, outbox, ingest, audit }));
  api.use(
    '/units',
    createUnitRoutes(units, (who, id, to, reason) =>
      dispatch.setStatus(
        { actor: { id: who.userId, name: who.userName }, ip: who.ip },
        who.areas,
        id,
        to,
        reason,
      ),
    ),
  );
  api.use('/incidents', createIncidentRoutes({ incidents, dispatch, audit }));
  api.use(
    '/dispatch',
    createDispatchRoutes({
      checkInMinutes: config.unitCheckInMinutes,
      accidentResponseTargetSeconds: config.accidentResponseTargetMinutes * 60,
    }),
  );
  api.use('/field', createFieldRoutes({ dispatch, audit, photoMaxBytes: config.photoMaxBytes }));
  api.use('/map', createMapRoutes(upstreams.geo, maps, config.mapStyleUrl));
  api.use('/devices', createDeviceRoutes({ devices, audit, logger }));
  api.use('/dashboards', createDashboardRoutes(dashboards));
  api.use('/admin/kpi-targets', createKpiTargetRoutes(dashboards));
  api.use('/admin/dashboard-summary', createDashboardSummaryRoutes(dailySummary, audit));
  api.use('/streams', createStreamRoutes(streams));
  api.use('/wall-layouts', createLayoutRoutes(createLayoutService({ db, audit, cameraRef: cameras.ref })));
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
    if (upstreams.sim.vms) {
      api.use('/sim', createSimControlRoutes(upstreams.sim.vms));
      api.use('/sim', createSimImageRoutes(upstreams.sim.vms));
    }
    api.use(
      '/sim',
      createSimJourneyRoutes(upstreams.sim.journeys, () => violations.poll()),
    );
  }
  api.use((req) => {
    throw notFound(`API route ${req.method} ${req.path}`);
  });
  app.use('/api', api);
  app.use('/ack', createAckLinkRoutes(alerts));
  serveConsole(app, config.consoleDist, logger);
  app.use(createErrorHandler(logger, metrics));
  for (const r of unguardedRoutes(app)) {
    logger.warn(
      { method: r.method, path: r.path },
      'route has no permission guard and is not declared public',
    );
  }

  // --- start the data flows ---
  await cameras.start();
  await upstreams.vms.start();
  streams.start();
  await units.start();
  await alertAdmin.seed(seeded);
  await alerts.start();
  outbox.start();
  dailySummary.start();
  availability.start();
  if (seeded.length > 0) {
    // First start: one account per field unit, its username the unit's call sign (csgt-07).
    const crews = await units.fieldAccounts();
    await auth.seedAccounts(config.seedPassword, crews);
    await units.linkFieldAccounts(crews);
    seeded.push(...crews.map((c) => ({ username: c.username, role: c.role, areas: c.areas, mfa: false })));
  }
  await dispatch.syncTasks();
  const stopReports = upstreams.units.onStatusReports((report) => {
    dispatch.onReport(report).catch((err: unknown) => logger.error({ err }, 'unit status report failed'));
  });
  await upstreams.units.start();
  const stopIngest = upstreams.analytics.onMessage((message) => ingest.submit(message));
  await upstreams.analytics.start();
  await upstreams.violations.start();
  await violations.start();
  await upstreams.identity.start();
  await upstreams.devices.start();
  await devices.start();
  await health.start();
  await quality.start();
  // Sessions past their idle or absolute limit end here, and so do their sockets (on every instance).
  const purge = setInterval(() => {
    auth
      .sweep()
      .then((keys) => endSessions(keys, 'expired'))
      .catch((err: unknown) => logger.warn({ err }, 'session sweep failed'));
  }, 30_000);
  purge.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  publicBase ||= url;
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
    app,
    eventLog,
    stop() {
      stopping ??= (async () => {
        clearInterval(purge);
        // The image checks submit events: they stop before the ingest is flushed.
        await quality.stop();
        await health.stop();
        // Stop consuming, then commit what was already taken in, before anything else closes.
        await upstreams.analytics.stop().catch(() => undefined);
        await ingest.flush();
        stopIngest();
        await violations.stop();
        await alerts.stop();
        dailySummary.stop();
        await availability.stop();
        await outbox.stop();
        stopReports();
        for (const u of [
          upstreams.violations,
          upstreams.units,
          upstreams.vms,
          upstreams.identity,
          upstreams.devices,
        ]) {
          await u.stop().catch(() => undefined);
        }
        await cameras.stop();
        await streams.stop();
        await units.stop();
        await gateway.close(); // also closes the HTTP server
        await fanout?.close();
        await db.close();
      })();
      return stopping;
    },
  };
}

/** The user and password in a URL (VMS_URL carries the BFF's own MediaMTX API credentials), if any. */
function credentialsOf(url: string | undefined): { user: string; pass: string } | null {
  if (!url) return null;
  const u = new URL(url);
  return u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : null;
}

/** Serves the built SPA; any non-API GET falls back to index.html so deep links work. */
function serveConsole(app: express.Express, dist: string, logger: Logger): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) logger.warn({ dist }, 'console is not built; only the API is served');
  app.use(express.static(dist, { index: false, maxAge: '1h', immutable: false }));
  app.get(/^(?!\/(api|socket\.io)\/).*/, publicRoute('the console (SPA) itself'), (_req, res) => {
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
