import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { violationTypeSchema } from '@c2/api-client/schemas/violation';
import type { NearestCamera } from '@c2/api-client/schemas/camera';
import type { ViolationHeat } from '@c2/api-client/schemas/map';
import type { Db } from '../../../platform/db';
import type { Audience } from '../../live/domain/audience';
import { selectNearestCameras, selectViolationHeat } from '../data/map-store';
import { buildBasemap } from './basemap';

/** The basemap as sent: JSON and its gzip, with an ETag so a console that has it pays one 304. */
export interface BasemapPayload {
  json: Buffer;
  gzip: Buffer;
  etag: string;
}

/** What the operational map asks of the BFF besides the camera list: basemap, nearest cameras, violation heat. */
export function createMapService(db: Db) {
  let basemap: BasemapPayload | null = null;
  return {
    /** Built on first use (about a third of a second) and kept: the sources are npm packages, never changing. */
    basemap(): BasemapPayload {
      if (!basemap) {
        const json = Buffer.from(JSON.stringify(buildBasemap()));
        const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
        basemap = { json, gzip: gzipSync(json, { level: 9 }), etag };
      }
      return basemap;
    },

    nearest(
      at: { lng: number; lat: number },
      limit: number,
      maxDistanceM: number | null,
      a: Audience,
    ): Promise<NearestCamera[]> {
      return selectNearestCameras(db, at, limit, maxDistanceM, a.maxTier, a.areas);
    },

    async violationHeat(
      range: { from: Date; to: Date },
      types: readonly string[] | null,
      a: Audience,
    ): Promise<ViolationHeat> {
      const wanted = types ?? violationTypeSchema.options;
      const heat = await selectViolationHeat(db, range, wanted, a.maxTier, a.areas);
      return { from: range.from.toISOString(), to: range.to.toISOString(), ...heat };
    },
  };
}
export type MapService = ReturnType<typeof createMapService>;
