import { describe, expect, it } from 'vitest';
import { roleSchema } from '@c2/api-client/schemas/role';
import { cameraStateSchema } from '@c2/api-client/schemas/camera';
import { eventTypeSchema } from '@c2/api-client/schemas/event';
import vi from './locales/vi.json';
import en from './locales/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('when a key exists in Vietnamese, then it exists in English too, and the other way round', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('when the contract names a role, camera state or event type, then both languages translate it', () => {
    for (const r of roleSchema.options) expect(vi.role[r]).toBeTruthy();
    for (const s of cameraStateSchema.options) expect(vi.camera.state[s]).toBeTruthy();
    for (const t of eventTypeSchema.options) expect(en.event.type[t]).toBeTruthy();
  });
});
