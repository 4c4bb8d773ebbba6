import { z } from 'zod';

/**
 * The part of MediaMTX's control API (v3, `apidocs/openapi.yaml`) this adapter reads: the path list. Only the fields
 * used are required; everything else MediaMTX adds is let through, so a newer MediaMTX does not break the adapter.
 * `ready`/`readyTime` are the older names of `available`/`availableTime` (deprecated, still sent).
 */
const pathTrackSchema = z.looseObject({
  codec: z.string(),
  codecProps: z
    .looseObject({
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    })
    .nullable()
    .optional(),
});

export const mediamtxPathSchema = z.looseObject({
  name: z.string().min(1),
  confName: z.string().optional(),
  available: z.boolean().optional(),
  availableTime: z.string().nullable().optional(),
  online: z.boolean().optional(),
  onlineTime: z.string().nullable().optional(),
  ready: z.boolean().optional(),
  readyTime: z.string().nullable().optional(),
  source: z.looseObject({ type: z.string(), id: z.string().optional() }).nullable().optional(),
  tracks2: z.array(pathTrackSchema).optional(),
  readers: z.array(z.looseObject({ type: z.string(), id: z.string().optional() })).optional(),
  bytesReceived: z.number().nonnegative().optional(),
});
export type MediamtxPath = z.infer<typeof mediamtxPathSchema>;

export const mediamtxPathListSchema = z.looseObject({
  itemCount: z.number().int().nonnegative(),
  pageCount: z.number().int().nonnegative(),
  items: z.array(mediamtxPathSchema),
});

/** Whether a path has a live source a reader could play. */
export function isAvailable(p: MediamtxPath): boolean {
  return p.available ?? p.ready ?? false;
}

/** Since when the path has been available (or the time it was seen, when MediaMTX does not say). */
export function availableSince(p: MediamtxPath): string | null {
  const t = p.availableTime ?? p.readyTime ?? null;
  return t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : null;
}

/** The video size MediaMTX read from the stream (H.264/H.265 track properties), if it says. */
export function videoSize(p: MediamtxPath): { width: number; height: number } | null {
  for (const t of p.tracks2 ?? []) {
    const w = t.codecProps?.width;
    const h = t.codecProps?.height;
    if (w && h) return { width: w, height: h };
  }
  return null;
}

export interface MediamtxClient {
  listPaths(): Promise<MediamtxPath[]>;
  /** One path (`/v3/paths/get/{name}`); null when MediaMTX does not know it (404). */
  getPath(name: string): Promise<MediamtxPath | null>;
  /** Drops a publishing session (`/v3/<kind>/kick/{id}`); false when the session is already gone (404). */
  kick(kind: KickableSession, id: string): Promise<boolean>;
  /** The control API's credentials; the BFF also reads HLS with them (snapshots). Null when VMS_URL has none. */
  readonly credentials: { user: string; pass: string } | null;
}

/** The publisher sessions MediaMTX can kick, by the `source.type` it reports for a path. */
export const KICKABLE = {
  rtspSession: 'rtspsessions',
  rtspsSession: 'rtspssessions',
  rtmpConn: 'rtmpconns',
  rtmpsConn: 'rtmpsconns',
  srtConn: 'srtconns',
  webRTCSession: 'webrtcsessions',
} as const;
export type KickableSession = keyof typeof KICKABLE;
export const isKickable = (type: string): type is KickableSession => Object.hasOwn(KICKABLE, type);

/**
 * A client of MediaMTX's control API. Credentials in the URL (`http://user:pass@host:9997`) are sent as HTTP
 * Basic, which MediaMTX's internal and HTTP authentication both accept for the `api` action. Every answer is
 * validated; a page that does not match the contract is an error, never half-read.
 */
export function createMediamtxClient(apiUrl: string, fetchImpl: typeof fetch = fetch): MediamtxClient {
  const url = new URL(apiUrl);
  const headers: Record<string, string> = { accept: 'application/json' };
  let credentials: MediamtxClient['credentials'] = null;
  if (url.username) {
    credentials = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
    headers.authorization = `Basic ${Buffer.from(`${credentials.user}:${credentials.pass}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const base = url.toString().replace(/\/$/, '');
  const PAGE = 100;
  const encodePath = (name: string) => name.split('/').map(encodeURIComponent).join('/');

  return {
    credentials,
    async getPath(name) {
      const res = await fetchImpl(`${base}/v3/paths/get/${encodePath(name)}`, {
        headers,
        signal: AbortSignal.timeout(5000),
      });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`MediaMTX GET /v3/paths/get answered ${res.status}`);
      const parsed = mediamtxPathSchema.safeParse(await res.json());
      if (!parsed.success)
        throw new Error(`MediaMTX path does not match its API: ${parsed.error.issues[0]?.message ?? ''}`);
      return parsed.data;
    },
    async kick(kind, id) {
      const res = await fetchImpl(`${base}/v3/${KICKABLE[kind]}/kick/${encodeURIComponent(id)}`, {
        method: 'POST',
        headers,
        signal: AbortSignal.timeout(5000),
      });
      if (res.status === 404) return false;
      if (!res.ok) throw new Error(`MediaMTX POST /v3/${KICKABLE[kind]}/kick answered ${res.status}`);
      return true;
    },
    async listPaths() {
      const all: MediamtxPath[] = [];
      for (let page = 0; page < 1000; page++) {
        const res = await fetchImpl(`${base}/v3/paths/list?page=${page}&itemsPerPage=${PAGE}`, {
          headers,
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) throw new Error(`MediaMTX GET /v3/paths/list answered ${res.status}`);
        const parsed = mediamtxPathListSchema.safeParse(await res.json());
        if (!parsed.success)
          throw new Error(
            `MediaMTX path list does not match its API: ${parsed.error.issues[0]?.message ?? ''}`,
          );
        all.push(...parsed.data.items);
        if (page + 1 >= parsed.data.pageCount) break;
      }
      return all;
    },
  };
}
