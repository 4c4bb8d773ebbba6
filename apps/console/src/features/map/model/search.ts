import type { Camera } from '@c2/api-client/schemas/camera';
import type { MapContext } from '@c2/api-client/schemas/map';

export type SearchHit =
  | { kind: 'camera'; id: string; label: string; detail: string; camera: Camera }
  | { kind: 'road'; id: string; label: string; detail: string; coords: [number, number][] }
  | { kind: 'ward'; id: string; label: string; detail: string; center: [number, number] };

/** Lower case without diacritics (đ → d), so "bac ninh" finds "Bắc Ninh" as operators often type it. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

interface Indexed<T> {
  key: string;
  item: T;
}

/**
 * The search index of the map: cameras by code and name, roads by reference and name, wards by name, all
 * diacritic-insensitive. Every word typed must occur; a match at the start of the text ranks first.
 */
export function createSearchIndex(cameras: readonly Camera[], context: MapContext) {
  const cams: Indexed<Camera>[] = cameras.map((c) => ({
    key: fold(`${c.id} ${c.code} ${c.name}`),
    item: c,
  }));
  const roads: Indexed<MapContext['roads'][number]>[] = context.roads.map((r) => ({
    key: fold(`${r.ref} ${r.name}`),
    item: r,
  }));
  const wards: Indexed<MapContext['areas'][number]>[] = context.areas.map((a) => ({
    key: fold(a.name),
    item: a,
  }));

  return (query: string, limit = 8): SearchHit[] => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const match = <T>(list: Indexed<T>[]) =>
      list
        .filter((x) => words.every((w) => x.key.includes(w)))
        .sort((a, b) => Number(!a.key.startsWith(words[0]!)) - Number(!b.key.startsWith(words[0]!)));
    const hits: SearchHit[] = [
      ...match(wards).map(({ item: a }): SearchHit => ({
        kind: 'ward',
        id: a.id,
        label: a.name,
        detail: '',
        center: a.center,
      })),
      ...match(roads).map(({ item: r }): SearchHit => ({
        kind: 'road',
        id: r.id,
        label: r.ref,
        detail: r.name,
        coords: r.coords,
      })),
      ...match(cams).map(({ item: c }): SearchHit => ({
        kind: 'camera',
        id: c.id,
        label: `${c.code} · ${c.name}`,
        detail: c.areaName,
        camera: c,
      })),
    ];
    return hits.slice(0, limit);
  };
}
