import { describe, expect, it } from 'vitest';
import type { Camera } from '@c2/api-client/schemas/camera';
import type { MapContext } from '@c2/api-client/schemas/map';
import { createSearchIndex, fold } from './search';

const context = {
  roads: [{ id: 'ql18', ref: 'QL18', name: 'Quốc lộ 18', kind: 'national', coords: [[106, 21]] }],
  areas: [{ id: 'p-kinh-bac', name: 'Phường Kinh Bắc', center: [106.06, 21.18] }],
} as unknown as MapContext;
const cameras = [
  { id: 'cam-0001', code: 'BN-QL18-0001', name: 'QL18 Km1 – Phường Kinh Bắc', areaName: 'Kinh Bắc' },
  { id: 'cam-0002', code: 'BN-ĐT295-0002', name: 'ĐT295 Km2 – Xã Đồng Việt', areaName: 'Đồng Việt' },
] as unknown as Camera[];

describe('map search', () => {
  it('when typed without diacritics, then Vietnamese names are found (đ as d)', () => {
    expect(fold('Đường tỉnh ĐT295')).toBe('duong tinh dt295');
    const search = createSearchIndex(cameras, context);
    expect(search('dong viet').map((h) => h.id)).toEqual(['cam-0002']);
    expect(search('dt295').map((h) => h.id)).toEqual(['cam-0002']);
  });

  it('when a query matches a ward, a road and cameras, then wards and roads come first', () => {
    const search = createSearchIndex(cameras, context);
    expect(search('kinh bac').map((h) => `${h.kind}:${h.id}`)).toEqual([
      'ward:p-kinh-bac',
      'camera:cam-0001',
    ]);
    expect(search('ql18').map((h) => h.kind)).toEqual(['road', 'camera']);
    expect(search('  ')).toEqual([]);
  });
});
