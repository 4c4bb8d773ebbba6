import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { z } from 'zod';
import { AppError, fromZod } from './errors';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** Validates untrusted input against a schema; a failure is a 400 naming each wrong field, and is counted. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, what);
  return parsed.data;
}

/** Wraps an async handler so its rejection reaches the error handler (Express 5 does this too; kept explicit). */
export function handle(fn: (req: Request, res: Response) => Promise<void> | void) {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve(fn(req, res)).catch(next);
  };
}

/** Request id, access metrics, security headers and a bounded JSON body for every request. */
export function createBaseApp(metrics: Metrics): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    res.on('finish', () =>
      metrics.httpRequests.inc({ method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }),
    );
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // MapLibre and React set inline style attributes; no inline <style> or script is needed otherwise.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          // MapLibre runs its workers from blob: URLs; hls.js uses blob: media sources.
          'worker-src': ["'self'", 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
  );
  app.use('/api', express.json({ limit: '256kb', strict: true }));
  return app;
}

/** The one error handler: AppErrors answer their status and fields; anything else is a 500 without details. */
export function createErrorHandler(logger: Logger, metrics: Metrics): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const requestId = String(res.locals.requestId ?? '');
    let error: AppError;
    if (err instanceof AppError) error = err;
    else if (isBodyParserError(err)) {
      error =
        err.type === 'entity.too.large'
          ? new AppError('payload_too_large', 'Request body is too large', 413)
          : new AppError('bad_request', 'Request body is not valid JSON', 400, {
              '(body)': 'not valid JSON',
            });
    } else {
      logger.error({ err, requestId, path: req.path }, 'unhandled error');
      error = new AppError('internal', 'Internal error', 500);
    }
    if (error.status === 400 || error.status === 413) {
      metrics.badInput.inc({ source: 'http' });
      logger.warn({ requestId, path: req.path, fields: error.fields }, error.message);
    }
    if (error.catastrophic) logger.fatal({ err, requestId }, 'catastrophic error');
    if ((error.status === 429 || error.status === 503) && error.fields.retryAfter)
      res.setHeader('retry-after', error.fields.retryAfter);
    if (res.headersSent) return;
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        ...(Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}),
        requestId,
      },
    });
  };
}

function isBodyParserError(err: unknown): err is { type: string; status: number } {
  return (
    typeof err === 'object' &&
    err !== null &&
    'type' in err &&
    'status' in err &&
    typeof err.type === 'string'
  );
}
