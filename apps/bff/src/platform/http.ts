import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { z } from 'zod';
import { isStorableText, NOT_STORABLE } from '@c2/api-client/schemas/storable';
import { AppError, badRequest, fromZod } from './errors';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/**
 * Where in a parsed body or query a string (or key) holds what PostgreSQL cannot store (NUL, an unpaired
 * surrogate), or null. Checked before every schema, so no route can pass such text on to a query and answer 500.
 * Iterative: a hostile body may nest deeper than the stack.
 */
function unstorableAt(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return at || '(body)';
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        if (!isStorableText(k)) return path;
        stack.push([item, path]);
      }
    }
  }
  return null;
}

/** Validates untrusted input against a schema; a failure is a 400 naming each wrong field, and is counted. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const bad = unstorableAt(value);
  if (bad !== null) throw badRequest(`Invalid ${what}: ${bad}: ${NOT_STORABLE}`, { [bad]: NOT_STORABLE });
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
    // A NUL in the path or query would reach a route's parameters, and PostgreSQL cannot take it.
    if (/%00|\0/i.test(req.originalUrl))
      return next(badRequest('The URL contains a NUL character', { url: NOT_STORABLE }));
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
      const source = typeof res.locals.badInputSource === 'string' ? res.locals.badInputSource : 'http';
      metrics.badInput.inc({ source });
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
