import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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
  secureCookies: key('SECURE_COOKIES', bool.default(false), 'Mark cookies Secure (set true behind HTTPS).'),
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
    z.coerce.number().int().min(1).max(64).default(16),
    'MQTT connections per instance; each holds one message until it is committed, then acknowledges it (so this bounds the events in flight, and the batch size, per instance).',
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
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config;
}
