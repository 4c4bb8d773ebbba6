import type { ServiceViolation } from '@c2/api-client/schemas/violation-service';
import type { Signature } from '@c2/api-client/schemas/signature';
import type {
  ReviewAction,
  RejectReason,
  ViolationStatus,
  ViolationType,
} from '@c2/api-client/schemas/violation';
import type { Queryable, SqlParam } from '../../../platform/db';
import { signatureOf } from '../../../platform/signing/signer';

export interface ViolationRow {
  id: string;
  source: string;
  event_id: string | null;
  camera_id: string;
  camera_name: string | null;
  area_id: string;
  tier: number;
  type: ViolationType;
  plate_detected: string;
  plate: string;
  plate_norm: string;
  plate_confidence: number;
  ts: Date;
  received_at: Date;
  speed_kmh: number | null;
  limit_kmh: number | null;
  evidence: ServiceViolation['evidence'];
  status: ViolationStatus;
  record: ServiceViolation;
  sig_key_id: string | null;
  sig_signed_at: Date | null;
  sig_value: string | null;
}

export interface ReviewRow {
  id: number;
  violation_id: string;
  action: ReviewAction;
  reason_code: RejectReason | null;
  note: string | null;
  plate_before: string;
  plate_after: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  at: Date;
  evidence: Array<{ name: string; sha256: string | null }>;
  status_after: ViolationStatus;
  record_digest: string;
  sig_key_id: string;
  sig_signed_at: Date;
  sig_value: string;
  sync_state: 'not_needed' | 'pending' | 'sent' | 'failed';
  sync_attempts: number;
  sync_error: string | null;
}

export interface SealRow {
  name: string;
  sha256: string;
  bytes: number;
  content_type: string;
}

/** Who may read a row: clearance by camera classification, jurisdiction by area (null: province-wide). */
export interface Scope {
  maxTier: number;
  areas: string[] | null;
}

const SELECT = `SELECT v.*, c.name AS camera_name FROM violations v LEFT JOIN cameras c ON c.id = v.camera_id`;
const IN_SCOPE = (tierParam: string, areasParam: string) =>
  `v.tier <= ${tierParam} AND (${areasParam}::text[] IS NULL OR v.area_id = ANY(${areasParam}::text[]))`;

export interface NewViolation {
  record: ServiceViolation;
  source: string;
  areaId: string;
  tier: number;
  plateNorm: string;
  receivedAt: string;
  signature: Signature;
}

