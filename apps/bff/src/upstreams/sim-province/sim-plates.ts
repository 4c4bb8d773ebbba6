import type { Rng } from './rng';

// Registration codes seen on the province's roads: Bắc Ninh 99, Bắc Giang 98, Hà Nội 29–30, neighbours, trucks
// from Hải Phòng and Lạng Sơn on the corridors.
const PROVINCE_CODES = ['99', '99', '99', '98', '98', '98', '29', '30', '20', '34', '12', '15', '89', '14'];
const CAR_SERIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'LD'];
const BIKE_SERIES = ['B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'K1', 'AA', 'AB'];

/** A Vietnamese plate such as `99A-123.45` (car) or `98H1-234.56` (motorbike). */
export function randomPlate(rng: Rng, vehicle: 'car' | 'motorbike'): string {
  const code = rng.pick(PROVINCE_CODES);
  const series = rng.pick(vehicle === 'car' ? CAR_SERIES : BIKE_SERIES);
  const n = String(rng.int(0, 99999)).padStart(5, '0');
  return `${code}${series}-${n.slice(0, 3)}.${n.slice(3)}`;
}
