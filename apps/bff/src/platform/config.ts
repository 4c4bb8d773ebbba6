import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { roleSchema } from '@c2/api-client/schemas/role';

/**
 * The TOTP secret of the embedded mode's seeded accounts (base32, 160 bits). Like SEED_PASSWORD it is printed at
 * start, so whoever runs `npm start` can add it to an authenticator app; a real deployment seeds nothing.
 */
export const EMBEDDED_SEED_TOTP_SECRET = 'BACNINHCTWOSEEDTOTPDEMOKEYQQRRSS';

/** The repository root, so embedded defaults work whatever directory the process was started from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));

interface KeySpec<S extends z.ZodType> {
  env: string;
  schema: S;
  description: string;
}
function key<S extends z.ZodType>(env: string, schema: S, description: string): KeySpec<S> {
  return { env, schema, description };
}

/**
 * Every configuration key: its env name, its schema with the embedded-mode default, and one line saying what it
 * does. README's configuration table is generated from this (`pnpm --filter @c2/bff config-table`).
 */
export const CONFIG_KEYS = {
  port: key(
    'PORT',
    z.coerce.number().int().min(0).max(65535).default(8080),
    'HTTP port of the console and API.',
  ),
  host: key('HOST', z.string().min(1).default('0.0.0.0'), 'Interface to listen on.'),
  publicOrigin: key(
    'PUBLIC_ORIGIN',
    optionalUrl,
    'Origin browsers use (e.g. https://c2.example.vn); when set, requests from any other Origin are refused.',
  ),
  dataDir: key(
    'DATA_DIR',
    z.string().min(1).default(path.join(REPO_ROOT, '.data')),
    'Where embedded mode keeps its database and media.',
  ),
  databaseUrl: key(
    'DATABASE_URL',
    optionalUrl,
    'PostgreSQL connection URL. Unset: embedded PGlite (real PostgreSQL in WASM) under DATA_DIR.',
  ),
  databaseSchema: key(
    'DATABASE_SCHEMA',
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL identifier')
      .default('public'),
    'PostgreSQL schema holding the console tables.',
  ),
  pgliteDir: key(
    'PGLITE_DIR',
    z.string().optional(),
    'PGlite data directory (default DATA_DIR/pglite; "memory://" keeps nothing).',
  ),
  redisUrl: key(
    'REDIS_URL',
    optionalUrl,
    'Redis URL; when set socket.io fans out across BFF instances through it.',
  ),
  consoleDist: key(
    'CONSOLE_DIST',
    z.string().default(path.join(REPO_ROOT, 'apps/console/dist')),
    'Built console to serve.',
  ),
  sessionTtlMinutes: key(
    'SESSION_TTL_MINUTES',
    z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(12 * 60),
    'Absolute session lifetime (a 12-hour shift by default).',
  ),
  sessionIdleMinutes: key(
    'SESSION_IDLE_MINUTES',
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    'A session with no request for this long ends (its sockets too); the absolute limit is SESSION_TTL_MINUTES.',
  ),
  secureCookies: key('SECURE_COOKIES', bool.default(false), 'Mark cookies Secure (set true behind HTTPS).'),
  mfaRequiredRoles: key(
    'MFA_REQUIRED_ROLES',
    z
      .string()
      .default('admin,leader,investigator,auditor')
      .transform((v) =>
        v
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      )
      .pipe(z.array(roleSchema)),
    'Roles that must sign in with a TOTP second factor (comma-separated); such an account enrols at its first login.',
  ),
  mfaIssuer: key(
    'MFA_ISSUER',
    z.string().min(1).max(60).default('C2 Bắc Ninh'),
    'Issuer name authenticator apps show next to the account.',
  ),
  mfaEncryptionKey: key(
    'MFA_ENCRYPTION_KEY',
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const bytes = Buffer.from(v, /^[0-9a-f]{64}$/i.test(v) ? 'hex' : 'base64');
        if (bytes.length !== 32) {
          ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, as 64 hex digits or base64' });
          return z.NEVER;
        }
        return bytes;
      }),
    'Key (32 bytes, hex or base64) encrypting TOTP secrets at rest; unset: a key file created under DATA_DIR.',
  ),
  mfaRejectReusedCodes: key(
    'MFA_REJECT_REUSED_CODES',
    bool.default(true),
    'Refuse a TOTP code already used by the account (RFC 6238 5.2); tests that log one account in many times a second turn it off.',
  ),
  seedTotpSecret: key(
    'SEED_TOTP_SECRET',
    z
      .string()
      .regex(/^[A-Z2-7]{16,64}$/, 'base32 (A-Z, 2-7), 16 to 64 characters')
      .default(EMBEDDED_SEED_TOTP_SECRET),
    'TOTP secret the seeded accounts of MFA roles are enrolled with (printed at start, like SEED_PASSWORD).',
  ),
  seedUsers: key(
    'SEED_USERS',
    bool.default(true),
    'Create one account per role when the user table is empty.',
  ),
  seedPassword: key(
    'SEED_PASSWORD',
    z.string().min(8, 'must be at least 8 characters').default('BacNinh@2026'),
    'Password of the seeded accounts (printed at start).',
  ),
  loginMaxFailures: key(
    'LOGIN_MAX_FAILURES',
    z.coerce.number().int().min(1).max(100).default(5),
    'Failed logins per user and address before login is refused for LOGIN_LOCK_SECONDS.',
  ),
  loginLockSeconds: key(
    'LOGIN_LOCK_SECONDS',
    z.coerce.number().int().min(1).max(86400).default(300),
    'How long login stays refused after too many failures.',
  ),
  loginLockoutFailures: key(
    'LOGIN_LOCKOUT_FAILURES',
    z.coerce.number().int().min(3).max(1000).default(10),
    'Consecutive failed logins (password or code, from any address) that lock the account for LOGIN_LOCKOUT_MINUTES.',
  ),
  loginLockoutMinutes: key(
    'LOGIN_LOCKOUT_MINUTES',
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    'How long a locked account stays locked (an administrator can unlock it sooner).',
  ),
  oidcIssuer: key(
    'OIDC_ISSUER',
    optionalUrl,
    'OpenID Connect issuer (e.g. the province identity platform); when set with OIDC_CLIENT_ID, single sign-on is offered.',
  ),
  oidcClientId: key('OIDC_CLIENT_ID', z.string().min(1).optional(), 'OIDC client id of this console.'),
  oidcClientSecret: key(
    'OIDC_CLIENT_SECRET',
    z.string().min(1).optional(),
    'OIDC client secret (client_secret_basic); unset: a public client with PKCE only.',
  ),
  oidcRedirectUrl: key(
    'OIDC_REDIRECT_URL',
    optionalUrl,
    'Callback URL registered at the provider; unset: PUBLIC_ORIGIN (or the request host) + /api/auth/oidc/callback.',
  ),
  oidcScopes: key('OIDC_SCOPES', z.string().default('openid profile'), 'Scopes requested at the provider.'),
  oidcUsernameClaim: key(
    'OIDC_USERNAME_CLAIM',
    z.string().min(1).default('preferred_username'),
    'ID-token claim matched to a console username (accounts are provisioned here; SSO never creates them).',
  ),
  oidcMfaAmr: key(
    'OIDC_MFA_AMR',
    z
      .string()
      .default('mfa,otp,hwk,swk,sms')
      .transform((v) =>
        v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    'amr values by which the provider proves a second factor; without one, MFA roles still enter a TOTP code here.',
  ),
  oidcLabel: key(
    'OIDC_LABEL',
    z.string().min(1).max(60).default('SSO'),
    'Name of the provider on the login button.',
  ),
  liveBatchMs: key(
    'LIVE_BATCH_MS',
    z.coerce.number().int().min(10).max(5000).default(250),
    'Window in which high-rate live updates (camera status, unit positions) are coalesced.',
  ),
  replayLimit: key(
    'LIVE_REPLAY_LIMIT',
    z.coerce.number().int().min(1).max(100000).default(5000),
    'Most log entries replayed to a reconnecting console; past that it refetches.',
  ),
  simSeed: key('SIM_SEED', z.string().min(1).default('bac-ninh'), 'Seed of the simulated province.'),
  simCameras: key(
    'SIM_CAMERAS',
    z.coerce.number().int().min(1).max(50000).default(400),
    'Number of simulated cameras.',
  ),
  simUnits: key(
    'SIM_UNITS',
    z.coerce.number().int().min(0).max(2000).default(24),
    'Number of simulated field units.',
  ),
  simEventsPerMinute: key(
    'SIM_EVENTS_PER_MINUTE',
    z.coerce.number().min(0).max(600000).default(30),
    'Mean simulated AI events per minute at the daily peak.',
  ),
  simFaults: key('SIM_FAULTS', bool.default(true), 'Simulate camera faults that come and go.'),
  simCrewResponseSeconds: key(
    'SIM_CREW_RESPONSE_SECONDS',
    z.coerce.number().min(0).max(3600).default(60),
    'A simulated crew takes an assignment nobody answered in the field view after this long (0: never).',
  ),
  simCrewSceneSeconds: key(
    'SIM_CREW_SCENE_SECONDS',
    z.coerce.number().min(1).max(86400).default(480),
    'How long a simulated crew works a scene before it clears and drives back.',
  ),
  simSpeedup: key(
    'SIM_SPEEDUP',
    z.coerce.number().min(1).max(1000).default(1),
    'Simulated units drive (and simulated crews act) this many times faster than real time (drills, tests).',
  ),
  unitCheckInMinutes: key(
    'UNIT_CHECK_IN_MINUTES',
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    'A unit on scene longer than this without a status, note, photo or check-in is flagged on the dispatcher board.',
  ),
  accidentResponseTargetMinutes: key(
    'ACCIDENT_RESPONSE_TARGET_MINUTES',
    z.coerce
      .number()
      .min(1)
      .max(24 * 60)
      .default(10),
    'Target from the first report of an accident to the first unit on scene; slower responses are flagged.',
  ),
  photoMaxBytes: key(
    'PHOTO_MAX_BYTES',
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(8 * 1024 * 1024),
    'Largest photo a field unit may upload (JPEG, PNG or WebP), in bytes; stored under DATA_DIR/attachments.',
  ),
  mqttUrl: key(
    'MQTT_URL',
    optionalUrl,
    'MQTT broker of the edge AI boxes (mqtt://host:1883); when set, events are consumed from it (see docs/mqtt.md).',
  ),
  mqttShareGroup: key(
    'MQTT_SHARE_GROUP',
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or - only')
      .default('c2-bff'),
    'Shared-subscription group: BFF instances in one group split the MQTT stream, each message processed once.',
  ),
  mqttTopicRoot: key(
    'MQTT_TOPIC_ROOT',
    z
      .string()
      .regex(/^[^#+$/][^#+]*[^#+/]$|^[^#+$/]$/, 'a topic prefix without wildcards or a leading/trailing /')
      .default('c2/v1'),
    'Root of the native event topics: <root>/<siteId>/events/<type> (one root per deployment sharing a broker).',
  ),
  mqttFrigatePrefixes: key(
    'MQTT_FRIGATE_PREFIXES',
    z
      .string()
      .default('frigate')
      .transform((v) =>
        v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^#+$][^#+]*$/, 'a topic prefix without wildcards')).max(50)),
    'Comma-separated Frigate topic_prefix values whose <prefix>/events messages are ingested.',
  ),
  mqttConsumers: key(
    'MQTT_CONSUMERS',
    z.coerce.number().int().min(1).max(1024).default(256),
    'MQTT connections per instance; each holds one message until it is committed, then acknowledges it (so this bounds the events in flight, and the batch size, per instance: 16 connections capped ingest near 1,000 events/s; 256 and 1,024 measure the same on 2 cores, see docs/benchmarks.md).',
  ),
  mqttClientId: key(
    'MQTT_CLIENT_ID',
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,80}$/, 'letters, digits, _ . or - only (at most 80)')
      .optional(),
    'Stable MQTT client id of this instance (connection i is <id>-<i>), so the broker keeps its sessions across a crash and redelivers what it had not acknowledged. Unset: c2-bff-<host name>-<PORT>. Must differ between instances.',
  ),
  mqttSessionExpirySeconds: key(
    'MQTT_SESSION_EXPIRY_SECONDS',
    z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 86400)
      .default(3600),
    "How long the broker keeps this instance's MQTT sessions, queueing its share of the stream, while it is down (crash, restart, deploy); 0: no session, so what a crashed instance held is lost.",
  ),
  ingestKeys: key(
    'INGEST_KEYS',
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        const keys: Record<string, string> = {};
        for (const pair of (v ?? '').split(',').filter((x) => x.trim() !== '')) {
          const [id, secret] = pair.trim().split(':', 2);
          if (!id || !/^[A-Za-z0-9_.-]{1,64}$/.test(id) || !secret || secret.length < 16) {
            ctx.addIssue({
              code: 'custom',
              message: 'each entry must be <key id>:<secret of 16+ characters>',
            });
            return z.NEVER;
          }
          keys[id] = secret;
        }
        return keys;
      }),
    'Webhook API keys as <key id>:<HMAC secret>, comma-separated; unset: the HTTP ingestion webhook is closed.',
  ),
  ingestMaxSkewSeconds: key(
    'INGEST_MAX_SKEW_SECONDS',
    z.coerce.number().int().min(10).max(3600).default(300),
    'Replay window of the webhook: a signed request older or newer than this is refused.',
  ),
  eventLateSeconds: key(
    'EVENT_LATE_SECONDS',
    z.coerce.number().int().min(1).max(86400).default(120),
    'An event received this long after it happened is marked delayed (an edge backlog after an outage).',
  ),
  smtpUrl: key(
    'SMTP_URL',
    optionalUrl,
    'SMTP server for alert e-mail (smtp://user:pass@host:587 or smtps://…); unset: e-mail goes to the local outbox.',
  ),
  smtpFrom: key(
    'SMTP_FROM',
    z.string().min(3).default('Trung tâm chỉ huy giao thông <c2-alerts@localhost>'),
    'Sender of alert e-mail.',
  ),
  smsGatewayUrl: key(
    'SMS_GATEWAY_URL',
    optionalUrl,
    'HTTP SMS gateway: POST {to, text, brandname} as JSON; unset: SMS goes to the local outbox.',
  ),
  smsGatewayToken: key(
    'SMS_GATEWAY_TOKEN',
    z.string().min(8).optional(),
    'Bearer token sent to the SMS gateway.',
  ),
  smsBrandname: key('SMS_BRANDNAME', z.string().max(11).default('CSGT'), 'SMS brandname (sender id).'),
  zaloOaAccessToken: key(
    'ZALO_OA_ACCESS_TOKEN',
    z.string().min(8).optional(),
    'Zalo Official Account access token for ZNS template messages; unset: Zalo goes to the local outbox.',
  ),
  zaloOaTemplateId: key(
    'ZALO_OA_TEMPLATE_ID',
    z.string().default('c2-alert'),
    'ZNS template id of alert messages (params: priority, title, camera, level, time, ack_url).',
  ),
  zaloOaApiUrl: key(
    'ZALO_OA_API_URL',
    z.string().url().default('https://business.openapi.zalo.me/message/template'),
    'ZNS template-message endpoint.',
  ),
  notifyMaxAttempts: key(
    'NOTIFY_MAX_ATTEMPTS',
    z.coerce.number().int().min(1).max(50).default(6),
    'Delivery attempts per outbox message (exponential backoff from 2 s) before it is marked dead.',
  ),
  deviceQualityIntervalSeconds: key(
    'DEVICE_QUALITY_INTERVAL_SECONDS',
    z.coerce.number().min(1).max(86400).default(60),
    "Each camera's picture is sampled and checked (black, frozen, blur, covered, moved) at least this often.",
  ),
  deviceQualityMaxPerSecond: key(
    'DEVICE_QUALITY_MAX_PER_SECOND',
    z.coerce.number().min(0).max(1000).default(10),
    'Most snapshots one instance checks per second (0: image checks off); past it the cycle stretches.',
  ),
  deviceQualityConfirmSeconds: key(
    'DEVICE_QUALITY_CONFIRM_SECONDS',
    z.coerce.number().min(0.2).max(3600).default(5),
    'A camera whose check looks wrong (or right again) is re-checked this soon to confirm.',
  ),
  deviceFaultRaiseAfter: key(
    'DEVICE_FAULT_RAISE_AFTER',
    z.coerce.number().int().min(1).max(100).default(2),
    'Consecutive bad checks that open a fault (hysteresis).',
  ),
  deviceFaultClearAfter: key(
    'DEVICE_FAULT_CLEAR_AFTER',
    z.coerce.number().int().min(1).max(100).default(3),
    'Consecutive good checks that clear an open fault (hysteresis).',
  ),
  deviceOfflineGraceSeconds: key(
    'DEVICE_OFFLINE_GRACE_SECONDS',
    z.coerce.number().int().min(0).max(86400).default(60),
    'A camera offline this long raises camera_offline (self-healing starts at once).',
  ),
  deviceHealAttempts: key(
    'DEVICE_HEAL_ATTEMPTS',
    z.coerce.number().int().min(0).max(20).default(3),
    'Automatic reconnects per fault before a lost stream raises stream_failure (maintenance).',
  ),
  deviceHealBackoffSeconds: key(
    'DEVICE_HEAL_BACKOFF_SECONDS',
    z.coerce.number().min(0.2).max(3600).default(10),
    'Wait before the second reconnect; each further one waits twice as long.',
  ),
  deviceHealthIntervalSeconds: key(
    'DEVICE_HEALTH_INTERVAL_SECONDS',
    z.coerce.number().min(1).max(3600).default(60),
    'How often device readings (CPU, memory, temperature, storage, network, bitrate, fps) are collected.',
  ),
  deviceHistoryRawHours: key(
    'DEVICE_HISTORY_RAW_HOURS',
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 31)
      .default(6),
    'Raw device readings are kept this long, then averaged per hour.',
  ),
  deviceHistoryDays: key(
    'DEVICE_HISTORY_DAYS',
    z.coerce.number().int().min(1).max(3650).default(90),
    'Hourly readings, closed faults and healing attempts are kept this many days.',
  ),
  signingKey: key(
    'SIGNING_KEY',
    z.string().min(40).optional(),
    'Ed25519 private key (PKCS#8 PEM, or that PEM base64-encoded) signing events, violations and decisions; unset: SIGNING_KEY_FILE, else DATA_DIR/keys.',
  ),
  signingKeyFile: key(
    'SIGNING_KEY_FILE',
    z.string().min(1).optional(),
    'File holding the Ed25519 signing key (PEM); unset: DATA_DIR/keys/signing-key.pem, created on first start.',
  ),
  violationsUrl: key(
    'VIOLATIONS_URL',
    optionalUrl,
    'Violation processing service (contract in api-client schemas/violation-service.ts); unset: the simulated one.',
  ),
  violationsToken: key(
    'VIOLATIONS_TOKEN',
    z.string().min(8).optional(),
    'Bearer token sent to VIOLATIONS_URL.',
  ),
  violationsPollMs: key(
    'VIOLATIONS_POLL_MS',
    z.coerce.number().int().min(100).max(600_000).default(2000),
    'How often the violation service is asked for new records.',
  ),
  violationMakerChecker: key(
    'VIOLATION_MAKER_CHECKER',
    bool.default(true),
    'Default of the maker-checker rule (a second, different person confirms a verification); admins change it at run time.',
  ),
  dashboardSummaryHour: key(
    'DASHBOARD_SUMMARY_HOUR',
    z.coerce.number().int().min(-1).max(23).default(7),
    "Local hour (Vietnam) from which the daily summary of yesterday's dashboards is e-mailed to leaders once through the outbox; -1 turns it off.",
  ),
  identityUnitId: key(
    'IDENTITY_UNIT_ID',
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{2,64}$/, 'letters, digits, . _ - only')
      .default('PC08-BNH'),
    'Identifier of this unit sent with every registry lookup and written in the access log.',
  ),
  mediaDir: key(
    'MEDIA_DIR',
    z.string().min(1).optional(),
    "Cache of the built-in origin's encoded clips and posters (default DATA_DIR/media; encoded once, in the background).",
  ),
  ffmpegPath: key(
    'FFMPEG_PATH',
    z.string().min(1).optional(),
    "ffmpeg used to encode the simulated cameras' clips (default: ffmpeg on PATH, else @ffmpeg-installer/linux-x64).",
  ),
  streamIdleSeconds: key(
    'STREAM_IDLE_SECONDS',
    z.coerce.number().int().min(5).max(3600).default(30),
    'A stream nobody has requested for this long is closed (and counted as idle-closed).',
  ),
  streamAuditWindowSeconds: key(
    'STREAM_AUDIT_WINDOW_SECONDS',
    z.coerce.number().int().min(0).max(86400).default(600),
    'A viewer re-opening the same camera within this window is not audited again (one audit entry per viewing).',
  ),
  streamTokenSecret: key(
    'STREAM_TOKEN_SECRET',
    z.string().min(32, 'must be at least 32 characters').optional(),
    'HMAC key of stream tokens given to the VMS; unset: random per process (set it when several BFF instances serve one VMS).',
  ),
  streamTokenTtlSeconds: key(
    'STREAM_TOKEN_TTL_SECONDS',
    z.coerce.number().int().min(10).max(3600).default(120),
    'Lifetime of a stream token for opening a stream at the VMS; an open stream stays authorized while it is watched.',
  ),
  vmsUrl: key(
    'VMS_URL',
    optionalUrl,
    'MediaMTX control API (http://user:pass@mediamtx:9997); when set, cameras and video come from it instead of the simulator.',
  ),
  vmsHlsUrl: key(
    'VMS_HLS_URL',
    optionalUrl,
    'MediaMTX HLS server as browsers reach it (https://video.c2.example.vn); required with VMS_URL.',
  ),
  vmsCamerasFile: key(
    'VMS_CAMERAS_FILE',
    z.string().min(1).optional(),
    'JSON registry of the VMS cameras (path → name, location, area, classification); unregistered paths stay hidden.',
  ),
  vmsPollSeconds: key(
    'VMS_POLL_SECONDS',
    z.coerce.number().int().min(1).max(300).default(5),
    'How often the VMS path list is read for camera status.',
  ),
  mapStyleUrl: key(
    'MAP_STYLE_URL',
    optionalUrl,
    'MapLibre style of your own tile server; unset: the embedded offline basemap.',
  ),
  metricsToken: key(
    'METRICS_TOKEN',
    z.string().min(16, 'must be at least 16 characters').optional(),
    'When set, /metrics requires "Authorization: Bearer <token>".',
  ),
  logLevel: key(
    'LOG_LEVEL',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'Log level.',
  ),
} as const;

type Keys = typeof CONFIG_KEYS;
export type Config = { [K in keyof Keys]: z.output<Keys[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from an environment. Overrides (from tests) win over the environment. Empty strings
 * count as unset. Throws a ConfigError listing every bad key by its env name.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(CONFIG_KEYS) as [keyof Keys, KeySpec<z.ZodType>][]) {
    if (name in overrides) {
      out[name] = overrides[name];
      continue;
    }
    const raw = env[spec.env];
    const parsed = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[name] = parsed.data;
    else
      problems.push(
        `${spec.env}=${JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      );
  }
  if (out.vmsUrl && !out.vmsHlsUrl) problems.push('VMS_HLS_URL: required when VMS_URL is set');
  if (out.vmsUrl && !out.vmsCamerasFile) problems.push('VMS_CAMERAS_FILE: required when VMS_URL is set');
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config;
}
