import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Camera } from '@c2/api-client/schemas/camera';
import type {
  CreateSharingKey,
  SharedCamera,
  SharedStatistics,
  SharingKey,
  SharingScope,
} from '@c2/api-client/schemas/sharing';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import {
  countCall,
  insertSharingKey,
  revokeSharingKey,
  selectPublicEventCounts,
  selectSharingKey,
  selectSharingKeys,
  type SharingKeyRow,
} from '../data/sharing-store';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** `c2s.<id>.<secret>`: the id finds the row, the secret is compared with its stored hash. */
const KEY_FORMAT = /^c2s\.([a-z0-9]{12})\.([A-Za-z0-9_-]{43})$/;

export type KeyCheck =
  | { ok: true; key: SharingKeyRow }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked'; keyId: string | null };

function stateOf(row: SharingKeyRow): SharingKey['state'] {
  if (row.revoked_at) return 'revoked';
  return new Date(row.expires_at) <= new Date() ? 'expired' : 'active';
}

function present(row: SharingKeyRow): SharingKey {
  return {
    id: row.id,
    name: row.name,
    partner: row.partner,
    scopes: row.scopes,
    ratePerMinute: row.rate_per_minute,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    expiresAt: new Date(row.expires_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    state: stateOf(row),
  };
}

/** Only what a partner may know of a public camera: no owner, no classification, no personal data. */
export function toSharedCamera(c: Camera): SharedCamera {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    location: c.location,
    roadName: c.roadName,
    areaId: c.areaId,
    areaName: c.areaName,
    state: c.status.state,
    since: c.status.since,
    streams: c.streams,
  };
}

/**
 * Sharing with partner centers (the city IOC): scoped, expiring, revocable API keys, and the public-only view of
 * cameras and aggregates they read. The police network's restricted and secret cameras never leave through here.
 */
export function createSharing(deps: { db: Db; publicCameras: () => Promise<Camera[]> }) {
  const { db } = deps;

  async function publicCameras(): Promise<Camera[]> {
    // The camera service already filters by clearance; this second check is the one the law asks for.
    return (await deps.publicCameras()).filter((c) => c.classification === 'public');
  }

  return {
    async create(input: CreateSharingKey & { ratePerMinute: number }, createdBy: string) {
      const id = randomBytes(9)
        .toString('base64url')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '0')
        .slice(0, 12);
      const secret = randomBytes(32).toString('base64url');
      await insertSharingKey(db, {
        id,
        name: input.name,
        partner: input.partner,
        secretHash: sha256(secret).toString('hex'),
        scopes: [...new Set(input.scopes)],
        ratePerMinute: input.ratePerMinute,
        createdBy,
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      });
      return { key: present((await selectSharingKey(db, id))!), secret: `c2s.${id}.${secret}` };
    },

    list: async () => (await selectSharingKeys(db)).map(present),

    async revoke(id: string): Promise<SharingKey> {
      if (!(await revokeSharingKey(db, id))) throw notFound('Sharing key');
      return present((await selectSharingKey(db, id))!);
    },

    /** Checks an `Authorization: Bearer c2s.…` value. */
    async authenticate(header: string | undefined): Promise<KeyCheck> {
      if (!header) return { ok: false, reason: 'missing', keyId: null };
      const m = KEY_FORMAT.exec(header.replace(/^Bearer\s+/i, '').trim());
      if (!m) return { ok: false, reason: 'malformed', keyId: null };
      const [, id, secret] = m as unknown as [string, string, string];
      const row = await selectSharingKey(db, id);
      if (!row || !timingSafeEqual(sha256(secret), Buffer.from(row.secret_hash, 'hex')))
        return { ok: false, reason: 'unknown', keyId: row ? id : null };
      const state = stateOf(row);
      if (state !== 'active') return { ok: false, reason: state, keyId: id };
      return { ok: true, key: row };
    },

    /** Calls so far in this minute, including this one. */
    countCall: (id: string) => countCall(db, id),

    hasScope: (key: SharingKeyRow, scope: SharingScope) => key.scopes.includes(scope),

    cameras: async () => (await publicCameras()).map(toSharedCamera),

    async camera(id: string): Promise<SharedCamera | null> {
      const c = (await publicCameras()).find((x) => x.id === id);
      return c ? toSharedCamera(c) : null;
    },

    async statistics(): Promise<SharedStatistics> {
      const cameras = await publicCameras();
      const byArea = new Map<string, { areaId: string; areaName: string; cameras: number; online: number }>();
      const totals = { total: 0, online: 0, offline: 0, degraded: 0, unknown: 0 };
      for (const c of cameras) {
        totals.total++;
        totals[c.status.state]++;
        const a = byArea.get(c.areaId) ?? { areaId: c.areaId, areaName: c.areaName, cameras: 0, online: 0 };
        a.cameras++;
        if (c.status.state === 'online') a.online++;
        byArea.set(c.areaId, a);
      }
      return {
        generatedAt: new Date().toISOString(),
        cameras: totals,
        byArea: [...byArea.values()].sort((x, y) => x.areaId.localeCompare(y.areaId)),
        eventsLast24h: await selectPublicEventCounts(db),
      };
    },
  };
}
export type Sharing = ReturnType<typeof createSharing>;
