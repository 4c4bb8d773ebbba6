import type { LngLat } from './geo';

export type RoadKind = 'expressway' | 'national' | 'ring' | 'provincial';

export interface Road {
  id: string;
  /** Short reference as signposted: CT.01, QL18, ĐT295. */
  ref: string;
  name: string;
  kind: RoadKind;
  speedLimitKmh: number;
  coords: LngLat[];
}

/**
 * Junctions shared by several roads. Roads that meet list the very same point, which is how the road graph knows
 * they connect. Positions approximate the real towns of Bắc Ninh province (merged with Bắc Giang in 2025) to a
 * few hundred metres: good enough for a simulation, not for navigation.
 */
const J = {
  hanoiGiaLam: [105.93, 21.06],
  tuSon: [105.963, 21.118],
  lim: [106.02, 21.142],
  bacNinh: [106.07, 21.18],
  dapCau: [106.1, 21.205],
  nenh: [106.085, 21.24],
  bichDong: [106.105, 21.285],
  vietYenIc: [106.12, 21.265],
  bacGiang: [106.195, 21.28],
  kep: [106.27, 21.4],
  langSonBorder: [106.345, 21.585],
  noiBaiWest: [105.87, 21.215],
  yenPhong: [105.955, 21.195],
  bacNinhSouth: [106.085, 21.165],
  queVo: [106.16, 21.15],
  phaLai: [106.3, 21.11],
  chiLinhBorder: [106.4, 21.09],
  thuanThanh: [106.09, 21.06],
  haiDuongBorder: [106.15, 20.985],
  giaBinh: [106.19, 21.06],
  luongTai: [106.2, 20.99],
  lucNam: [106.38, 21.29],
  chu: [106.57, 21.37],
  sonDong: [106.85, 21.33],
  yenDung: [106.24, 21.21],
  caoThuong: [106.13, 21.4],
  boHa: [106.155, 21.475],
  cauGo: [106.12, 21.52],
  thang: [105.98, 21.35],
} satisfies Record<string, LngLat>;

export const ROADS: readonly Road[] = [
  {
    id: 'ct01',
    ref: 'CT.01',
    name: 'Cao tốc Hà Nội – Bắc Giang – Lạng Sơn',
    kind: 'expressway',
    speedLimitKmh: 100,
    coords: [J.hanoiGiaLam, [105.95, 21.095], [105.975, 21.11], [106.03, 21.135], J.bacNinhSouth, [106.11, 21.2], [106.115, 21.225], J.vietYenIc, [106.16, 21.275], [106.2, 21.29], [106.24, 21.34], J.kep, [106.31, 21.48], J.langSonBorder],
  },
  {
    id: 'ql18',
    ref: 'QL18',
    name: 'Quốc lộ 18 (Nội Bài – Hạ Long)',
    kind: 'expressway',
    speedLimitKmh: 100,
    coords: [J.noiBaiWest, [105.91, 21.205], J.yenPhong, [106.01, 21.175], J.bacNinhSouth, [106.12, 21.16], J.queVo, [106.23, 21.13], J.phaLai, J.chiLinhBorder],
  },
  {
    id: 'ql1',
    ref: 'QL1',
    name: 'Quốc lộ 1 (cũ)',
    kind: 'national',
    speedLimitKmh: 80,
    coords: [J.hanoiGiaLam, [105.945, 21.09], J.tuSon, [105.99, 21.13], J.lim, [106.045, 21.16], J.bacNinh, J.dapCau, J.nenh, J.bichDong, [106.15, 21.285], J.bacGiang],
  },
  {
    id: 'ql17',
    ref: 'QL17',
    name: 'Quốc lộ 17',
    kind: 'national',
    speedLimitKmh: 80,
    coords: [J.phaLai, [106.29, 21.15], J.yenDung, [106.22, 21.25], J.bacGiang, [106.15, 21.34], J.caoThuong, J.boHa, J.cauGo, [106.05, 21.58]],
  },
  {
    id: 'ql31',
    ref: 'QL31',
    name: 'Quốc lộ 31',
    kind: 'national',
    speedLimitKmh: 80,
    coords: [J.bacGiang, [106.28, 21.285], J.lucNam, [106.47, 21.33], J.chu, [106.7, 21.35], J.sonDong],
  },
  {
    id: 'ql37',
    ref: 'QL37',
    name: 'Quốc lộ 37',
    kind: 'national',
    speedLimitKmh: 80,
    coords: [J.thang, [106.04, 21.3], J.bichDong, J.vietYenIc, [106.18, 21.235], J.yenDung, [106.31, 21.24], J.lucNam],
  },
  {
    id: 'ql38',
    ref: 'QL38',
    name: 'Quốc lộ 38',
    kind: 'national',
    speedLimitKmh: 80,
    coords: [J.bacNinh, [106.08, 21.12], J.thuanThanh, [106.12, 21.02], J.haiDuongBorder],
  },
  {
    id: 'ql279',
    ref: 'QL279',
    name: 'Quốc lộ 279',
    kind: 'national',
    speedLimitKmh: 80,
    coords: [J.kep, [106.42, 21.39], J.chu],
  },
  {
    id: 'vd4',
    ref: 'VĐ4',
    name: 'Vành đai 4 – Vùng Thủ đô',
    kind: 'ring',
    speedLimitKmh: 90,
    coords: [[105.9, 21.25], J.yenPhong, [105.99, 21.16], J.lim, [106.06, 21.09], J.thuanThanh, [106.04, 21.0], [106.02, 20.97]],
  },
  {
    id: 'dt295',
    ref: 'ĐT295',
    name: 'Đường tỉnh 295',
    kind: 'provincial',
    speedLimitKmh: 60,
    coords: [J.tuSon, [105.955, 21.16], J.yenPhong, [105.96, 21.26], J.thang],
  },
  {
    id: 'dt282',
    ref: 'ĐT282',
    name: 'Đường tỉnh 282',
    kind: 'provincial',
    speedLimitKmh: 60,
    coords: [J.thuanThanh, [106.14, 21.06], J.giaBinh, [106.2, 21.02], J.luongTai],
  },
  {
    id: 'dt280',
    ref: 'ĐT280',
    name: 'Đường tỉnh 280',
    kind: 'provincial',
    speedLimitKmh: 60,
    coords: [J.giaBinh, [106.175, 21.1], J.queVo],
  },
  {
    id: 'dt398',
    ref: 'ĐT398',
    name: 'Đường tỉnh 398',
    kind: 'provincial',
    speedLimitKmh: 60,
    coords: [J.bichDong, [106.12, 21.34], J.caoThuong],
  },
  {
    id: 'dt293',
    ref: 'ĐT293',
    name: 'Đường tỉnh 293 (Tây Yên Tử)',
    kind: 'provincial',
    speedLimitKmh: 60,
    coords: [J.lucNam, [106.5, 21.25], [106.7, 21.22], [106.8, 21.28], J.sonDong],
  },
];
