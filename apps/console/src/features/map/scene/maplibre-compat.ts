import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * deck.gl 9.4's interleaved overlay reads `map.transform` (its `height`, and `_nearZ`/`_farZ` when the render call
 * does not pass them), which MapLibre 6 keeps on the map's internal camera instead. Exposes the camera's transform
 * under the old name for deck.gl; remove once @deck.gl/mapbox reads MapLibre 6's render parameters alone.
 */
export function exposeTransformForDeck(map: MapLibreMap): void {
  if ('transform' in map) return;
  Object.defineProperty(map, 'transform', {
    configurable: true,
    get() {
      const camera = (map as unknown as { _camera?: { transform?: object } })._camera;
      return camera?.transform ?? { height: map.getCanvas().clientHeight };
    },
  });
}
