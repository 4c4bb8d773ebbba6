import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  mediamtxAuthRequestSchema,
  recordedQuerySchema,
  streamVariantNameSchema,
} from '@c2/api-client/schemas/stream';
import { handle, parseInput } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import type { Principal } from '../../auth/domain/auth-service';
import {
  machineRoute,
  principalOf,
  requirePermission,
  requirePermissionOrToken,
} from '../../auth/http/auth-guards';
import type { StreamService, Viewer } from '../domain/stream-service';

const cameraParam = z.object({ cameraId: z.string().min(1).max(128) });
const mediaParams = cameraParam.extend({
  variant: streamVariantNameSchema,
  file: z.string().regex(/^(index\.m3u8|seg-\d{1,12}\.ts)$/, 'must be index.m3u8 or seg-<n>.ts'),
});
const tokenQuery = z.object({ token: z.string().min(1).max(1024).optional() });

const PLAYLIST = 'application/vnd.apple.mpegurl';

/**
 * The stream endpoints (URL scheme in api-client `streamUrls`). Media requests are authorized per request by the
 * session, or by a stream token for that camera: `stream:open`, clearance and jurisdiction; a forbidden camera
 * answers 403 whether called by the console or directly. The MediaMTX hook is machine-to-machine, authenticated by
 * the stream token MediaMTX forwards.
 */
export function createStreamRoutes(streams: StreamService): Router {
  const router = Router();

  async function viewer(req: Request, res: Response, cameraId: string): Promise<Viewer> {
    const { token } = parseInput(tokenQuery, req.query, 'stream query');
    return streams.authorize({
      principal: res.locals.principal as Principal | undefined,
      token,
      cameraId,
      ip: req.ip ?? null,
    });
  }

  router.post(
    '/mediamtx/auth',
    machineRoute('MediaMTX authentication hook: the body carries a stream token or the BFF credentials'),
    handle(async (req, res) => {
      const body = parseInput(mediamtxAuthRequestSchema, req.body, 'MediaMTX authentication request');
      res.status((await streams.mediamtxAuth(body)) ? 204 : 401).end();
    }),
  );

  router.get(
    '/:cameraId',
    requirePermission('stream:open'),
    handle((req, res) => {
      const { cameraId } = parseInput(cameraParam, req.params, 'camera id');
      // Like every id lookup: a camera outside the caller's clearance or jurisdiction is not found.
      const info = streams.info(principalOf(res), cameraId);
      if (!info) throw notFound('Camera');
      res.json(info);
    }),
  );

  router.get(
    '/:cameraId/poster.jpg',
    requirePermissionOrToken('stream:open'),
    handle(async (req, res) => {
      const { cameraId } = parseInput(cameraParam, req.params, 'camera id');
      const body = await streams.poster(await viewer(req, res, cameraId), cameraId);
      res.setHeader('cache-control', 'private, max-age=60');
      res.type('image/jpeg').send(body);
    }),
  );

  router.get(
    '/:cameraId/recorded.m3u8',
    requirePermissionOrToken('stream:open'),
    handle(async (req, res) => {
      const { cameraId } = parseInput(cameraParam, req.params, 'camera id');
      const v = await viewer(req, res, cameraId);
      const q = parseInput(recordedQuerySchema, req.query, 'recorded range');
      const playlist = await streams.recorded(
        v,
        cameraId,
        { fromMs: Date.parse(q.from), toMs: Date.parse(q.to) },
        q.variant,
      );
      res.setHeader('cache-control', 'private, no-cache');
      res.type(PLAYLIST).send(playlist);
    }),
  );

  router.get(
    '/:cameraId/:variant/:file',
    requirePermissionOrToken('stream:open'),
    handle(async (req, res) => {
      const { cameraId, variant, file } = parseInput(mediaParams, req.params, 'stream path');
      const v = await viewer(req, res, cameraId);
      if (file === 'index.m3u8') {
        const answer = await streams.live(v, cameraId, variant);
        if ('redirect' in answer) {
          res.setHeader('cache-control', 'no-store');
          res.redirect(302, answer.redirect);
          return;
        }
        // A live playlist changes every second: never cached.
        res.setHeader('cache-control', 'no-store');
        res.type(PLAYLIST).send(answer.playlist);
        return;
      }
      const k = Number(/^seg-(\d+)\.ts$/.exec(file)![1]);
      const body = await streams.segment(v, cameraId, variant, k);
      // Segment k is the same bytes forever: the browser may keep it (privately: it was access-checked).
      res.setHeader('cache-control', 'private, max-age=3600, immutable');
      res.type('video/mp2t').send(body);
    }),
  );
  return router;
}
