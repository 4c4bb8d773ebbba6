import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * One structured logger. Cookies, authorization headers and passwords are redacted at the source so no secret
 * reaches the log whatever a caller passes.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'c2-bff' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', 'password', '*.token'],
      censor: '[redacted]',
    },
  });
}
