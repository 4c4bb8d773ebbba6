import { describe, expect, it } from 'vitest';
import { EVENT_FAMILIES, eventTypeSchema, familyOf } from './event';

describe('event families', () => {
  it('when the contract names an event type, then exactly one family holds it', () => {
    const all = Object.values(EVENT_FAMILIES).flat();
    expect([...all].sort()).toEqual([...eventTypeSchema.options].sort());
    for (const type of eventTypeSchema.options) expect(EVENT_FAMILIES[familyOf(type)]).toContain(type);
  });
});
