import type { Unit, UnitStatus } from '@c2/api-client/schemas/unit';
import type { Queryable } from '../../../platform/db';
import type { GpsFix, UnitRoster } from '../../../upstreams/units/units-port';

interface UnitRow {
  id: string;
  call_sign: string;
  name: string;
  vehicle: string;
  members: string[];
  area_id: string;
  status: UnitStatus;
  status_since: Date;
  incident_id: string | null;
  last_update_at: Date;
  lng: number | null;
  lat: number | null;
  heading: number | null;
  speed_kmh: number | null;
  position_ts: Date | null;
}

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    callSign: r.call_sign,
    name: r.name,
    vehicle: r.vehicle,
    members: r.members,
    areaId: r.area_id,
    status: r.status,
    statusSince: new Date(r.status_since).toISOString(),
    incidentId: r.incident_id,
    lastUpdateAt: new Date(r.last_update_at).toISOString(),
    position:
      r.lng === null || r.lat === null || r.position_ts === null
        ? null
        : {
            lng: r.lng,
            lat: r.lat,
            heading: r.heading ?? 0,
            speedKmh: r.speed_kmh ?? 0,
            ts: new Date(r.position_ts).toISOString(),
          },
  };
}

/** Adds new units from the roster and refreshes descriptive fields; CAD status is the console's and is kept. */
export async function upsertRoster(q: Queryable, roster: readonly UnitRoster[]): Promise<void> {
  for (const u of roster) {
    await q.query(
      `INSERT INTO units (id, call_sign, name, vehicle, members, area_id, status, status_since)
       VALUES ($1, $2, $3, $4, $5, $6, 'available', now())
       ON CONFLICT (id) DO UPDATE SET call_sign = EXCLUDED.call_sign, name = EXCLUDED.name,
         vehicle = EXCLUDED.vehicle, members = EXCLUDED.members, area_id = EXCLUDED.area_id`,
      [u.id, u.callSign, u.name, u.vehicle, u.members, u.areaId],
    );
  }
}

export async function selectUnits(q: Queryable, areas: string[] | null): Promise<Unit[]> {
  const rows = await q.query<UnitRow>(
    'SELECT * FROM units WHERE $1::text[] IS NULL OR area_id = ANY($1::text[]) ORDER BY call_sign',
    [areas],
  );
  return rows.map(toUnit);
}

/** One unit within a jurisdiction (null: out of it or unknown); `lock` holds it for the transaction. */
export async function selectUnit(
  q: Queryable,
  id: string,
  areas: string[] | null,
  lock = false,
): Promise<Unit | null> {
  const rows = await q.query<UnitRow>(
    `SELECT * FROM units WHERE id = $1 AND ($2::text[] IS NULL OR area_id = ANY($2::text[]))${lock ? ' FOR UPDATE' : ''}`,
    [id, areas],
  );
  return rows[0] ? toUnit(rows[0]) : null;
}

export interface StatusChange {
  unitId: string;
  from: UnitStatus;
  to: UnitStatus;
  incidentId: string | null;
  actorId: string | null;
  actorName: string;
  reason: string | null;
  at: Date;
}

/** Sets a unit's CAD status and its incident, and records the change in the unit's history. */
export async function applyStatus(q: Queryable, c: StatusChange): Promise<void> {
  await q.query(
    `UPDATE units SET status = $2, status_since = $3, incident_id = $4, last_update_at = $3 WHERE id = $1`,
    [c.unitId, c.to, c.at, c.incidentId],
  );
  await q.query(
    `INSERT INTO unit_status_history (unit_id, status, previous, at, incident_id, actor_id, actor_name, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.unitId, c.to, c.from, c.at, c.incidentId, c.actorId, c.actorName, c.reason],
  );
}

/** A sign of life from the crew (note, photo, check-in) without a status change. */
export async function touchUnit(q: Queryable, unitId: string, at: Date): Promise<void> {
  await q.query('UPDATE units SET last_update_at = $2 WHERE id = $1', [unitId, at]);
}

/** Persists the newest fix per unit in one statement. */
export async function updatePositions(q: Queryable, fixes: readonly GpsFix[]): Promise<void> {
  if (fixes.length === 0) return;
  await q.query(
    `UPDATE units u SET lng = x.lng, lat = x.lat, heading = x.heading, speed_kmh = x.speed, position_ts = x.ts
     FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::float8[], $6::timestamptz[])
       AS x(id, lng, lat, heading, speed, ts)
     WHERE u.id = x.id`,
    [
      fixes.map((f) => f.unitId),
      fixes.map((f) => f.lng),
      fixes.map((f) => f.lat),
      fixes.map((f) => f.heading),
      fixes.map((f) => f.speedKmh),
      fixes.map((f) => f.ts.toISOString()),
    ],
  );
}

/** The unit a field account rides with, or null for accounts that are not linked to one. */
export async function selectUnitIdOfUser(q: Queryable, userId: string): Promise<string | null> {
  const rows = await q.query<{ unit_id: string }>('SELECT unit_id FROM field_accounts WHERE user_id = $1', [
    userId,
  ]);
  return rows[0]?.unit_id ?? null;
}

/** Links accounts (by username) to units; unknown usernames are skipped. */
export async function linkFieldAccounts(
  q: Queryable,
  links: readonly { username: string; unitId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await q.query(
    `INSERT INTO field_accounts (user_id, unit_id)
     SELECT u.id, x.unit_id FROM unnest($1::text[], $2::text[]) AS x(username, unit_id)
     JOIN users u ON u.username = x.username
     ON CONFLICT (user_id) DO NOTHING`,
    [links.map((l) => l.username), links.map((l) => l.unitId)],
  );
}
