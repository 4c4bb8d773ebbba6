import { describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX } from '@c2/api-client/permissions';
import { audienceOf, roomsForAudience, roomsForEntry, type Tier } from './audience';

describe('live audiences', () => {
  it('when an entry is published, then a province-wide or an area socket is in exactly one of its rooms', () => {
    const wide = new Set(roomsForAudience(audienceOf(PERMISSION_MATRIX.operator, null)));
    const ward = new Set(roomsForAudience(audienceOf(PERMISSION_MATRIX.operator, ['phuong-a', 'phuong-b'])));
    for (const area of ['phuong-a', 'phuong-b', 'phuong-c', null]) {
      for (const tier of [0, 1] as Tier[]) {
        const rooms = roomsForEntry('camera.status', tier, area);
        expect(rooms.filter((r) => wide.has(r))).toHaveLength(1);
        const expectedForWard = area === null || area === 'phuong-a' || area === 'phuong-b' ? 1 : 0;
        expect(rooms.filter((r) => ward.has(r))).toHaveLength(expectedForWard);
      }
    }
  });

  it('when a role lacks clearance or a topic permission, then it joins none of those rooms', () => {
    const auditor = audienceOf(PERMISSION_MATRIX.auditor, null);
    expect(auditor.maxTier).toBe(0);
    expect(auditor.topics).not.toContain('unit.changed');
    const rooms = new Set(roomsForAudience(auditor));
    expect(roomsForEntry('camera.status', 1, 'x').some((r) => rooms.has(r))).toBe(false);
    expect(roomsForEntry('camera.status', 0, 'x').some((r) => rooms.has(r))).toBe(true);
    expect(audienceOf(PERMISSION_MATRIX.investigator, null).maxTier).toBe(2);
  });
});
