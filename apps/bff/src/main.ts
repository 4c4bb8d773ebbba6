import { ConfigError } from './platform/config';
import { createLogger } from './platform/logger';
import { startServer } from './server';

/**
 * Process entry: starts the BFF, prints the embedded accounts, and shuts down cleanly on SIGTERM/SIGINT. A bad
 * configuration exits with the list of what is wrong; a stray error is logged, never silently swallowed.
 */
async function main(): Promise<void> {
  const bootLogger = createLogger(process.env.LOG_LEVEL ?? 'info');
  process.on('unhandledRejection', (err) => bootLogger.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => bootLogger.error({ err }, 'uncaught exception'));
  let server;
  try {
    server = await startServer();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    bootLogger.fatal({ err }, 'failed to start');
    process.exit(1);
  }
  const { config } = server;
  const shown = config.port === 8080 ? 'http://localhost:8080' : server.url;
  const lines = [
    '',
    `  Trung tâm chỉ huy giao thông – console at ${shown}`,
    `  database: ${server.db.kind}${config.databaseUrl ? '' : ` (${config.pgliteDir ?? `${config.dataDir}/pglite`})`}`,
  ];
  if (config.seedUsers) {
    const fresh = server.seeded.length > 0 ? ' (created now)' : '';
    lines.push(
      `  accounts${fresh}: operator, dispatcher, investigator, leader, admin, auditor, operator.phuongson (one ward)`,
    );
    const crews = server.seeded.filter((s) => s.role === 'field').map((s) => s.username);
    if (crews.length > 0) lines.push(`  field units (/field): ${crews[0]} … ${crews[crews.length - 1]}`);
    lines.push(`  password of the seeded accounts: ${config.seedPassword} (SEED_PASSWORD at first start)`);
    if (config.mfaRequiredRoles.length > 0) {
      // The seeded accounts of MFA roles are enrolled with this key: add it to an authenticator app to sign in.
      lines.push(
        `  TOTP key of the seeded ${config.mfaRequiredRoles.join(', ')} accounts: ${config.seedTotpSecret}`,
        `    (authenticator app: otpauth://totp/${encodeURIComponent(config.mfaIssuer)}?secret=${config.seedTotpSecret}&issuer=${encodeURIComponent(config.mfaIssuer)})`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    server.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        server.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
