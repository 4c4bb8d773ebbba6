import type { CameraKind, Classification } from '@c2/api-client/schemas/camera';
import { measurePolyline, type LngLat, type MeasuredPolyline } from './geo';
import { ROADS, type Road, type RoadKind } from './roads';
import { createRng } from './rng';
import { nearestWard } from './wards';

/** A simulated camera before the VMS adapter turns it into the contract's shape. */
export interface SimCameraSpec {
  id: string;
  code: string;
  name: string;
  kind: CameraKind;
  lng: number;
  lat: number;
  /** Direction the camera looks, degrees clockwise from north. */
  bearing: number;
  roadId: string;
  roadName: string;
  /** Chainage along the road from its first vertex, km. */
  km: number;
  wardId: string;
  wardName: string;
  owner: string;
  classification: Classification;
}

/** More cameras where there is more traffic: expressways are covered fully, provincial roads sparsely. */
const DENSITY: Record<RoadKind, number> = { expressway: 1.4, national: 1.0, ring: 0.8, provincial: 0.5 };
const SPEED_SHARE = 0.05;
const PTZ_SHARE = 0.15;
const OWNER_POLICE = 'Phòng CSGT – Công an tỉnh Bắc Ninh';
const OWNER_IOC = 'Trung tâm IOC tỉnh Bắc Ninh';
const OWNER_EXPRESSWAY = 'Đơn vị quản lý khai thác cao tốc';

/** "Km12+350": the chainage as it is written on Vietnamese road markers. */
function chainage(km: number): string {
  const whole = Math.floor(km);
  return `Km${whole}+${String(Math.round((km - whole) * 1000) % 1000).padStart(3, '0')}`;
}

/** Offsets a point sideways from the road so cameras in opposite directions do not sit on one spot. */
function offset(point: LngLat, bearing: number, meters: number): LngLat {
  const side = ((bearing + 90) * Math.PI) / 180;
  const dLat = (meters * Math.cos(side)) / 111_320;
  const dLng = (meters * Math.sin(side)) / (111_320 * Math.cos((point[1] * Math.PI) / 180));
  return [point[0] + dLng, point[1] + dLat];
}

/**
 * Places `count` cameras along the province's roads, deterministically for a seed: about 5% speed cameras (on
 * expressways and national roads only), about 15% PTZ, classification about 70% public / 25% restricted / 5%
 * secret. Linear in `count`, so 10,000 cameras for the map benchmarks take milliseconds.
 */
export function layoutCameras(count: number, seed: string, roads: readonly Road[] = ROADS): SimCameraSpec[] {
  const rng = createRng(`${seed}|cameras`);
  const measured = roads.map((road) => ({ road, line: measurePolyline(road.coords) as MeasuredPolyline }));
  const weights = measured.map(({ road, line }) => line.length * DENSITY[road.kind]);
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  const pickRoad = (): (typeof measured)[number] => {
    let r = rng.next() * totalWeight;
    for (let i = 0; i < measured.length; i++) {
      r -= weights[i] as number;
      if (r <= 0) return measured[i] as (typeof measured)[number];
    }
    return measured[measured.length - 1] as (typeof measured)[number];
  };

  const placed = Array.from({ length: count }, () => {
    const { road, line } = pickRoad();
    const meters = rng.next() * line.length;
    const { point, bearing: travel } = line.at(meters);
    const reverse = rng.chance(0.5);
    const bearing = (travel + (reverse ? 180 : 0)) % 360;
    const [lng, lat] = offset(point, travel, reverse ? -12 : 12);
    return { road, km: meters / 1000, lng, lat, bearing };
  });

  // Exactly the speed-camera share, chosen among the eligible roads, so a province of 400 gets its ~20.
  const eligible = placed
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.road.kind === 'expressway' || p.road.kind === 'national');
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [eligible[i], eligible[j]] = [
      eligible[j] as (typeof eligible)[number],
      eligible[i] as (typeof eligible)[number],
    ];
  }
  const speed = new Set(eligible.slice(0, Math.round(count * SPEED_SHARE)).map(({ i }) => i));

  return placed.map((p, i): SimCameraSpec => {
    const ward = nearestWard(p.lng, p.lat);
    const kind: CameraKind = speed.has(i) ? 'speed' : rng.chance(PTZ_SHARE) ? 'ptz' : 'fixed';
    const roll = rng.next();
    const classification: Classification = roll < 0.7 ? 'public' : roll < 0.95 ? 'restricted' : 'secret';
    const owner =
      p.road.kind === 'expressway' && kind !== 'speed' && rng.chance(0.3)
        ? OWNER_EXPRESSWAY
        : classification === 'public' && rng.chance(0.2)
          ? OWNER_IOC
          : OWNER_POLICE;
    const n = String(i + 1).padStart(4, '0');
    return {
      id: `cam-${n}`,
      code: `BN-${p.road.ref.replace(/[^\p{L}\p{N}]/gu, '')}-${n}`,
      name: `${p.road.ref} ${chainage(p.km)} – ${ward.name}`,
      kind,
      lng: Number(p.lng.toFixed(6)),
      lat: Number(p.lat.toFixed(6)),
      bearing: Math.round(p.bearing),
      roadId: p.road.id,
      roadName: p.road.name,
      km: Number(p.km.toFixed(3)),
      wardId: ward.id,
      wardName: ward.name,
      owner,
      classification,
    };
  });
}
