import type { Unit } from '@c2/api-client/schemas/unit';
import type { Queryable } from '../../../platform/db';
import type { GpsFix, UnitRoster } from '../../../upstreams/units/units-port';

interface UnitRow {
  id: string;
  call_sign: string;
  name: string;
  vehicle: string;
  members: string[];
  area_id: string;
  status: Unit['status'];
  status_since: Date;
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
