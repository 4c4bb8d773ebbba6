import type { LngLat } from './geo';

export interface Ward {
  id: string;
  name: string;
  /** Phường (urban ward) or xã (commune). */
  kind: 'ward' | 'commune';
  center: LngLat;
}

type Row = [slug: string, name: string, lng: number, lat: number];

// A selection of the province's communes and wards after the 2025 reorganisation, at approximate centres.
const PHUONG: Row[] = [
  ['kinh-bac', 'Kinh Bắc', 106.062, 21.185],
  ['vo-cuong', 'Võ Cường', 106.05, 21.168],
  ['vu-ninh', 'Vũ Ninh', 106.082, 21.197],
  ['hap-linh', 'Hạp Lĩnh', 106.1, 21.145],
  ['nam-son', 'Nam Sơn', 106.11, 21.17],
  ['tu-son', 'Từ Sơn', 105.962, 21.118],
  ['tam-son', 'Tam Sơn', 105.95, 21.14],
  ['dong-nguyen', 'Đồng Nguyên', 105.975, 21.13],
  ['phu-khe', 'Phù Khê', 105.94, 21.13],
  ['que-vo', 'Quế Võ', 106.16, 21.15],
  ['phuong-lieu', 'Phương Liễu', 106.13, 21.14],
  ['nhan-hoa', 'Nhân Hòa', 106.19, 21.135],
  ['thuan-thanh', 'Thuận Thành', 106.09, 21.06],
  ['mao-dien', 'Mão Điền', 106.13, 21.07],
  ['tram-lo', 'Trạm Lộ', 106.12, 21.04],
  ['song-lieu', 'Song Liễu', 106.04, 21.04],
  ['bac-giang', 'Bắc Giang', 106.195, 21.275],
  ['da-mai', 'Đa Mai', 106.17, 21.28],
  ['tien-phong', 'Tiền Phong', 106.23, 21.25],
  ['viet-yen', 'Việt Yên', 106.105, 21.285],
  ['nenh', 'Nếnh', 106.085, 21.24],
  ['van-ha', 'Vân Hà', 106.06, 21.255],
  ['chu', 'Chũ', 106.57, 21.37],
  ['phuong-son', 'Phượng Sơn', 106.52, 21.35],
  ['yen-dung', 'Yên Dũng', 106.24, 21.21],
  ['canh-thuy', 'Cảnh Thụy', 106.27, 21.17],
];

const XA: Row[] = [
  ['yen-phong', 'Yên Phong', 105.955, 21.195],
  ['van-mon', 'Văn Môn', 105.93, 21.17],
  ['tam-giang', 'Tam Giang', 105.92, 21.215],
  ['yen-trung', 'Yên Trung', 105.99, 21.21],
  ['tien-du', 'Tiên Du', 106.02, 21.142],
  ['lien-bao', 'Liên Bão', 106.0, 21.155],
  ['dai-dong', 'Đại Đồng', 106.04, 21.115],
  ['phat-tich', 'Phật Tích', 106.03, 21.09],
  ['chi-lang', 'Chi Lăng', 106.2, 21.1],
  ['phu-lang', 'Phù Lãng', 106.25, 21.16],
  ['gia-binh', 'Gia Bình', 106.19, 21.06],
  ['nhan-thang', 'Nhân Thắng', 106.23, 21.04],
  ['dai-lai', 'Đại Lai', 106.25, 21.09],
  ['cao-duc', 'Cao Đức', 106.28, 21.07],
  ['luong-tai', 'Lương Tài', 106.2, 20.99],
  ['lam-thao', 'Lâm Thao', 106.16, 21.0],
  ['trung-chinh', 'Trung Chính', 106.23, 21.0],
  ['trung-kenh', 'Trung Kênh', 106.27, 21.03],
  ['hiep-hoa', 'Hiệp Hòa', 105.98, 21.35],
  ['hop-thinh', 'Hợp Thịnh', 106.02, 21.31],
  ['xuan-cam', 'Xuân Cẩm', 105.94, 21.3],
  ['tan-yen', 'Tân Yên', 106.13, 21.4],
  ['ngoc-thien', 'Ngọc Thiện', 106.08, 21.38],
  ['nha-nam', 'Nhã Nam', 106.06, 21.44],
  ['yen-the', 'Yên Thế', 106.12, 21.52],
  ['bo-ha', 'Bố Hạ', 106.155, 21.475],
  ['lang-giang', 'Lạng Giang', 106.25, 21.36],
  ['kep', 'Kép', 106.27, 21.4],
  ['tan-dinh', 'Tân Dĩnh', 106.22, 21.32],
  ['my-thai', 'Mỹ Thái', 106.3, 21.46],
  ['luc-nam', 'Lục Nam', 106.38, 21.29],
  ['cam-ly', 'Cẩm Lý', 106.35, 21.22],
  ['bac-lung', 'Bắc Lũng', 106.42, 21.25],
  ['luc-ngan', 'Lục Ngạn', 106.62, 21.42],
  ['bien-dong', 'Biển Động', 106.65, 21.3],
  ['son-dong', 'Sơn Động', 106.85, 21.33],
  ['an-lac', 'An Lạc', 106.9, 21.4],
  ['tay-yen-tu', 'Tây Yên Tử', 106.78, 21.2],
  ['dong-viet', 'Đồng Việt', 106.3, 21.13],
];

export const WARDS: readonly Ward[] = [
  ...PHUONG.map(([slug, name, lng, lat]): Ward => ({
    id: `p-${slug}`,
    name: `Phường ${name}`,
    kind: 'ward',
    center: [lng, lat],
  })),
  ...XA.map(([slug, name, lng, lat]): Ward => ({
    id: `x-${slug}`,
    name: `Xã ${name}`,
    kind: 'commune',
    center: [lng, lat],
  })),
];

/**
 * The ward whose centre is nearest: a stand-in for point-in-polygon, since no offline commune boundaries exist.
 * Equirectangular distance is enough to rank neighbours this close together.
 */
export function nearestWard(lng: number, lat: number): Ward {
  const k = Math.cos((lat * Math.PI) / 180);
  let best = WARDS[0] as Ward;
  let bestD = Infinity;
  for (const w of WARDS) {
    const dx = (w.center[0] - lng) * k;
    const dy = w.center[1] - lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = w;
    }
  }
  return best;
}
