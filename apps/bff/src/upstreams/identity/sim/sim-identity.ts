import type { IdentityField, RESIDENT_FIELDS, VEHICLE_FIELDS } from '@c2/api-client/schemas/identity';
import { normalizePlate } from '@c2/api-client/plate';
import { createRng, type Rng } from '../../sim-province/rng';
import type { IdentityPort, IdentityRecord } from '../identity-port';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = [
  'Văn Hải',
  'Thị Lan',
  'Minh Tuấn',
  'Thu Trang',
  'Đức Anh',
  'Ngọc Mai',
  'Quang Huy',
  'Thị Hồng',
];
const PLACES = [
  'phường Kinh Bắc',
  'phường Võ Cường',
  'phường Từ Sơn',
  'phường Bắc Giang',
  'xã Lạng Giang',
  'phường Việt Yên',
];
const CAR_TYPES = ['Ô tô con', 'Xe tải', 'Xe khách', 'Ô tô bán tải'];
const BRANDS = ['Toyota', 'Hyundai', 'Kia', 'Mazda', 'VinFast', 'Ford', 'Thaco', 'Honda'];
const BIKE_BRANDS = ['Honda', 'Yamaha', 'Piaggio', 'Suzuki', 'VinFast'];
const COLORS = ['Trắng', 'Đen', 'Bạc', 'Đỏ', 'Xanh', 'Xám'];

function person(rng: Rng) {
  const gender = rng.chance(0.5) ? 'Nam' : 'Nữ';
  return {
    name: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`,
    gender,
    idNumber: `0${rng.int(1, 96).toString().padStart(2, '0')}${rng.int(0, 3)}${rng.int(50, 99)}${String(rng.int(0, 999999)).padStart(6, '0')}`,
    dob: `${rng.int(1960, 2005)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    address: `Số ${rng.int(1, 300)}, ${rng.pick(PLACES)}, tỉnh Bắc Ninh`,
    phone: `09${rng.int(10, 99)}${String(rng.int(0, 999999)).padStart(6, '0')}`,
  };
}

/**
 * A small synthetic registry: every well-formed plate and 12-digit CCCD number has a made-up record derived from
 * it, so lookups are repeatable; numbers ending in 000 are "not found". It answers only the fields asked for,
 * like the real secure API.
 */
export function createSimIdentity(seed: string): IdentityPort {
  let calls = 0;
  return {
    adapter: 'sim',
    async lookup(request) {
      calls++;
      const full: IdentityRecord = {};
      if (request.subject.kind === 'vehicle') {
        const plate = normalizePlate(request.subject.plate);
        if (plate.endsWith('000')) return null;
        const rng = createRng(`${seed}|registry|${plate}`);
        // Motorbike series carry a digit after the letters: 98H1-234.56.
        const bike = /^\d{2}[A-Z]{1,2}\d-/.test(request.subject.plate);
        const owner = person(rng);
        Object.assign(full, {
          vehicleType: bike ? 'Mô tô' : rng.pick(CAR_TYPES),
          brand: rng.pick(bike ? BIKE_BRANDS : BRANDS),
          color: rng.pick(COLORS),
          registeredAt: `${rng.int(2012, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          registrationStatus: rng.chance(0.03) ? 'Đang bị truy tìm (báo mất cắp)' : 'Đang lưu hành',
          ownerName: owner.name,
          ownerIdNumber: owner.idNumber,
          ownerAddress: owner.address,
          ownerPhone: owner.phone,
        } satisfies Partial<Record<(typeof VEHICLE_FIELDS)[number], string>>);
      } else {
        if (request.subject.idNumber.endsWith('000')) return null;
        const rng = createRng(`${seed}|residents|${request.subject.idNumber}`);
        const p = person(rng);
        Object.assign(full, {
          fullName: p.name,
          dateOfBirth: p.dob,
          gender: p.gender,
          idNumber: request.subject.idNumber,
          permanentAddress: p.address,
          currentAddress: rng.chance(0.7)
            ? p.address
            : `Số ${rng.int(1, 300)}, ${rng.pick(PLACES)}, tỉnh Bắc Ninh`,
          phone: p.phone,
        } satisfies Partial<Record<(typeof RESIDENT_FIELDS)[number], string>>);
      }
      const out: IdentityRecord = {};
      for (const f of request.fields as IdentityField[]) if (full[f] !== undefined) out[f] = full[f];
      return out;
    },
    async start() {},
    async stop() {},
    async health() {
      return { ok: true, detail: `simulated vehicle and resident registry, ${calls} lookups` };
    },
  };
}
