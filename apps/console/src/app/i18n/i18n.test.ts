import { describe, expect, it } from 'vitest';
import { roleSchema } from '@c2/api-client/schemas/role';
import { cameraStateSchema } from '@c2/api-client/schemas/camera';
import { eventTypeSchema } from '@c2/api-client/schemas/event';
import { BUNDLE_FILES, RESOURCES } from './resources';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const vi = RESOURCES.vi.translation as Record<string, Record<string, Record<string, string>>>;
const en = RESOURCES.en.translation as Record<string, Record<string, Record<string, string>>>;

describe('translations', () => {
  it('when a key exists in Vietnamese, then it exists in English too, and the other way round', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('when a feature ships a bundle, then it has both languages and claims top-level keys no other file uses', () => {
    const viFiles = Object.keys(BUNDLE_FILES.vi ?? {});
    expect(viFiles.length).toBeGreaterThan(1);
    expect(Object.keys(BUNDLE_FILES.en ?? {}).sort()).toEqual(
      viFiles.map((f) => f.replace(/vi\.json$/, 'en.json')).sort(),
    );
    const owner = new Map<string, string>();
    for (const [file, bundle] of Object.entries(BUNDLE_FILES.vi ?? {})) {
      for (const key of Object.keys(bundle)) {
        expect(owner.get(key), `"${key}" is defined in ${owner.get(key)} and ${file}`).toBeUndefined();
        owner.set(key, file);
      }
    }
  });

  it('when the contract names a role, camera state or event type, then both languages translate it', () => {
    for (const r of roleSchema.options) expect(vi.role?.[r]).toBeTruthy();
    for (const s of cameraStateSchema.options) expect(vi.camera?.state?.[s]).toBeTruthy();
    for (const t of eventTypeSchema.options) expect(en.event?.type?.[t]).toBeTruthy();
  });
});
