import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
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
/** The body of an action that takes none: nothing, or an empty JSON object; anything else is a 400. */
export const noBody = z.union([z.undefined(), z.object({}).strict()]);

export function handle(fn: (req: Request, res: Response) => Promise<void> | void) {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve(fn(req, res)).catch(next);
  };
}

/**
 * The Content-Security-Policy the console runs under. Everything comes from this origin; no inline script at all.
 * Styles come from the bundle's CSS files; `style-src-attr 'unsafe-inline'` admits only style *attributes*
 * (positioned map markers, React style props set as attributes), never an injected <style> element.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'style-src-elem': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  // Snapshots and QR codes arrive as data: URLs; MapLibre draws sprites from blob: URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // 'self' covers the same-origin WebSocket of socket.io in browsers implementing CSP 3.
  'connect-src': ["'self'"],
  // MapLibre runs its workers from blob: URLs; hls.js feeds <video> through MediaSource blob: URLs.
  'worker-src': ["'self'", 'blob:'],
  'child-src': ["'self'", 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'manifest-src': ["'self'"],
};

/** Request id, access metrics, security headers and a bounded JSON body for every request. */
export function createBaseApp(metrics: Metrics, options: { hsts?: boolean } = {}): express.Express {
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
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'no-referrer' },
      // Only behind HTTPS (SECURE_COOKIES): HSTS on plain http would lock a LAN console out of itself.
      strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use((_req, res, next) => {
    // The console uses none of these; a page that somehow ran foreign script could not use them either.
    res.setHeader(
      'permissions-policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
    );
    next();
  });
  app.use('/api', (_req, res, next) => {
    // API answers carry personal and operational data: never kept by a browser or a proxy cache.
    res.setHeader('cache-control', 'no-store');
    next();
  });
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
    if ((error.status === 429 || error.status === 423 || error.status === 503) && error.fields.retryAfter)
      res.setHeader('retry-after', error.fields.retryAfter);
    if (res.headersSent) return;
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        ...(Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}),
        ...(Object.keys(error.issues).length > 0 ? { issues: error.issues } : {}),
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
