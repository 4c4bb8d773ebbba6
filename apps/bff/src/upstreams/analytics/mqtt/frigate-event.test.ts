import { describe, expect, it } from 'vitest';
import { analyticsEventInputSchema } from '@c2/api-client/schemas/event';
import { frigateEventSchema, fromFrigate } from './frigate-event';

const after = {
  id: '1732270000.123456-ab12cd',
  camera: 'cam-0007',
  frame_time: 1732270003.5,
  label: 'car',
  sub_label: null,
  top_score: 0.91,
  score: 0.84,
  start_time: 1732270000.123456,
  end_time: null,
  stationary: true,
  false_positive: false,
  current_zones: ['lan_khan_cap'],
  entered_zones: ['cao_toc_lan_khan_cap'],
  has_snapshot: true,
  box: [10, 20, 200, 180],
  region: [0, 0, 320, 320],
  recognized_license_plate: ['99A12345', 0.93],
};

describe('Frigate events', () => {
  it('when a stationary car sits in an expressway lane, then it is a stalled vehicle with its plate', () => {
    const msg = frigateEventSchema.parse({ type: 'new', before: null, after });
    const event = analyticsEventInputSchema.parse(fromFrigate(msg));
    expect(event).toMatchObject({
      id: 'frigate:1732270000.123456-ab12cd',
      cameraId: 'cam-0007',
      type: 'stalled_vehicle',
      severity: 'major',
      plate: '99A-123.45',
      ts: new Date(1732270000123).toISOString(),
      objects: [{ label: 'car', confidence: 0.91 }],
    });
  });

  it('when the object is fire, a pedestrian on the expressway, or a false positive, then it maps accordingly', () => {
    const fire = frigateEventSchema.parse({
      type: 'new',
      after: { ...after, label: 'fire', recognized_license_plate: null },
    });
    expect(fromFrigate(fire)).toMatchObject({ type: 'fire_smoke', severity: 'critical', plate: null });
    const person = frigateEventSchema.parse({
      type: 'update',
      after: { ...after, label: 'person', stationary: false },
    });
    expect(fromFrigate(person)?.type).toBe('pedestrian_on_expressway');
    const fp = frigateEventSchema.parse({ type: 'end', after: { ...after, false_positive: true } });
    expect(fromFrigate(fp)).toBeNull();
  });

  it('when the message lacks the tracked object, then the schema names what is missing', () => {
    const r = frigateEventSchema.safeParse({ type: 'new', before: null });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['after']);
  });
});
