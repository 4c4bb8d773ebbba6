import { describe, expect, it } from 'vitest';
import { placeLabel } from './place';

describe('placeLabel', () => {
  it('when the address already names the area, then the area is not repeated', () => {
    expect(placeLabel('ĐT280 Km7+132 – Phường Nhân Hòa', 'Phường Nhân Hòa')).toBe(
      'ĐT280 Km7+132 – Phường Nhân Hòa',
    );
    expect(placeLabel('QL1 Km3', 'Phường Kinh Bắc')).toBe('QL1 Km3 · Phường Kinh Bắc');
    expect(placeLabel(null, 'Xã Tân Dĩnh')).toBe('Xã Tân Dĩnh');
  });
});