/** Stores records not yet known (idempotent by id); returns the ids stored now. */
export async function insertViolations(q: Queryable, rows: readonly NewViolation[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const params: SqlParam[] = [];
  const values = rows.map((r) => {
    const v = r.record;
    const base = params.length;
    params.push(
      v.id,
      r.source,
      v.eventId,
      v.cameraId,
      r.areaId,
      r.tier,
      v.type,
      v.plate,
      v.plate,
      r.plateNorm,
      v.plateConfidence,
      v.ts,
      r.receivedAt,
      v.speedKmh,
      v.limitKmh,
      JSON.stringify(v.evidence),
      JSON.stringify(v),
      r.signature.keyId,
      r.signature.signedAt,
      r.signature.value,
    );
    const p = (i: number) => `$${base + i}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)}, ${p(16)}::jsonb, ${p(17)}::jsonb, ${p(18)}, ${p(19)}, ${p(20)})`;
  });
  const stored = await q.query<{ id: string }>(
    `INSERT INTO violations (id, source, event_id, camera_id, area_id, tier, type, plate_detected, plate, plate_norm,
       plate_confidence, ts, received_at, speed_kmh, limit_kmh, evidence, record, sig_key_id, sig_signed_at, sig_value)
     VALUES ${values.join(', ')}
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    params,
  );
  return stored.map((r) => r.id);
}

export async function selectViolation(q: Queryable, id: string, scope: Scope): Promise<ViolationRow | null> {
  const rows = await q.query<ViolationRow>(`${SELECT} WHERE v.id = $1 AND ${IN_SCOPE('$2', '$3')}`, [
    id,
    scope.maxTier,
    scope.areas,
  ]);
  return rows[0] ?? null;
}

export async function selectViolationsByIds(q: Queryable, ids: readonly string[]): Promise<ViolationRow[]> {
  if (ids.length === 0) return [];
  return q.query<ViolationRow>(`${SELECT} WHERE v.id = ANY($1::text[])`, [ids]);
}

/** Locks the row for a decision (another reviewer deciding at the same moment waits, then sees the new state). */
export async function lockViolation(q: Queryable, id: string): Promise<void> {
  await q.query('SELECT id FROM violations WHERE id = $1 FOR UPDATE', [id]);
}

export async function selectViolationPage(
  q: Queryable,
  scope: Scope,
  filter: {
    status?: ViolationStatus | undefined;
    type?: ViolationType | undefined;
    before?: { ts: string; id: string } | undefined;
    area?: string | undefined;
    road?: string | undefined;
    camera?: string | undefined;
    /** Instants bounding v.ts: [from, to). */
    from?: string | undefined;
    to?: string | undefined;
  },
  limit: number,
): Promise<ViolationRow[]> {
  return q.query<ViolationRow>(
    `${SELECT}
     WHERE ${IN_SCOPE('$1', '$2')}
       AND ($3::text IS NULL OR v.status = $3)
       AND ($4::text IS NULL OR v.type = $4)
       AND ($5::timestamptz IS NULL OR (v.ts, v.id) < ($5::timestamptz, $6::text))
       AND ($8::text IS NULL OR v.area_id = $8)
       AND ($9::text IS NULL OR c.road_id = $9)
       AND ($10::text IS NULL OR v.camera_id = $10)
       AND ($11::timestamptz IS NULL OR v.ts >= $11::timestamptz)
       AND ($12::timestamptz IS NULL OR v.ts < $12::timestamptz)
     ORDER BY v.ts DESC, v.id DESC LIMIT $7`,
    [
      scope.maxTier,
      scope.areas,
      filter.status ?? null,
      filter.type ?? null,
      filter.before?.ts ?? null,
      filter.before?.id ?? null,
      limit,
      filter.area ?? null,
      filter.road ?? null,
      filter.camera ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ],
  );
}

export async function selectStatusCounts(q: Queryable, scope: Scope): Promise<Record<string, number>> {
  const rows = await q.query<{ status: string; n: number }>(
    `SELECT v.status, count(*)::int AS n FROM violations v WHERE ${IN_SCOPE('$1', '$2')} GROUP BY v.status`,
    [scope.maxTier, scope.areas],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function updateViolationState(
  q: Queryable,
  id: string,
  status: ViolationStatus,
  plate: string,
  plateNorm: string,
): Promise<void> {
  await q.query(
    'UPDATE violations SET status = $2, plate = $3, plate_norm = $4, updated_at = now() WHERE id = $1',
    [id, status, plate, plateNorm],
  );
}

export async function selectReviews(q: Queryable, violationIds: readonly string[]): Promise<ReviewRow[]> {
  if (violationIds.length === 0) return [];
  return q.query<ReviewRow>(
    'SELECT * FROM violation_reviews WHERE violation_id = ANY($1::text[]) ORDER BY violation_id, id',
    [violationIds],
  );
}

/** The newest review of each violation (for the queue's "last decision"). */
export async function selectLastReviews(
  q: Queryable,
  violationIds: readonly string[],
): Promise<Map<string, ReviewRow>> {
  if (violationIds.length === 0) return new Map();
  const rows = await q.query<ReviewRow>(
    `SELECT DISTINCT ON (violation_id) * FROM violation_reviews
     WHERE violation_id = ANY($1::text[]) ORDER BY violation_id, id DESC`,
    [violationIds],
  );
  return new Map(rows.map((r) => [r.violation_id, r]));
}

export interface NewReview {
  violationId: string;
  action: ReviewAction;
  reasonCode: RejectReason | null;
  note: string | null;
  plateBefore: string;
  plateAfter: string;
  actor: { id: string; name: string; role: string };
  at: string;
  evidence: Array<{ name: string; sha256: string | null }>;
  statusAfter: ViolationStatus;
  recordDigest: string;
  signature: Signature;
  /** Final decisions are delivered to the violation service. */
  deliver: boolean;
}

export async function insertReview(q: Queryable, r: NewReview): Promise<ReviewRow> {
  const rows = await q.query<ReviewRow>(
    `INSERT INTO violation_reviews (violation_id, action, reason_code, note, plate_before, plate_after, actor_id,
       actor_name, actor_role, at, evidence, status_after, record_digest, sig_key_id, sig_signed_at, sig_value,
       sync_state, sync_next_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17,
       CASE WHEN $17 = 'pending' THEN now() ELSE NULL END)
     RETURNING *`,
    [
      r.violationId,
      r.action,
      r.reasonCode,
      r.note,
      r.plateBefore,
      r.plateAfter,
      r.actor.id,
      r.actor.name,
      r.actor.role,
      r.at,
      JSON.stringify(r.evidence),
      r.statusAfter,
      r.recordDigest,
      r.signature.keyId,
      r.signature.signedAt,
      r.signature.value,
      r.deliver ? 'pending' : 'not_needed',
    ],
  );
  return rows[0]!;
}

/**
 * Claims up to `limit` decisions due for delivery: their next attempt is pushed out by a lease, so another BFF
 * instance (or the next tick) does not send them at the same time; SKIP LOCKED keeps instances from waiting.
 */
export async function claimDeliveries(
  q: Queryable,
  limit: number,
  leaseSeconds: number,
): Promise<ReviewRow[]> {
  return q.query<ReviewRow>(
    `UPDATE violation_reviews SET sync_next_at = now() + make_interval(secs => $2)
     WHERE id IN (
       SELECT id FROM violation_reviews
       WHERE sync_state IN ('pending', 'failed') AND sync_next_at <= now()
       ORDER BY sync_next_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [limit, leaseSeconds],
  );
}

export async function markDelivered(q: Queryable, id: number): Promise<void> {
  await q.query(
    `UPDATE violation_reviews SET sync_state = 'sent', sync_attempts = sync_attempts + 1, sync_error = NULL,
       sync_next_at = NULL WHERE id = $1`,
    [id],
  );
}

export async function markDeliveryFailed(
  q: Queryable,
  id: number,
  error: string,
  retryInSeconds: number,
): Promise<void> {
  await q.query(
    `UPDATE violation_reviews SET sync_state = 'failed', sync_attempts = sync_attempts + 1, sync_error = $2,
       sync_next_at = now() + make_interval(secs => $3) WHERE id = $1`,
    [id, error.slice(0, 500), retryInSeconds],
  );
}

export async function selectSeals(q: Queryable, violationId: string): Promise<Map<string, SealRow>> {
  const rows = await q.query<SealRow>('SELECT * FROM violation_evidence WHERE violation_id = $1', [
    violationId,
  ]);
  return new Map(rows.map((r) => [r.name, r]));
}

export async function selectSealsFor(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, Map<string, SealRow>>> {
  const out = new Map<string, Map<string, SealRow>>();
  if (ids.length === 0) return out;
  const rows = await q.query<SealRow & { violation_id: string }>(
    'SELECT * FROM violation_evidence WHERE violation_id = ANY($1::text[])',
    [ids],
  );
  for (const r of rows) {
    const m = out.get(r.violation_id) ?? new Map<string, SealRow>();
    m.set(r.name, r);
    out.set(r.violation_id, m);
  }
  return out;
}

/** Seals a file's hash the first time it is received; a later different hash never overwrites it. */
export async function insertSeal(
  q: Queryable,
  violationId: string,
  seal: { name: string; sha256: string; bytes: number; contentType: string },
): Promise<void> {
  await q.query(
    `INSERT INTO violation_evidence (violation_id, name, sha256, bytes, content_type) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (violation_id, name) DO NOTHING`,
    [violationId, seal.name, seal.sha256, seal.bytes, seal.contentType],
  );
}

export async function selectMakerChecker(
  q: Queryable,
): Promise<{ maker_checker: boolean; updated_at: Date; updated_by: string | null } | null> {
  const rows = await q.query<{ maker_checker: boolean; updated_at: Date; updated_by: string | null }>(
    'SELECT maker_checker, updated_at, updated_by FROM violation_settings WHERE id = 1',
  );
  return rows[0] ?? null;
}

export async function upsertMakerChecker(q: Queryable, on: boolean, by: string): Promise<void> {
  await q.query(
    `INSERT INTO violation_settings (id, maker_checker, updated_at, updated_by) VALUES (1, $1, now(), $2)
     ON CONFLICT (id) DO UPDATE SET maker_checker = EXCLUDED.maker_checker, updated_at = now(),
       updated_by = EXCLUDED.updated_by`,
    [on, by],
  );
}

export async function selectCursor(q: Queryable, source: string): Promise<string | null> {
  const rows = await q.query<{ cursor: string | null }>(
    'SELECT cursor FROM violation_sources WHERE source = $1',
    [source],
  );
  return rows[0]?.cursor ?? null;
}

export async function saveCursor(q: Queryable, source: string, cursor: string | null): Promise<void> {
  await q.query(
    `INSERT INTO violation_sources (source, cursor) VALUES ($1, $2)
     ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor`,
    [source, cursor],
  );
}

export { signatureOf };
