import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import type { Metrics } from '../../../platform/metrics';
import { badRequest, unauthorized, unavailable } from '../../../platform/errors';
import { handle, parseInput } from '../../../platform/http';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import type { EventIngest } from '../domain/event-ingest';

/** hex HMAC-SHA256 over "<timestamp>.<raw body>": binding the time stops an old request being replayed later. */
export function signIngest(secret: string, timestamp: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

const query = z.object({ format: z.enum(['native', 'frigate']).default('native') });
const MAX_BATCH = 1000;

/**
 * The HTTP door for systems that push events (the AI platform, partner analytics): API key + HMAC signature of the
 * raw body + a replay window. The answer comes after the commit, one outcome per event, so a 200 means stored.
 * Replaying a signed request inside the window is harmless: event ids make ingestion idempotent.
 */
export function createIngestWebhook(deps: {
  ingest: EventIngest;
  keys: Record<string, string>;
  maxSkewSeconds: number;
  metrics: Metrics;
  now?: () => number;
}): Router {
  const now = deps.now ?? Date.now;
  const router = Router();
  router.post(
    '/events',
    (_req, res, next) => {
      // Bad bodies (400, 413) are counted once, by the error handler, under this source.
      res.locals.badInputSource = 'webhook';
      next();
    },
    express.raw({ type: () => true, limit: '2mb' }),
    handle(async (req, res) => {
      if (Object.keys(deps.keys).length === 0)
        throw unavailable('HTTP ingestion is not configured (INGEST_KEYS)');
      const keyId = req.get(INGEST_HEADERS.keyId) ?? '';
      const timestamp = req.get(INGEST_HEADERS.timestamp) ?? '';
      const signature = req.get(INGEST_HEADERS.signature) ?? '';
      const secret = deps.keys[keyId];
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const refuse = (why: string) => {
        deps.metrics.badInput.inc({ source: 'webhook' });
        return unauthorized(why);
      };
      if (!secret) throw refuse(`unknown ${INGEST_HEADERS.keyId}`);
      const t = Number(timestamp);
      if (!/^\d{9,11}$/.test(timestamp) || Math.abs(now() / 1000 - t) > deps.maxSkewSeconds) {
        throw refuse(`${INGEST_HEADERS.timestamp} missing or outside the ${deps.maxSkewSeconds} s window`);
      }
      const expected = Buffer.from(signIngest(secret, timestamp, body), 'hex');
      const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw refuse(`${INGEST_HEADERS.signature} does not match the body`);
      }

      const { format } = parseInput(query, req.query, 'query');
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        throw badRequest('Body is not valid JSON', { body: 'not valid JSON' });
      }
      const items = Array.isArray(payload) ? payload : [payload];
      if (items.length === 0 || items.length > MAX_BATCH) {
        throw badRequest(`Send 1 to ${MAX_BATCH} events per request`, { body: `1 to ${MAX_BATCH} events` });
      }
      const outcomes = await Promise.all(
        items.map((item: unknown) =>
          deps.ingest.submit({ format, source: `http:${keyId}`, body: { decoded: item } }),
        ),
      );
      res.json({
        results: outcomes.map((o) =>
          o.outcome === 'stored'
            ? { outcome: o.outcome, id: o.event.id }
            : o.outcome === 'duplicate'
              ? { outcome: o.outcome, id: o.id }
              : { outcome: o.outcome, reason: o.reason },
        ),
      });
    }),
  );
  return router;
}
