import { createRng } from '../../sim-province/rng';
import type { IdentityPort, VehicleRecord } from '../identity-port';

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
const TYPES = ['Ô tô con', 'Xe tải', 'Xe khách', 'Mô tô'];
const COLORS = ['Trắng', 'Đen', 'Bạc', 'Đỏ', 'Xanh'];

/**
 * A small synthetic vehicle registry: every well-formed plate has a made-up owner derived from the plate, so
 * lookups are repeatable. It answers only the fields asked for, like the real secure API.
 */
export function createSimIdentity(seed: string): IdentityPort {
  return {
    adapter: 'sim',
    async lookupVehicle(request) {
      const rng = createRng(`${seed}|registry|${request.plate}`);
      const full: Required<Omit<VehicleRecord, 'plate'>> = {
        ownerName: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`,
        ownerAddress: `Số ${rng.int(1, 300)}, ${rng.pick(PLACES)}, tỉnh Bắc Ninh`,
        vehicleType: rng.pick(TYPES),
        color: rng.pick(COLORS),
        registeredAt: `${rng.int(2012, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      };
      const out: VehicleRecord = { plate: request.plate };
      for (const f of request.fields) out[f] = full[f];
      return out;
    },
    async start() {},
    async stop() {},
    async health() {
      return { ok: true, detail: 'simulated vehicle registry' };
    },
  };
}
